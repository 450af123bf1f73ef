#!/usr/bin/env bash
# Writes random credentials for the compose file into deploy/compose/secrets/, once: existing files
# are kept, so the database and MinIO keep accepting them.
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)/secrets"
mkdir -p "$dir"
umask 077
for name in db_password s3_access_key s3_secret_key; do
  if [ ! -s "$dir/$name.txt" ]; then
    head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$dir/$name.txt"
    echo "wrote $dir/$name.txt"
  fi
done
