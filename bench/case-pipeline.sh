#!/usr/bin/env bash
# Cases opened through the gateway at fixed rates, and the time until each one's access decision is published and its
# lead officer's notification is in the inbox, beside the raw end-to-end latency of the same Kafka broker at the same
# rate (bench/CasePipelineBench.java). Starts its own local stack, with the gateway's per-caller rate limit raised so
# that one bench client can reach the higher rates.
#   bench/case-pipeline.sh [seconds=20] [rates=10,20,50,200]
# SKIP_BUILD=1 skips the Maven build.
export CASEBRIDGE_GATEWAY_RATE_LIMIT_PER_SECOND=1000000
source "$(dirname "$0")/stack.sh"
stack_start
java -Dcasebridge.data="$stack_data" -cp "$stack_classpath" bench/CasePipelineBench.java "${1:-20}" "${2:-10,20,50,200}"
