#!/usr/bin/env bash
# Starts the local stack from a clean data directory, then prints how long it took to become ready and how much
# memory (resident set size) each of its processes uses, then stops it. Run from the repository root:
#   bench/local-stack-footprint.sh
# Needs the service jars: it runs ./mvnw -q install -DskipTests first unless SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B install -DskipTests
cp_file=$(mktemp)
./mvnw -q -B -o -pl local-stack dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
classpath="$root/local-stack/target/classes:$(cat "$cp_file")"
data=$(mktemp -d)
log=$(mktemp)

start=$(date +%s.%N)
java -Xmx64m -Dcasebridge.root="$root" -Dcasebridge.data="$data" -cp "$classpath" org.casebridge.localstack.LocalStack > "$log" 2>&1 &
launcher=$!
trap 'kill $launcher 2>/dev/null; wait $launcher 2>/dev/null; rm -rf "$cp_file" "$data"' EXIT
until grep -q "CaseBridge is running" "$log"; do
  if ! kill -0 $launcher 2>/dev/null; then cat "$log"; exit 1; fi
  sleep 0.5
done
ready=$(date +%s.%N)
sleep 5 # let the JVMs settle after start-up before reading memory

printf '\nLocal stack on %s (%s cores)\n' "$(uname -n)" "$(nproc)"
printf 'Time until every service answered ready: %.1f s\n\n' "$(awk "BEGIN {print $ready - $start}")"
printf '%-22s %8s\n' process "RSS MB"
total=0
for pid in $(pgrep -P $launcher); do
  args=$(tr '\0' ' ' < /proc/$pid/cmdline)
  name=$(echo "$args" | grep -oE '(case|party|tasking|sharing|notification)-service\.jar|gateway\.jar|DevIssuerApplication|kafka\.Kafka|MongoWireServer' | head -1)
  rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  total=$((total + rss))
  printf '%-22s %8d\n' "${name%.jar}" "$rss"
done
launcher_rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$launcher/status)
printf '%-22s %8d\n' launcher "$launcher_rss"
printf '%-22s %8d\n' TOTAL $((total + launcher_rss))
