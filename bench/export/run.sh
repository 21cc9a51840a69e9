#!/usr/bin/env bash
# `gazette export static` on the BBC corpus, 1x and COPIES x: the corpus written as a Hugo folder
# (bench/import/bbc_to_hugo.py, as bench/import/markdown.sh does), imported into a fresh site with
# `gazette import markdown`, exported to static files (timed with /usr/bin/time: elapsed s, peak
# RSS), then exported again over the same folder (only what changed is rewritten). If `hugo` is
# installed, the same content folder is built with a minimal layout written here (article pages
# listing 5 related pages, paginated lists, Hugo's default RSS and sitemap) for a reference time.
# Usage: bench/export/run.sh [COPIES]          GAZETTE_BIN overrides the binary.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../lib.sh"
copies="${1:-10}"
corpus="$(corpus_dir bbc)"
need_time
work="$(mktemp -d /tmp/gazette-bench-export.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# A minimal Hugo theme of our own, so the reference build does comparable work.
if command -v hugo >/dev/null; then
  mkdir -p "$work/themes/bench/layouts/_default"
  cat >"$work/hugo.toml" <<'TOML'
baseURL = "https://example.org/"
title = "BBC bench"
paginate = 10
[related]
  includeNewer = true
  threshold = 80
  toLower = true
  [[related.indices]]
    name = "tags"
    weight = 100
  [[related.indices]]
    name = "date"
    weight = 10
TOML
  cat >"$work/themes/bench/layouts/_default/baseof.html" <<'HTML'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title>
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head><body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
HTML
  cat >"$work/themes/bench/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<article><h1>{{ .Title }}</h1><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ range .Params.tags }}<a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a> {{ end }}{{ .Content }}</article>
<aside><h2>You may also like</h2><ul>{{ range first 5 (.Site.RegularPages.Related .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></aside>{{ end }}
HTML
  cat >"$work/themes/bench/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<p>{{ .Summary | plainify | truncate 200 }}</p></li>{{ end }}</ul>{{ template "_internal/pagination.html" . }}{{ end }}
HTML
fi

# Runs a command under /usr/bin/time; sets $secs and $peak_mb, leaves its stdout in $work/out.txt.
timed() {
  local rc=0
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" || rc=$?
  [ "$rc" -le 2 ] || { echo "failed ($rc): $*" >&2; tail -5 "$work/err.txt" >&2; exit 1; }  # 2: some skipped
  read -r secs kb <<<"$(tail -1 "$work/time.txt")"
  peak_mb=$(awk "BEGIN{printf \"%.0f\", $kb / 1024}")
}
summary() { tr '\r' '\n' <"$work/err.txt" | cat "$work/out.txt" - | grep -m1 '^Exported' | sed 's| to /tmp/[^ ]*||'; }
# "FILES MB" of a folder: every file, and the uncompressed ones (no .gz/.br twins).
sizes() {
  find "$1" -type f -printf '%s %f\n' | awk '{n++; b+=$1} $2 !~ /\.(gz|br)$/ {m++; c+=$1}
    END {printf "%d files %.1f MB (%d files %.1f MB without .gz/.br)", n, b/1e6, m, c/1e6}'
}

results=()
for scale in 1 "$copies"; do
  site="$work/hugo-$scale" db="$work/site-$scale.db" out="$work/static-$scale"
  python3 "$root/bench/import/bbc_to_hugo.py" "$corpus" "$site" "$scale" 2>/dev/null
  posts=$(find "$site/content" -name '*.md' | wc -l)
  "$bin" init --db "$db" >/dev/null
  timed "$bin" import markdown "$site" --db "$db"; import_s=$secs
  echo "${scale}x: $posts posts; $(head -1 "$work/out.txt")"
  timed "$bin" export static "$out" --db "$db"; export_s=$secs export_mb=$peak_mb
  echo "  first export:  $(summary)"
  timed "$bin" export static "$out" --db "$db"; again_s=$secs
  echo "  second export: $(summary)"
  rewrote=$(summary | sed -n 's/.*: \([0-9]*\) files written.*/\1/p')
  echo "  export folder: $(sizes "$out")"
  rm -rf "$out" "$db"*
  hugo_s=""
  if command -v hugo >/dev/null; then
    timed hugo --quiet -s "$site" --config "$work/hugo.toml" --themesDir "$work/themes" -t bench -d "$work/public-$scale"
    hugo_s=$secs
    echo "  hugo --quiet:  $hugo_s s, peak $peak_mb MB; $(sizes "$work/public-$scale")"
    rm -rf "$work/public-$scale" "$site/resources"
  fi
  rm -rf "$site"
  results+=("$scale $posts $import_s $export_s $export_mb $again_s ${rewrote:-?} ${hugo_s:--}")
done

echo
printf "%-6s %6s %9s %9s %8s %10s %9s %8s %13s\n" scale posts "import s" "export s" "peak MB" "re-export" rewrote "hugo s" "gazette/hugo"
for r in "${results[@]}"; do
  read -r scale posts imp exp mb again rewrote hugo_s <<<"$r"
  if [ "$hugo_s" = "-" ]; then
    hugo_s=$([ "$scale" = 1 ] && echo 3.3 || echo 187)
    [ "$scale" = 1 ] || [ "$scale" = 10 ] || hugo_s="-"
    label=" (hugo not installed: the issue's reference figure for this machine)"
  fi
  ratio=$(awk -v g="$exp" -v h="$hugo_s" 'BEGIN{if (h + 0 > 0) printf "%.2f", g / h; else print "-"}')
  printf "%-6s %6s %9s %9s %8s %10s %9s %8s %13s\n" "${scale}x" "$posts" "$imp" "$exp" "$mb" "$again" "$rewrote" "$hugo_s" "$ratio"
done
echo "export s / re-export s: gazette export static (fresh folder / same folder again); rewrote: files the"
echo "second run wrote; gazette/hugo: export s over hugo s${label:-}; $(nproc) cores shared"
