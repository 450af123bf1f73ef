#!/usr/bin/env bash
# Load benchmark of the validation service: 50 concurrent gRPC submissions over loopback.
# Usage (from the repository root): synthos-service/bench/load.sh [out.json] [clients] [rows] [workers] [queue] [reference]
# Results go to the JSON file (default synthos-service/target/bench/service-load.json).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl synthos-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="synthos-service/target/test-classes:synthos-service/target/classes:synthos-api/target/classes:synthos-core/target/classes:synthos-io/target/classes:synthos-report/target/classes:$(cat synthos-service/target/bench-classpath.txt)"
OUT="${1:-synthos-service/target/bench/service-load.json}"
shift || true
exec java -Xmx1g -cp "$CP" org.synthos.service.ServiceLoadBenchmark "$OUT" "$@" 2> >(grep -v '^{' >&2)
