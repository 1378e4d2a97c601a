#!/usr/bin/env bash
# HTTP throughput and startup time of `shinrai serve`, printed as Markdown for docs/benchmarks.md.
#
# 1. Starts the release binary on a free port with a fresh data directory (SQLite) and runs
#    `wrk --latency`, one run after the other:
#      - GET /livez (the cheapest route: what the HTTP stack itself costs);
#      - POST /api/v1/decide/registration with a 1,200-control case that decides `register`
#        (scripts/gen-registration-case.py; 0.34 MB of JSON per request).
#    Each run reports requests/s and latency p50/p99; the decide run must see no non-2xx answer.
#    The target is decide at no less than 25 % of the /livez rate. A third run, for comparison
#    only, posts the README's small example (tests/cases/registration/registers.json, 5 controls).
#    A fourth run measures the floor that the body's size alone sets: a JSON document of the same
#    size that is one long string, so the server receives it and parses it almost for free, then
#    answers 422 (not a case). No decision can be faster than this run.
# 2. Times `shinrai serve --demo` on an empty data directory, from launch until /healthz answers
#    200, five times (target: median under 2 s).
#
#   scripts/http-bench.sh                      # about 130 s
#   DURATION=10s RUNS=3 scripts/http-bench.sh  # quicker, for trying it out
#
# Environment: SHINRAI (the binary; default $CARGO_TARGET_DIR/release/shinrai or
# target/release/shinrai), THREADS (wrk threads, 2), CONNECTIONS (64), DURATION (30s), RUNS
# (startup runs, 5). The server logs every request as it does by default, to a file that is
# deleted at the end. wrk and the server share the machine's cores: say so with the figures.
# Needs wrk (apt-get install wrk), curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

shinrai="$(realpath -m "${SHINRAI:-${CARGO_TARGET_DIR:-target}/release/shinrai}")"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-64}"
duration="${DURATION:-30s}"
runs="${RUNS:-5}"
[ -x "$shinrai" ] || { echo "http-bench: no binary at $shinrai (cargo build --release)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "http-bench: wrk is missing (apt-get install wrk)" >&2; exit 2; }

work="$(mktemp -d)"
server=""
stop_server() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=""
  fi
}
trap 'stop_server; rm -rf "$work"' EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
now_ms() { date +%s%3N; }

# Starts `shinrai serve` on a new data directory; sets $server and $port. Extra flags: "$@".
start_server() {
  port="$(free_port)"
  local data="$work/data-$port"
  # wrk comes from one address: lift the quota of anonymous decisions, which measures throughput
  # of refusals otherwise.
  SHINRAI_DECIDE_PER_MINUTE=1000000 SHINRAI_DECIDE_BURST=1000000 \
    "$shinrai" --lang en --data-dir "$data" serve --addr "127.0.0.1:$port" "$@" \
    >"$work/serve-$port.out" 2>"$work/serve-$port.log" &
  server=$!
}
wait_healthy() {
  for _ in $(seq 2000); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && return 0
    kill -0 "$server" 2>/dev/null || break
    sleep 0.005
  done
  echo "http-bench: the server did not become healthy" >&2
  cat "$work"/serve-"$port".log >&2
  exit 1
}

# Pulls figures out of wrk's report: requests/s, p50 and p99 in ms, non-2xx answers, errors.
wrk_figures() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
      if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
      if (v ~ /s$/)  return substr(v, 1, length(v) - 1) * 1000
      return v
    }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /requests in/ { total = $1 }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    /Socket errors:/ { errors = $0; sub(/^ *Socket errors: */, "", errors) }
    /^Requests\/sec:/ { rps = $2 }
    END { printf "%s %.3f %.3f %s %s %s\n", rps, p50, p99, total, bad + 0, (errors == "" ? "none" : errors) }
  ' "$1"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- Throughput ------------------------------------------------------------------------------
