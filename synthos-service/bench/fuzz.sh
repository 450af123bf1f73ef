#!/usr/bin/env bash
# Long fuzzing run over every fuzz target (CSV, JSON Lines and Parquet readers, policy and config
# parsers, HTTP request bodies) under standalone Jazzer: prints the executions and how many workers
# ended with a finding. Findings (crash-*, timeout-*, oom-*) and logs go to the output directory.
# Each worker goes on past findings (up to 100 distinct ones).
# Usage (from the repository root): synthos-service/bench/fuzz.sh [seconds=600] [workers=1] [out]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl synthos-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="synthos-service/target/test-classes:synthos-service/target/classes:synthos-api/target/classes:synthos-core/target/classes:synthos-io/target/classes:synthos-report/target/classes:$(cat synthos-service/target/bench-classpath.txt)"
CP=$(echo "$CP" | tr ':' '\n' | sed "s|^synthos-|$PWD/synthos-|" | paste -sd:)
OUT="${3:-$PWD/synthos-service/target/fuzz-long}"
cd synthos-service
exec java -Xmx512m -cp "$CP" org.synthos.service.FuzzCampaign "${1:-600}" "${2:-1}" "$OUT" 100
