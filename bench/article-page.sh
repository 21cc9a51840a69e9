#!/usr/bin/env bash
# Imports the BBC corpus into a fresh site, then measures the article page with wrk
# (uncached rendering: Gazette renders every request). Prints import time, req/s and latency.
# Usage: bench/article-page.sh [CORPUS_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$root/../shared/corpora/bbc}"
bin="$root/build/gazette"
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps.sh bench" >&2; exit 1; }
work="$(mktemp -d)"
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT

"$bin" init --db "$work/site.db" >/dev/null
start=$(date +%s.%N)
"$bin" import text "$corpus" --db "$work/site.db" >"$work/import.log" 2>&1 || true
end=$(date +%s.%N)
echo "import: $(grep '^Imported' "$work/import.log") (wall $(echo "$end - $start" | bc) s)"

"$bin" serve --db "$work/site.db" --listen 127.0.0.1:0 >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 50); do grep -q serving "$work/serve.log" && break; sleep 0.1; done
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.log")
path=$("$bin" article list --db "$work/site.db" --format json |
  awk '/"title":"Labour plans maternity pay rise"/ && !done {done = 1; print}' | sed 's/.*"url":"\([^"]*\)".*/\1/')
url="http://127.0.0.1:$port$path"
echo "page: $url ($(curl -s "$url" | wc -c) bytes)"
wrk -t2 -c50 -d10s --latency "$url" | awk '/Requests\/sec/ {print "req/s: " $2} / 50%/ {print "p50: " $2} / 99%/ {print "p99: " $2} /Non-2xx/ {print}'