python3 scripts/gen-registration-case.py >"$work/case.json"
case_bytes="$(wc -c <"$work/case.json")"
small_case="$PWD/tests/cases/registration/registers.json"
# A wrk script that POSTs the file $1 as JSON.
post_script() {
  cat <<EOF
local file = assert(io.open("$1", "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "application/json"
file:close()
EOF
}
post_script "$work/case.json" >"$work/decide.lua"
post_script "$small_case" >"$work/small.lua"
python3 -c "import json, sys; print(json.dumps({'criteria': 'x' * (int(sys.argv[1]) - 16)}))" \
  "$case_bytes" >"$work/floor.json"
post_script "$work/floor.json" >"$work/floor.lua"

start_server
wait_healthy
base="http://127.0.0.1:$port"
# The case must really decide `register` with no findings, else the benchmark times an error.
curl -fs -H 'Content-Type: application/json' --data-binary @"$work/case.json" \
  "$base/api/v1/decide/registration" >"$work/answer.json"
python3 - "$work/answer.json" <<'EOF'
import json, sys
answer = json.load(open(sys.argv[1]))
if answer.get("decision") != "register" or answer.get("findings"):
    sys.exit(f"http-bench: the case did not decide register cleanly: {answer}")
EOF

wrk -t"$threads" -c"$connections" -d"$duration" --latency "$base/livez" >"$work/livez.txt"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$work/decide.lua" \
  "$base/api/v1/decide/registration" >"$work/decide.txt"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$work/small.lua" \
  "$base/api/v1/decide/registration" >"$work/small.txt"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$work/floor.lua" \
  "$base/api/v1/decide/registration" >"$work/floor.txt"
# What the server grew to under load: peak resident memory and threads (the blocking pool).
peak_rss_mib="$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status")"
server_threads="$(awk '/^Threads/ { print $2 }' "/proc/$server/status")"
stop_server
read -r livez_rps livez_p50 livez_p99 livez_total livez_bad livez_errors < <(wrk_figures "$work/livez.txt")
read -r decide_rps decide_p50 decide_p99 decide_total decide_bad decide_errors < <(wrk_figures "$work/decide.txt")
read -r small_rps small_p50 small_p99 small_total small_bad small_errors < <(wrk_figures "$work/small.txt")
read -r floor_rps floor_p50 floor_p99 floor_total floor_bad floor_errors < <(wrk_figures "$work/floor.txt")
floor_ratio="$(python3 -c "print(f'{100 * $floor_rps / $livez_rps:.1f}')")"
small_ratio="$(python3 -c "print(f'{100 * $small_rps / $livez_rps:.1f}')")"
ratio="$(python3 -c "print(f'{100 * $decide_rps / $livez_rps:.1f}')")"

# --- Startup ---------------------------------------------------------------------------------
startups=()
for _ in $(seq "$runs"); do
  started="$(now_ms)"
  start_server --demo
  wait_healthy
  startups+=("$(($(now_ms) - started))")
  stop_server
done
startup_list="$(printf '%s\n' "${startups[@]}" | sort -n | paste -sd' ')"
startup_median="$(printf '%s\n' "${startups[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }')"

load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
verdict() { if python3 -c "import sys; sys.exit(0 if $1 else 1)"; then echo met; else echo "NOT met"; fi; }

cat <<EOF
### Throughput (\`wrk -t$threads -c$connections -d$duration --latency\`, $(date -u +%Y-%m-%d))

Load average (1, 5, 15 min) before: $load_before; after: $load_after. $(nproc) cores, shared by wrk and the server.

| Route | Requests | Requests/s | p50 (ms) | p99 (ms) | Non-2xx | Socket errors |
|---|---:|---:|---:|---:|---:|---|
| GET /livez | $livez_total | $livez_rps | $livez_p50 | $livez_p99 | $livez_bad | $livez_errors |
| POST /api/v1/decide/registration (1,200 controls, $case_bytes bytes) | $decide_total | $decide_rps | $decide_p50 | $decide_p99 | $decide_bad | $decide_errors |
| POST /api/v1/decide/registration (small example, 5 controls, $(wc -c <"$small_case") bytes; comparison only) | $small_total | $small_rps | $small_p50 | $small_p99 | $small_bad | $small_errors |
| POST /api/v1/decide/registration (floor: one string of $(wc -c <"$work/floor.json") bytes, answered 422) | $floor_total | $floor_rps | $floor_p50 | $floor_p99 | $floor_bad (all expected) | $floor_errors |

Decide throughput is **$ratio %** of /livez with the 1,200-control case ($small_ratio % with the
small example). Receiving and scanning a body of the 1,200-control case's size, with no decision
at all, reaches $floor_ratio % of /livez. Server after the four runs: peak resident memory
$peak_rss_mib MiB, $server_threads threads.

### Startup (\`shinrai serve --demo\` on an empty data directory until /healthz answers, $runs runs)

| Runs (ms, sorted) | Median (ms) |
|---|---:|
| $startup_list | $startup_median |

### Against the targets

| Target | Measured | Verdict |
|---|---|---|
| Decide throughput at least 25 % of /livez | $ratio % ($decide_rps / $livez_rps requests/s) | $(verdict "$ratio >= 25") |
| Latency p99 reported | /livez $livez_p99 ms, decide $decide_p99 ms | reported |
| Startup under 2 s (median of $runs) | $startup_median ms | $(verdict "$startup_median < 2000") |
EOF

if [ "$decide_bad" != 0 ] || [ "$livez_bad" != 0 ] || [ "$small_bad" != 0 ]; then
  echo "http-bench: some answers were not 2xx" >&2
  exit 1
fi
