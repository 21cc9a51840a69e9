#!/usr/bin/env bash
# `gazette import markdown` on the BBC corpus: each /work/shared/corpora/bbc/TOPIC/NNN.txt
# (headline, blank line, paragraphs) written as a Hugo post under /tmp (YAML front matter with
# title, date and tags = [TOPIC]), then imported into a fresh site and timed, then imported again
# (nothing changes: the re-run figure). COPIES > 1 repeats the corpus under new slugs (10: 10x).
# Usage: bench/import/markdown.sh [COPIES]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../lib.sh"
copies="${1:-1}"
corpus="$(corpus_dir bbc)"
work="$(mktemp -d /tmp/gazette-bench-md.XXXXXX)"
trap 'rm -rf "$work"' EXIT

python3 "$here/bbc_to_hugo.py" "$corpus" "$work/hugo" "$copies"

"$bin" init --db "$work/site.db" >/dev/null
posts=$(find "$work/hugo/content" -name '*.md' | wc -l)
t0=$(date +%s.%N)
"$bin" import markdown "$work/hugo" --db "$work/site.db" 2>/dev/null | head -1
t1=$(date +%s.%N)
"$bin" import markdown "$work/hugo" --db "$work/site.db" 2>/dev/null | head -1
t2=$(date +%s.%N)
stored=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM articles').fetchone()[0])" "$work/site.db")
python3 - "$posts" "$stored" "$t0" "$t1" "$t2" "$(nproc)" <<'PY'
import sys
posts, stored, t0, t1, t2, cores = int(sys.argv[1]), int(sys.argv[2]), *map(float, sys.argv[3:6]), sys.argv[6]
first, again = t1 - t0, t2 - t1
print(f"import markdown: {posts} posts, {stored} stored, {first:.2f} s ({posts / first:.0f} posts/s) on a fresh site, "
      f"wall clock with search optimise and related rebuild; re-run (nothing changes) {again:.2f} s; {cores} cores shared")
PY
