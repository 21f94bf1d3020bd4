#!/usr/bin/env bash
# What the gateway costs: the same request (a practitioner reading one case) straight to case-service, through the
# gateway, and through nginx in front of the same case-service, at the same concurrency in one run, measured with wrk.
# Starts its own local stack (with the gateway's per-caller rate limit raised, so the limiter does not answer for the
# service) and its own nginx; installs nginx and wrk from the distribution's packages if they are missing.
#   bench/gateway-overhead.sh [connections=16] [seconds per target=30]
# SKIP_BUILD=1 skips the Maven build.
connections=${1:-16}
seconds=${2:-30}
threads=$(( connections < 2 ? 1 : 2 ))
export CASEBRIDGE_GATEWAY_RATE_LIMIT_PER_SECOND=1000000
nginx_dir=$(mktemp -d)
stack_extra_cleanup='[ -f "$nginx_dir/nginx.pid" ] && nginx -p "$nginx_dir" -c nginx.conf -s stop 2> /dev/null; rm -rf "$nginx_dir"'
source "$(dirname "$0")/stack.sh"
stack_require wrk:wrk nginx:nginx-light
stack_start

cat > "$nginx_dir/nginx.conf" <<CONF
worker_processes 1;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $nginx_dir; proxy_temp_path $nginx_dir; fastcgi_temp_path $nginx_dir;
  uwsgi_temp_path $nginx_dir; scgi_temp_path $nginx_dir;
  upstream case_service { server 127.0.0.1:8081; keepalive 64; }
  server {
    listen 127.0.0.1:8090;
    location / {
      proxy_pass http://case_service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
CONF
nginx -p "$nginx_dir" -c nginx.conf

token=$(stack_token jo.smith)
case_id=$(curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"type":"ASB_PERSONAL","title":"Read by the gateway benchmark","leadOfficer":"raj.patel","team":"STOCKTON_ASB"}' \
  http://localhost:8080/api/v1/cases | sed -E 's/.*"id" *: *"([0-9a-f]{24})".*/\1/')
path=/api/v1/cases/$case_id
for port in 8081 8080 8090; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://localhost:$port$path")
  [ "$status" = 200 ] || { echo "GET $path on port $port answered $status"; exit 1; }
done

run() { # name port seconds
  local line
  line=$(TOKEN=$token wrk -t"$threads" -c"$connections" -d"${3}s" --latency -s bench/wrk/report.lua "http://localhost:$2$path" | grep '^RESULT')
  echo "$1 ${line#RESULT }"
}
# warm-up through the gateway (which warms case-service too) and nginx, so the JIT has compiled the paths measured
run warm-up 8080 20 > /dev/null
run warm-up 8090 5 > /dev/null
# the three take turns, so a slow patch of the machine (a GC, a background job) does not fall on one of them
rounds=3
results=$(mktemp)
for round in $(seq $rounds); do
  for target in direct:8081 gateway:8080 nginx:8090; do
    run "${target%:*}" "${target#*:}" $((seconds / rounds))
  done
done | tee "$results"

printf '\nGET one case, %d connections, %d rounds of %d s each, on %s (%s cores); median of the rounds\n\n' \
  "$connections" "$rounds" $((seconds / rounds)) "$(uname -n)" "$(nproc)"
awk '
  function median(a, b, c) { return a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b)) }
  { n = ++count[$1]; for (i = 2; i <= NF; i++) { split($i, kv, "="); v[$1, kv[1], n] = kv[2] } }
  END {
    split("direct gateway nginx", names, " ")
    for (k = 1; k <= 3; k++) { p = names[k]
      for (f = 1; f <= 3; f++) { m = (f == 1 ? "p50_ms" : f == 2 ? "p99_ms" : "rps")
        med[p, m] = median(v[p, m, 1], v[p, m, 2], v[p, m, 3]) }
      for (r = 1; r <= 3; r++) { bad[p] += v[p, "non2xx", r] + v[p, "errors", r] } }
    printf "%-10s %9s %9s %9s %14s %11s %11s\n", "path", "p50 ms", "p99 ms", "req/s", "non-2xx/errors", "p50 ratio", "rps ratio"
    for (k = 1; k <= 3; k++) { p = names[k]
      printf "%-10s %9.2f %9.2f %9.1f %14d %10.2fx %10.2fx\n", p, med[p, "p50_ms"], med[p, "p99_ms"], med[p, "rps"], bad[p],
        med[p, "p50_ms"] / med["direct", "p50_ms"], med[p, "rps"] / med["direct", "rps"] }
    printf "\nadded at p50: gateway %.2f ms, nginx %.2f ms\n", med["gateway", "p50_ms"] - med["direct", "p50_ms"],
      med["nginx", "p50_ms"] - med["direct", "p50_ms"]
  }' "$results"
rm -f "$results"
