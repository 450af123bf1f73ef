#!/usr/bin/env bash
# Backs up the Synthos job store (PostgreSQL) into one file in pg_dump's custom format.
#
#   PGHOST=db PGPORT=5432 PGUSER=synthos PGDATABASE=synthos deploy/postgres/backup.sh jobs.pgdump
#
# Connection settings are libpq's environment variables (PGPASSWORD or ~/.pgpass for the password).
# The dump is consistent (one snapshot) and can be taken while the service runs. PG_BIN names the
# directory of pg_dump when it is not on the PATH.
set -euo pipefail
out="${1:?usage: backup.sh OUTPUT_FILE}"
bin="${PG_BIN:+$PG_BIN/}"
"${bin}pg_dump" --format=custom --no-owner --no-privileges --file="$out"
echo "backup: $(du -h "$out" | cut -f1) written to $out" >&2
