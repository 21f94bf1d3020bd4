#!/usr/bin/env bash
# Write rate of the embedded MongoDB-wire server with each durability setting, side by side in one run
# (bench/MongoWireWriteBench.java): acknowledged ~1 KB inserts from 1 and from several client threads against
#   timer  -Dcasebridge.mongo.commit-per-write=false  the old behaviour: H2's MVStore commits about once a second
#   commit (the default)                               each write command committed to the file before its reply
#   fsync  -Dcasebridge.mongo.fsync-per-write=true    each write also forced to the disk (FileChannel.force)
# Each server runs in its own JVM as the local stack runs it, on a fresh data file.
#   bench/mongo-wire-writes.sh [seconds per turn=10] [threads=1,4,16] [rounds=3]
# SKIP_BUILD=1 skips the Maven build; MVNW overrides the Maven command (default ./mvnw).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
threads=${2:-1,4,16}
rounds=${3:-3}
mvnw=${MVNW:-./mvnw}
[ "${SKIP_BUILD:-0}" = 1 ] || $mvnw -q -B install -pl local-stack -am -DskipTests
cp_file=$(mktemp)
$mvnw -q -B -o -pl local-stack dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
classpath="$(pwd)/local-stack/target/classes:$(cat "$cp_file")"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  wait 2> /dev/null || true
  rm -rf "$cp_file" "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
targets=()
start_server() { # name jvm-option...
  local name=$1 port; shift
  port=$(free_port)
  java -Xmx384m -XX:+UseSerialGC "$@" -cp "$classpath" org.casebridge.localstack.MongoWireServer \
    "$work/$name/casebridge.mv" "$port" > "$work/$name.log" 2>&1 &
  pids+=($!)
  until (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; do
    kill -0 "${pids[-1]}" 2> /dev/null || { cat "$work/$name.log"; exit 1; }
    sleep 0.2
  done
  targets+=("$name=$port")
}
start_server timer -Dcasebridge.mongo.commit-per-write=false
start_server commit
start_server fsync -Dcasebridge.mongo.fsync-per-write=true
java -Xmx512m -cp "$classpath" bench/MongoWireWriteBench.java "$seconds" "$threads" "$rounds" "${targets[@]}"
