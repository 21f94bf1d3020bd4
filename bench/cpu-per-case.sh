#!/usr/bin/env bash
# CPU of every process of the local stack (utime + stime from /proc): idle, and per case under a fixed rate of cases
# opened through the gateway, net of idle (bench/CpuPerCaseBench.java). Uses the stack already running on the usual
# ports if there is one, otherwise starts its own on an empty data directory (with the gateway's per-caller rate
# limit raised) and stops it afterwards.
#   bench/cpu-per-case.sh [idle seconds=20] [cases a second=10] [load seconds=30] [drain seconds=10]
# SKIP_BUILD=1 skips the Maven build; STACK_CLASSPATH=<local-stack runtime classpath> skips resolving it.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! curl -sf -o /dev/null http://localhost:8080/actuator/health/readiness; then
  export CASEBRIDGE_GATEWAY_RATE_LIMIT_PER_SECOND=1000000
  source bench/stack.sh
  stack_start
  echo "Started the local stack in $stack_ready_seconds s"
fi

# each process of the stack, found by the port it listens on
pid_on() {
  ss -ltnpH "sport = :$1" | grep -oE 'pid=[0-9]+' | head -1 | cut -d= -f2
}
procs=()
for part in kafka:9092 mongo-wire:27019 smtp:3025 dev-issuer:9000 case-service:8081 party-service:8082 \
    tasking-service:8083 sharing-service:8084 notification-service:8085 web-console:8086 gateway:8080; do
  pid=$(pid_on "${part#*:}")
  [ -n "$pid" ] || { echo "nothing listens on ${part#*:} (${part%%:*})"; exit 1; }
  procs+=("${part%%:*}=$pid")
done
java -Dclk.tck="$(getconf CLK_TCK)" bench/CpuPerCaseBench.java "${1:-20}" "${2:-10}" "${3:-30}" "${4:-10}" "${procs[@]}"
