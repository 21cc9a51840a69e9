#!/usr/bin/env bash
# Comment POST throughput: wrk posts valid, distinct comments to a fresh demo site (rate limits
# and the time trap off, as behind a trusted proxy spreading many readers), each stored durably
# (synchronous=FULL) before its 303. Prints comments/s and checks the database holds them all.
# Usage: bench/comments/throughput.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../lib.sh"
seconds="${1:-10}"
connections="${2:-50}"
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps.sh bench" >&2; exit 1; }
work="$(mktemp -d)"
trap 'kill $pid 2>/dev/null && wait $pid 2>/dev/null; rm -rf "$work"' EXIT

"$bin" init --demo --db "$work/site.db" >/dev/null
for key in comments.rate_ip_per_minute comments.rate_ip_per_hour comments.rate_email_per_hour comments.min_seconds; do
  "$bin" settings set "$key" 0 --db "$work/site.db" >/dev/null
done
"$bin" serve --db "$work/site.db" --listen 127.0.0.1:0 --access-log off >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 50); do grep -q serving "$work/serve.log" && break; sleep 0.1; done
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.log")
token=$(curl -s "http://127.0.0.1:$port/comments/token?article=1" | sed 's/.*"token":"\([^"]*\)".*/\1/')
before=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM comments').fetchone()[0])" "$work/site.db")
echo "wrk -t2 -c$connections -d${seconds}s POST /comments (a $(nproc)-core machine, server and wrk on it together)"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$here/post.lua" "http://127.0.0.1:$port/comments" -- 1 "$token" |
  grep -E "acknowledged|comments/s|Socket errors"
after=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM comments').fetchone()[0])" "$work/site.db")
echo "stored: $((after - before)) new comments in the database"
