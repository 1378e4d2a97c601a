#!/usr/bin/env bash
# The web pages in a real browser: Debian's Chromium driven by playwright-core (tests/browser).
#
# Starts `shinrai serve --demo` on a free port with a throw-away data directory, runs the tests
# against it (their base address in SHINRAI_BASE_URL) and stops it. Every page kind is visited
# in Japanese and English: status, <html lang>, skip link, language switch, no console errors,
# no serious or critical axe-core violations; then the registry's flows (search, filters, an
# entry and its dependencies, the CSV download, the feed), the staff's flows (sign-in, the
# provider's statement, the operator's review) and the whole scheme's story, from a new
# service's statement to its registry entry, played once in each language by the demo users
# (flows/whole-story.test.js). The registry the flows leave is then checked against its log
# (`shinrai registry rebuild --check`). A full-page screenshot of each page kind in each language is
# left in artifacts/screenshots/ (KIND.LANG.png, e.g. registry-list.ja.png), with those of the
# flows' steps (e.g. story-05-review-rule.en.png).
#
#   scripts/browser-test.sh               # a few minutes on two cores, most of it the story
#
# Environment: SHINRAI (the binary; default $CARGO_TARGET_DIR/release/shinrai or
# target/release/shinrai; this script builds nothing), SCREENSHOTS (the screenshots' folder).
# Needs node 20+ and npm (the tests' packages are installed with `npm ci` when missing or out
# of date), python3, curl, and /usr/bin/chromium (apt-get install chromium fonts-ipaexfont).
set -euo pipefail
cd "$(dirname "$0")/.."

shinrai="$(realpath -m "${SHINRAI:-${CARGO_TARGET_DIR:-target}/release/shinrai}")"
screenshots="$(realpath -m "${SCREENSHOTS:-artifacts/screenshots}")"
[ -x "$shinrai" ] || { echo "browser-test: no binary at $shinrai (cargo build --release)" >&2; exit 2; }
[ -x /usr/bin/chromium ] || { echo "browser-test: apt-get install chromium fonts-ipaexfont" >&2; exit 2; }
command -v npm >/dev/null || { echo "browser-test: node and npm are needed" >&2; exit 2; }

# npm keeps a copy of the lock file it installed from in node_modules: a newer lock means new
# versions to install.
if [ ! -f tests/browser/node_modules/.package-lock.json ] \
  || [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
  (cd tests/browser && npm ci --no-audit --no-fund)
fi

# Last run's screenshots go, so that a page kind no longer tested leaves none behind.
mkdir -p "$screenshots"
rm -f "$screenshots"/*.png

work="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
"$shinrai" --lang en --data-dir "$work/data" serve --addr "127.0.0.1:$port" --demo >"$work/serve.log" 2>&1 &
server=$!
status=0
# The work directory (server log included) is kept when a run failed.
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; [ "$status" = 0 ] && rm -rf "$work"' EXIT

for _ in $(seq 300); do
  curl -fs "$base/healthz" >/dev/null && break
  sleep 0.1
done
curl -fs "$base/healthz" >/dev/null || { status=2; echo "browser-test: the server did not start" >&2; cat "$work/serve.log" >&2; exit 2; }

(cd tests/browser && SHINRAI_BASE_URL="$base" SCREENSHOT_DIR="$screenshots" npm test --silent) || status=1

# What the flows did to the demo's registry (an incident, a change notice, a withdrawal and its
# cascade …) must still be what the log's events and the lifecycle rule make it.
"$shinrai" --lang en --data-dir "$work/data" registry rebuild --check || status=1

echo "browser-test: screenshots in $screenshots"
[ "$status" = 0 ] || echo "browser-test: FAILED; server log in $work/serve.log"
exit "$status"
