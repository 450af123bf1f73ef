#!/usr/bin/env bash
# Smoke test of a built image: it starts read-only as a non-root user, becomes healthy, validates
# the bundled credit-g pair to SUCCEEDED, exports its metrics, and exits 0 on SIGTERM.
#
#   deploy/container/smoke.sh synthos:dev
#
# ENGINE (default docker) may be podman; ENGINE_FLAGS go before "run", RUN_FLAGS after it (for
# instance ulimits or a network mode a restricted host needs). PORT is the host port for HTTP;
# PUBLISH (default "-p PORT:PORT") is empty where the container shares the host's network.
set -euo pipefail
image="${1:?usage: smoke.sh IMAGE}"
engine="${ENGINE:-docker}"
read -r -a engine_flags <<<"${ENGINE_FLAGS:-}"
read -r -a run_flags <<<"${RUN_FLAGS:-}"
port="${PORT:-18000}"
read -r -a publish <<<"${PUBLISH-"-p $port:$port"}"
root=$(cd "$(dirname "$0")/../.." && pwd)
name="synthos-smoke-$$"
data=$(mktemp -d)
trap '"$engine" "${engine_flags[@]}" rm -f "$name" >/dev/null 2>&1 || true; rm -rf "$data"' EXIT
mkdir -p "$data/storage"
cp "$root/examples/pairs/credit-g-candidate.csv" "$root/examples/pairs/credit-g-reference.csv" "$data/storage/"
chown -R 10001:10001 "$data" 2>/dev/null || chmod -R a+rwX "$data"

fail() { echo "smoke: FAILED: $*" >&2; "$engine" "${engine_flags[@]}" logs "$name" >&2 || true; exit 1; }

"$engine" "${engine_flags[@]}" run -d --name "$name" "${run_flags[@]}" \
  --read-only --tmpfs /tmp --volume "$data:/var/lib/synthos" \
  -e SYNTHOS_HTTP_PORT="$port" -e SYNTHOS_GRPC_PORT=$((port + 1)) "${publish[@]}" \
  "$image" >/dev/null

[ "$("$engine" "${engine_flags[@]}" exec "$name" id -u)" != "0" ] || fail "runs as root"
if "$engine" "${engine_flags[@]}" exec "$name" bash -c 'touch /opt/x' 2>/dev/null; then
  fail "the root filesystem is writable"
fi

for _ in $(seq 1 90); do
  if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then break; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null || fail "not ready after 90 s"

# The image's own HEALTHCHECK: podman runs it on request, docker on its interval.
if [ "$engine" = podman ]; then
  "$engine" "${engine_flags[@]}" healthcheck run "$name" || fail "HEALTHCHECK fails"
else
  for _ in $(seq 1 60); do
    health=$("$engine" inspect -f '{{.State.Health.Status}}' "$name")
    [ "$health" = healthy ] && break
    sleep 1
  done
  [ "$health" = healthy ] || fail "HEALTHCHECK says $health"
fi

job=$(curl -fsS -X POST "http://127.0.0.1:$port/v1/validations" \
  -d '{"dataset_uri":"credit-g-candidate.csv","reference_uri":"credit-g-reference.csv","seed":7}' |
  sed -n 's/.*"job_id":"\([^"]*\)".*/\1/p')
[ -n "$job" ] || fail "no job id"
state=""
for _ in $(seq 1 120); do
  state=$(curl -fsS "http://127.0.0.1:$port/v1/validations/$job" | sed -n 's/.*"state":"\([A-Z]*\)".*/\1/p')
  case "$state" in SUCCEEDED | FAILED | CANCELLED) break ;; esac
  sleep 1
done
[ "$state" = "SUCCEEDED" ] || fail "job $job ended $state"
# Read whole before matching: grep -q would close the pipe early and fail curl under pipefail.
report=$(curl -fsS "http://127.0.0.1:$port/v1/validations/$job/report")
grep -q '"decision"' <<<"$report" || fail "no report"
metrics=$(curl -fsS "http://127.0.0.1:$port/metrics")
grep -q 'synthos_validation_requests_total{dataset_format="csv",status="succeeded"} 1.0' <<<"$metrics" ||
  fail "metrics do not count the job"

"$engine" "${engine_flags[@]}" stop -t 60 "$name" >/dev/null
status=$("$engine" "${engine_flags[@]}" inspect -f '{{.State.ExitCode}}' "$name")
[ "$status" = "0" ] || fail "exit status $status after SIGTERM"
logs=$("$engine" "${engine_flags[@]}" logs "$name" 2>&1)
grep -q '"msg":"stopped"' <<<"$logs" || fail "no shutdown line"
echo "smoke: OK ($image: ready, healthy, job $job SUCCEEDED, metrics, non-root, read-only, exit 0 on SIGTERM)"
