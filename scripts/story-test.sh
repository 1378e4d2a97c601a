#!/usr/bin/env bash
# Plays the scheme's story (scripts/story.py) over the API against a fresh `shinrai serve --demo`:
# a service described, stated, pre-checked, submitted, audited, signed, applied for, reviewed,
# decided, approved and found in the registry; the downloaded report is then checked against the
# signed log with `shinrai report verify`, the whole log with `shinrai log verify`, and the
# registry (the demo's and the story's entry) recomputed from the log with
# `shinrai registry rebuild --check`.
#
#   scripts/story-test.sh            # a few seconds once the binary is built
#
# Environment: SHINRAI (the binary; default $CARGO_TARGET_DIR/release/shinrai or
# target/release/shinrai). Needs curl and python3. The work directory (with the server's log) is
# kept when the story fails.
set -euo pipefail
cd "$(dirname "$0")/.."

shinrai="$(realpath -m "${SHINRAI:-${CARGO_TARGET_DIR:-target}/release/shinrai}")"
[ -x "$shinrai" ] || { echo "story-test: no binary at $shinrai (cargo build --release)" >&2; exit 2; }

work="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
"$shinrai" --lang en --data-dir "$work/data" serve --addr "127.0.0.1:$port" --demo >"$work/serve.log" 2>&1 &
server=$!
status=1
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; if [ "$status" = 0 ]; then rm -rf "$work"; else echo "story-test: kept $work" >&2; fi' EXIT

for _ in $(seq 200); do
  curl -fs "$base/healthz" >/dev/null && break
  sleep 0.1
done
curl -fs "$base/healthz" >/dev/null || { echo "story-test: the server did not start" >&2; cat "$work/serve.log" >&2; exit 2; }

python3 scripts/story.py --url "$base" --shinrai "$shinrai" --data "$work/data"
# The server keeps running: the log is read as it stands, every row accounted for.
"$shinrai" --lang en --data-dir "$work/data" log verify
# Every entry's status, level, validity and history as the log's events and the lifecycle rule
# make them.
"$shinrai" --lang en --data-dir "$work/data" registry rebuild --check
status=0
