#!/usr/bin/env bash
# Starts the local stack from a clean data directory, prints how long it took until every service answered ready and
# how much memory (resident set size) each of its processes uses when idle, then again near the end of a minute of
# load from wrk through the gateway (bench/wrk/mixed.lua: opens, reads and lists cases), then stops it.
#   bench/local-stack-footprint.sh [load seconds=60] [connections=8]
# SKIP_BUILD=1 skips the Maven build; wrk is installed from the distribution's packages if missing.
seconds=${1:-60}
connections=${2:-8}
export CASEBRIDGE_GATEWAY_RATE_LIMIT_PER_SECOND=1000000 # the load comes from one caller
source "$(dirname "$0")/stack.sh"
stack_require wrk:wrk
stack_start
sleep 5 # let the JVMs settle after start-up before reading memory

printf '\nLocal stack on %s (%s cores)\n' "$(uname -n)" "$(nproc)"
printf 'Time until every service answered ready: %s s\n\nIdle:\n' "$stack_ready_seconds"
stack_rss_table
idle=$stack_total_rss

token=$(stack_token jo.smith)
case_id=$(curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"type":"ASB_PERSONAL","title":"Read under load","leadOfficer":"raj.patel","team":"STOCKTON_ASB"}' \
  http://localhost:8080/api/v1/cases | sed -E 's/.*"id" *: *"([0-9a-f]{24})".*/\1/')
load_out=$(mktemp)
TOKEN=$token CASE_ID=$case_id wrk -t2 -c"$connections" -d"${seconds}s" -s bench/wrk/mixed.lua http://localhost:8080 > "$load_out" &
load=$!
sleep $((seconds - 5))
printf '\nAfter %d s of load (%d connections through the gateway):\n' $((seconds - 5)) "$connections"
stack_rss_table
wait $load
printf '\nLoad: %s\n' "$(grep '^RESULT' "$load_out" | sed 's/^RESULT //')"
printf 'Whole platform: %d MB idle, %d MB under load\n' "$idle" "$stack_total_rss"
rm -f "$load_out"
