#!/usr/bin/env bash
# Restores a backup made by backup.sh into an empty database, then checks the job count.
#
#   PGHOST=db PGPORT=5432 PGUSER=synthos PGDATABASE=synthos_restored deploy/postgres/restore.sh jobs.pgdump
#
# Stop the service (or point it elsewhere) first; start it on the restored database afterwards:
# jobs that were RUNNING at backup time go back to QUEUED and run again, QUEUED ones run, finished
# ones keep their reports. It refuses a database that already holds a job store.
set -euo pipefail
in="${1:?usage: restore.sh BACKUP_FILE}"
bin="${PG_BIN:+$PG_BIN/}"
existing=$("${bin}psql" -X -A -t -v ON_ERROR_STOP=1 -c "SELECT to_regclass('synthos_jobs') IS NOT NULL")
if [ "$existing" = "t" ]; then
  echo "restore: database ${PGDATABASE:-?} already has synthos_jobs; restore into an empty database" >&2
  exit 1
fi
"${bin}pg_restore" --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="${PGDATABASE:?set PGDATABASE}" "$in"
jobs=$("${bin}psql" -X -A -t -v ON_ERROR_STOP=1 -c "SELECT count(*) FROM synthos_jobs")
echo "restore: $jobs job(s) in ${PGDATABASE}" >&2
