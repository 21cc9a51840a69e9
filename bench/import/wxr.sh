#!/usr/bin/env bash
# `gazette import wxr` at scale: each /work/shared/corpora/wxr/*.xml is imported on a fresh site as
# it is (1x) and as a COPIES-times copy written under /tmp, then imported again (the re-run must
# change nothing). The copy repeats every <item> with shifted wp:post_id, wp:post_parent and
# _thumbnail_id, a suffixed wp:post_name, <link> and <guid>, and shifted wp:comment_id and
# wp:comment_parent (ids stay unique, threads and attachments stay intact); the channel
# (authors, categories, tags) is written once. Timed with /usr/bin/time (elapsed s, peak RSS).
# Usage: bench/import/wxr.sh [COPIES]          GAZETTE_BIN overrides the binary.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../lib.sh"
copies="${1:-10}"
corpus="$(corpus_dir wxr)"
need_time
work="$(mktemp -d /tmp/gazette-bench-wxr.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# Writes OUT as COPIES copies of IN's items, reading IN once per copy (memory stays one item).
multiply() {
  python3 - "$1" "$2" "$copies" <<'PY'
import re, sys
from urllib.parse import urlsplit, urlunsplit
src, out, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
CD = r"(?:<!\[CDATA\[)?"
def items(path):
    """Yields ("text", chunk) and ("item", '<item>...</item>') pieces of the file, streaming."""
    buf, inside = "", False
    with open(path, encoding="utf-8") as f:
        for line in f:
            buf += line
            while True:
                tag = "</item>" if inside else "<item>"
                at = buf.find(tag)
                if at < 0:
                    break
                end = at + len(tag) if inside else at
                yield ("item" if inside else "text"), buf[:end]
                buf, inside = buf[end:], not inside
            if not inside and len(buf) > 65536:
                yield "text", buf; buf = ""
    yield "text", buf
def num(tag, text):
    return [int(n) for n in re.findall(rf"<wp:{tag}>{CD}(\d+)", text)]
post_max = comment_max = 0
for kind, text in items(src):
    if kind == "item":
        post_max = max([post_max, *num("post_id", text), *num("post_parent", text),
                        *map(int, re.findall(r"[?&](?:p|page_id|attachment_id)=(\d+)", text))])
        comment_max = max([comment_max, *num("comment_id", text)])
pstep = 10 ** len(str(post_max)); cstep = 10 ** len(str(comment_max))
def shift(tag, step, text):
    return re.sub(rf"(<wp:{tag}>{CD})(\d+)",
                  lambda m: m[1] + str(int(m[2]) + step if int(m[2]) else 0), text)
def copy(item, k):
    if k == 0:
        return item
    def url(m):  # a new old address: ids in the query shifted, else the last path segment suffixed
        u, hits = re.subn(r"([?&](?:p|page_id|attachment_id)=)(\d+)",
                          lambda q: q[1] + str(int(q[2]) + k * pstep), m[2])
        parts = urlsplit(u)
        if not hits and parts.path.strip("/"):
            path = re.sub(r"([^/.]+)((?:\.[^/]*)?/?)$", rf"\1-copy{k}\2", parts.path, count=1)
            u = urlunsplit(parts._replace(path=path))
        elif not hits:
            u += ("&" if "?" in u else "?") + f"copy={k}"
        return m[1] + u + m[3]
    item = re.sub(r"(<(?:link|guid)\b[^>]*>)([^<]*)(</(?:link|guid)>)", url, item)
    item = re.sub(rf"(<wp:post_name>{CD})([^<\]]+)", lambda m: f"{m[1]}{m[2]}-copy{k}", item)
    for tag in ("post_id", "post_parent"):
        item = shift(tag, k * pstep, item)
    item = re.sub(rf"(<wp:meta_key>{CD}_thumbnail_id(?:\]\]>)?</wp:meta_key>\s*<wp:meta_value>{CD})(\d+)",
                  lambda m: m[1] + str(int(m[2]) + k * pstep), item)
    for tag in ("comment_id", "comment_parent"):
        item = shift(tag, k * cstep, item)
    return item
with open(out, "w", encoding="utf-8") as f:
    for k in range(copies):
        pending, seen = "", False
        for kind, text in items(src):
            if kind == "item":
                f.write(pending); pending, seen = "", True
                f.write(copy(text, k))
            elif seen:
                pending += text  # between items, or the closing </channel></rss> after the last
            elif k == 0:
                f.write(text)  # the channel (authors, categories, tags): once
    f.write(pending)
PY
}

# Imports FILE on a fresh site, then again; prints "seconds peak_kb rerun_seconds posts comments".
measure() {
  local file="$1" db="$work/site.db" out="$work/out.txt" rc
  rm -f "$db"*
  "$bin" init --db "$db" >/dev/null
  rc=0; /usr/bin/time -f "%e %M" -o "$work/t1" "$bin" import wxr "$file" --db "$db" >"$out" 2>/dev/null || rc=$?
  [ "$rc" -le 2 ] || { echo "import failed ($rc) on $file" >&2; cat "$out" >&2; exit 1; }  # 2: some skipped
  cp "$out" "$work/first.txt"
  rc=0; /usr/bin/time -f "%e %M" -o "$work/t2" "$bin" import wxr "$file" --db "$db" >"$out" 2>/dev/null || rc=$?
  grep -q "Nothing changed" "$out" || { echo "re-run of $file changed something:" >&2; cat "$out" >&2; exit 1; }
  local posts comments
  posts=$(sed -n 's/^  posts: \([0-9]*\) imported.*/\1/p' "$work/first.txt"); comments=$(sed -n 's/^  comments: \([0-9]*\) imported.*/\1/p' "$work/first.txt")
  echo "$(tail -1 "$work/t1") $(tail -1 "$work/t2" | cut -d' ' -f1) ${posts:-0} ${comments:-0}"
}

printf "%-34s %7s %8s %8s %8s %7s %9s\n" file items seconds "peak MB" "re-run s" posts comments
for src in "$corpus"/*.xml; do
  base="$(basename "$src" .xml)"
  big="$work/$base-x$copies.xml"
  multiply "$src" "$big"
  read -r s1 m1 r1 p1 c1 <<<"$(measure "$src")"
  read -r sN mN rN pN cN <<<"$(measure "$big")"
  for row in "$base.xml|$src|$s1|$m1|$r1|$p1|$c1" "$base-x$copies.xml|$big|$sN|$mN|$rN|$pN|$cN"; do
    IFS='|' read -r name file s m r p c <<<"$row"
    printf "%-34s %7s %8s %8.1f %8s %7s %9s\n" "$name" "$(grep -c '<item>' "$file")" "$s" "$(awk "BEGIN{print $m / 1024}")" "$r" "$p" "$c"
  done
  ok=yes; [ "$pN" -eq $((p1 * copies)) ] && [ "$cN" -eq $((c1 * copies)) ] || ok=NO
  echo "  ${copies}x check: posts $pN = $copies x $p1, comments $cN = $copies x $c1: $ok"
  rm -f "$big"
done
echo "fresh site per file (gazette init --db), each re-run reported \"Nothing changed\"; $(nproc) cores shared"
