# Sourced by the bench scripts (not run by itself): builds the jars unless SKIP_BUILD=1, starts the local stack on a
# fresh, empty data directory, and stops it again when the script exits. Any CASEBRIDGE_* variable exported before
# sourcing reaches every process of the stack (the services read it as configuration).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B install -DskipTests
stack_cp_file=$(mktemp)
# STACK_CLASSPATH, when given, is the local stack's runtime classpath already resolved (saves a Maven run)
if [ -n "${STACK_CLASSPATH:-}" ]; then
  stack_classpath=$STACK_CLASSPATH
else
  ./mvnw -q -B -o -pl local-stack dependency:build-classpath -Dmdep.outputFile="$stack_cp_file" -Dmdep.includeScope=runtime
  stack_classpath="$root/local-stack/target/classes:$(cat "$stack_cp_file")"
fi
stack_data=$(mktemp -d)
stack_log=$(mktemp)
stack_extra_cleanup=${stack_extra_cleanup:-true}

stack_stop() {
  kill "$launcher" 2>/dev/null || true
  wait "$launcher" 2>/dev/null || true
  eval "$stack_extra_cleanup" || true
  rm -rf "$stack_cp_file" "$stack_data" "$stack_log"
}

# Starts the stack and waits until every service answers ready; sets stack_ready_seconds.
stack_start() {
  local start ready
  start=$(date +%s.%N)
  # STACK_LAUNCHER_OPTS: extra options for the launcher, e.g. -Dcasebridge.service-jvm=-Xmx160m,-XX:+UseSerialGC
  # (the services' JVM options, comma-separated)
  java -Xmx64m ${STACK_LAUNCHER_OPTS:-} -Dcasebridge.root="$root" -Dcasebridge.data="$stack_data" -cp "$stack_classpath" \
    org.casebridge.localstack.LocalStack > "$stack_log" 2>&1 &
  launcher=$!
  trap stack_stop EXIT
  until grep -q "CaseBridge is running" "$stack_log"; do
    if ! kill -0 "$launcher" 2>/dev/null; then cat "$stack_log"; exit 1; fi
    sleep 0.5
  done
  ready=$(date +%s.%N)
  stack_ready_seconds=$(awk "BEGIN {printf \"%.1f\", $ready - $start}")
}

# Prints each process's resident set size in MB and the total; sets stack_total_rss.
stack_rss_table() {
  local total=0 args name rss
  printf '%-22s %8s\n' process "RSS MB"
  for pid in $(pgrep -P "$launcher"); do
    args=$(tr '\0' ' ' < "/proc/$pid/cmdline")
    name=$(echo "$args" | grep -oE '(case|party|tasking|sharing|notification)-service\.jar|gateway\.jar|web-console\.jar|DevIssuerApplication|kafka\.Kafka|MongoWireServer|MailServer' | head -1)
    rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
    total=$((total + rss))
    printf '%-22s %8d\n' "${name%.jar}" "$rss"
  done
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$launcher/status")
  printf '%-22s %8d\n' launcher "$rss"
  stack_total_rss=$((total + rss))
  printf '%-22s %8d\n' TOTAL "$stack_total_rss"
}

# The CPU time (utime + stime, in clock ticks) of every process of the stack so far.
stack_cpu_ticks() {
  local total=0 pid
  for pid in $(pgrep -P "$launcher"); do total=$((total + $(awk '{print $14+$15}' "/proc/$pid/stat"))); done
  echo "$total"
}

# Waits (at most 5 minutes) until the whole stack uses less than 300 ms of CPU a second over 5 s, as after a load its
# services are still working through the events it set off (idle is about 120); sets stack_settled_cpu (ms a second).
stack_settle() {
  local hz before after attempt
  hz=$(getconf CLK_TCK)
  for attempt in $(seq 1 60); do
    before=$(stack_cpu_ticks); sleep 5; after=$(stack_cpu_ticks)
    stack_settled_cpu=$(( (after - before) * 1000 / hz / 5 ))
    [ "$stack_settled_cpu" -lt 300 ] && return
  done
}

# Installs what a benchmark needs from the distribution's packages if it is missing: stack_require command:package ...
stack_require() {
  local missing=() need sudo=""
  for need in "$@"; do
    command -v "${need%%:*}" > /dev/null || missing+=("${need#*:}")
  done
  [ ${#missing[@]} = 0 ] && return
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get install -y -q "${missing[@]}" > /dev/null
}

# A practitioner's access token from the development issuer.
stack_token() {
  curl -s -d "username=$1" -d password=demo http://localhost:9000/dev/token | sed -E 's/.*"access_token" *: *"([^"]+)".*/\1/'
}
