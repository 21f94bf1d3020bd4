#!/usr/bin/env bash
# The web console's server time per page (p50, p95, through the gateway, one signed-in user, 50 requests each) with
# 1,000 cases in the stack, and each main page's weight (HTML + CSS + JS, as sent compressed and unpacked; the CSS and
# JS are found in the page itself: its stylesheets, scripts and the modules they import).
# Usage: bench/console-pages.sh   (SKIP_BUILD=1 to reuse the built jars; CASES=1000 to change the number of cases)
source "$(dirname "$0")/stack.sh"
stack_require curl:curl
CASES=${CASES:-1000}
REPEAT=${REPEAT:-50}
stack_start
echo "stack ready in ${stack_ready_seconds} s"
G=http://localhost:8080
token() { curl -s -d username="$1" -d password=demo http://localhost:9000/dev/token | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }
# the record's own id: the first 24-hex "id" of the answer (a task also names its assignee's "id", a team code)
# (nothing, not a failure, when the answer is a problem: set -e would end the script)
first_id() { { grep -o '"id":"[0-9a-f]\{24\}"' || true; } | head -1 | cut -d'"' -f4; }
JO=$(token jo.smith)

echo "opening $CASES cases..."
seq 1 "$CASES" | xargs -P 8 -I{} curl -s -o /dev/null -H "Authorization: Bearer $JO" -H 'Content-Type: application/json' \
  -d '{"type":"ASB_PERSONAL","title":"Benchmark case {} at Elm Road","leadOfficer":"jo.smith","team":"STOCKTON_ASB"}' $G/api/v1/cases
CASE=$(curl -s -H "Authorization: Bearer $JO" -H 'Content-Type: application/json' \
  -d '{"type":"ASB_PERSONAL","title":"The case page measured","leadOfficer":"jo.smith"}' $G/api/v1/cases | first_id)
PERSON=$(curl -s -H "Authorization: Bearer $JO" -H 'Content-Type: application/json' \
  -d '{"givenName":"Bench","familyName":"Marker","dateOfBirth":"1970-01-01"}' $G/api/v1/parties/people | first_id)
curl -s -o /dev/null -H "Authorization: Bearer $JO" -H 'Content-Type: application/json' \
  -d "{\"target\":\"PERSON\",\"targetId\":\"$PERSON\",\"role\":\"VICTIM\"}" $G/api/v1/cases/$CASE/links
# tasking-service takes tasks on a case once it has heard of the case's access over Kafka: ask until it has
TASK=""
for attempt in $(seq 1 180); do
  TASK=$(curl -s -H "Authorization: Bearer $JO" -H 'Content-Type: application/json' \
    -d "{\"caseId\":\"$CASE\",\"title\":\"Call back\"}" $G/api/v1/tasks | first_id)
  [ -n "$TASK" ] && break
  sleep 1
done
[ -n "$TASK" ] || { echo "tasking-service never took a task on the measured case"; exit 1; }

# sign in as a browser would: the console sends us to the issuer's form, which sends us back with a code
jar=$(mktemp)
login=$(curl -s -c "$jar" -b "$jar" -L $G/)
csrf=$(echo "$login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="\([^"]*\)".*/\1/')
curl -s -o /dev/null -c "$jar" -b "$jar" -L -d "username=jo.smith&password=demo&_csrf=$csrf" http://localhost:9000/login
home=$(curl -s -c "$jar" -b "$jar" $G/)
[[ "$home" == *signed-in-as* ]] || { echo "could not sign in"; exit 1; }

# the stylesheets and scripts a page names, and the modules those scripts import (those of another origin too, which
# the caller counts apart)
assets_of() {
  local urls u
  urls=$(echo "$1" | { grep -oE '<link rel="stylesheet" href="[^"]+"|<script[^>]* src="[^"]+"' || true; } \
    | sed -E 's/.*(href|src)="([^"]+)"/\2/')
  for u in $urls; do
    echo "$u"
    case $u in /*.js) curl -s "$G$u" | { grep -oE "from '[^']+'" || true; } | sed -E "s/from '([^']+)'/\1/" ;; esac
  done | sort -u
}
kb() { awk "BEGIN{printf \"%.1f\", $1/1024}"; }
foreign=""

# measure a settled stack: the events the 1,000 cases set off worked through first
stack_settle
echo "stack settled after the load: $stack_settled_cpu ms of CPU a second"

printf '\n%-8s %7s %7s %8s %8s %9s %9s\n' page "p50 ms" "p95 ms" "HTML KB" "HTML gz" "page KB" "page gz"
for page in "home:/" "case:/cases/$CASE" "person:/people/$PERSON" "task:/tasks/$TASK" "tasks:/tasks?view=SET_BY_ME"; do
  name=${page%%:*}; path=${page#*:}
  # warmed up first, as a console that has been running would be
  for i in $(seq 1 20); do curl -s -o /dev/null -b "$jar" "$G$path"; done
  for i in $(seq 1 "$REPEAT"); do
    curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' "$G$path"
  done | sort -n > /tmp/console-times
  p50=$(awk -v n="$REPEAT" 'NR==int(n*0.5){printf "%.0f", $1*1000}' /tmp/console-times)
  p95=$(awk -v n="$REPEAT" 'NR==int(n*0.95){printf "%.0f", $1*1000}' /tmp/console-times)
  html=$(curl -s -o /dev/null -b "$jar" -w '%{size_download}' "$G$path")
  gz=$(curl -s -o /dev/null -b "$jar" -H 'Accept-Encoding: gzip' -w '%{size_download}' "$G$path")
  weight=$html; weight_gz=$gz
  for a in $(assets_of "$(curl -s -b "$jar" "$G$path")"); do
    case $a in http:*|https:*|//*) foreign="$foreign $name:$a"; continue ;; esac
    weight=$((weight + $(curl -s -o /dev/null -w '%{size_download}' "$G$a")))
    weight_gz=$((weight_gz + $(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{size_download}' "$G$a")))
  done
  printf '%-8s %7s %7s %8s %8s %9s %9s\n' "$name" "$p50" "$p95" "$(kb $html)" "$(kb $gz)" "$(kb $weight)" "$(kb $weight_gz)"
done

echo
echo "CSS + JS of every page (same origin; each is cached by the browser after the first page):"
for a in $(assets_of "$(curl -s -b "$jar" "$G/")"); do
  case $a in http:*|https:*|//*) continue ;; esac
  headers=$(curl -s -o /dev/null -D - -H 'Accept-Encoding: gzip' "$G$a" | tr -d '\r')
  printf '  %-72s %7s KB %6s KB gz  %s\n' "$a" "$(kb "$(curl -s -o /dev/null -w '%{size_download}' "$G$a")")" \
    "$(kb "$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{size_download}' "$G$a")")" \
    "$(echo "$headers" | grep -i '^cache-control:' | cut -d' ' -f2- || true)"
done
echo "from another origin: ${foreign:-nothing}"
rm -f "$jar" /tmp/console-times
