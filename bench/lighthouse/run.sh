#!/usr/bin/env bash
# Lighthouse scores (performance, accessibility, best practices, SEO) of the reader's page kinds on
# a fresh demo site: the home page, an article, a tag archive, an author page and a section page.
# A bench, not a test: scores move with the machine's load. Mobile emulation, Lighthouse's default.
#
#   bench/lighthouse/run.sh            # needs build/gazette (make build); GAZETTE_BIN to use another
#   KEEP=1 bench/lighthouse/run.sh     # keep the JSON reports (their folder is printed)
#
# Lighthouse comes from npm (bench/lighthouse/package.json, installed beside this script when
# missing) and drives Debian's Chromium (scripts/install-deps.sh test installs it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${GAZETTE_BIN:-$root/build/gazette}"
chrome="${CHROME_PATH:-$(command -v chromium || true)}"

[ -x "$bin" ] || { echo "No gazette binary at $bin: run make build first." >&2; exit 1; }
[ -n "$chrome" ] || { echo "Chromium is missing: scripts/install-deps.sh test installs it." >&2; exit 1; }
if [ ! -x "$here/node_modules/.bin/lighthouse" ]; then
  echo "Installing Lighthouse into $here/node_modules ..." >&2
  (cd "$here" && npm install --no-audit --no-fund --silent)
fi

tmp="$(mktemp -d /tmp/gazette-lighthouse.XXXXXX)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  [ -n "${KEEP:-}" ] || rm -rf "$tmp"
}
trap cleanup EXIT

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
"$bin" init --db "$tmp/site.db" --demo --title "The Harbourton Gazette" \
  --description "Independent news from Harbourton and the world." --url "$base" >/dev/null
"$bin" serve --db "$tmp/site.db" --listen "127.0.0.1:$port" --log-level warn --access-log off >"$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  curl -fs "$base/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done

# The pages: the newest article; its section (the primary tag's archive, set as a section); another
# tag's archive linked from the home page; the article's author page.
read -r article section tag author < <("$bin" article list --db "$tmp/site.db" --status published --format json |
  BASE="$base" python3 -c '
import json, os, re, sys, urllib.request
first = json.loads(sys.stdin.readline())
get = lambda path: urllib.request.urlopen(os.environ["BASE"] + path).read().decode()
links = lambda page: re.findall(r"href=\"(/tag/[^\"/]+/)\"", page)
section = (links(get(first["url"])) or ["/tag/none/"])[0]
others = [t for t in links(get("/")) if t != section] or [section]
slug = re.sub(r"[^a-z0-9]+", "-", ((first.get("authors") or ["staff"])[0]).lower().replace("\x27", "")).strip("-")
print(first["url"], section, others[0], "/author/%s/" % slug)')
# The article's primary tag and the other tag become the navigation's sections, as a newsroom sets them.
"$bin" sections set --db "$tmp/site.db" "${section#/tag/}" "${tag#/tag/}" >/dev/null

pages=("home /" "article $article" "tag $tag" "author $author" "section $section")
printf "%-8s %-48s %5s %5s %5s %5s\n" page path perf a11y bp seo
for entry in "${pages[@]}"; do
  name="${entry%% *}" path="${entry#* }"
  status="$(curl -s -o /dev/null -w '%{http_code}' "$base$path")"
  if [ "$status" != 200 ]; then
    printf "%-8s %-48s skipped: %s answers %s on this build\n" "$name" "$path" "$path" "$status"
    continue
  fi
  "$here/node_modules/.bin/lighthouse" "$base$path" --quiet --output=json --output-path="$tmp/$name.json" \
    --chrome-path="$chrome" --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
    --only-categories=performance,accessibility,best-practices,seo >"$tmp/$name.log" 2>&1 ||
    { echo "lighthouse failed on $path; see $tmp/$name.log" >&2; KEEP=1; continue; }
  python3 - "$tmp/$name.json" "$name" "$path" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
cats = report["categories"]
score = lambda key: "-" if cats[key]["score"] is None else str(round(cats[key]["score"] * 100))
print("%-8s %-48s %5s %5s %5s %5s" % (sys.argv[2], sys.argv[3][:48], score("performance"), score("accessibility"),
                                       score("best-practices"), score("seo")))
# What cost points, so the next fix is plain to see.
for key in ("accessibility", "best-practices", "seo"):
    for ref in cats[key]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            print("         %s: %s" % (key, audit["title"]))
EOF
done
[ -n "${KEEP:-}" ] && echo "Reports kept in $tmp"
exit 0
