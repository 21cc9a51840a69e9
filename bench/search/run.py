#!/usr/bin/env python3
"""Measures search latency, the full related rebuild and one publish, on the BBC corpus and a 10x copy.

    bench/search/run.py [--sizes 1,10] [--queries 1000] [CORPUS_DIR]

For each size, a fresh site is made: the corpus (copied N times into a temporary folder, each copy's
headlines suffixed " (2)", " (3)", ...; never into the project) is imported with --no-tags. Then:
  - search: 1,000 varied queries (single headline words, word pairs, phrases, prefixes, whole
    headlines, body words, date filters; fixed seed) through HTTP /search.json on one kept-alive
    connection, after 100 warm-up queries: p50, p90, p99, max;
  - `gazette related rebuild`: wall time of the command;
  - one publish: five new articles (each half of one story and half of another on the same
    subject) imported as drafts, each published with `gazette article publish`, which reports the
    related update it made (and how long reading the index into memory took, which a long-running
    server does once); medians.
"""
import argparse
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import gazette_bench as gb  # noqa: E402

STOP = {"the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "is", "at", "by", "as", "with", "be", "it",
        "its", "from", "up", "over", "says", "say", "said", "new", "after", "not", "but", "has", "have", "will"}
WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def read_corpus(corpus):
    docs = []
    for rel in gb.corpus_files(corpus):
        try:
            with open(os.path.join(corpus, rel), encoding="utf-8") as f:
                text = f.read()
        except UnicodeDecodeError:
            continue
        title, _, body = text.strip().partition("\n")
        docs.append((rel, title.strip(), body.strip()))
    return docs


def make_copy(corpus, copies, dest):
    """`copies` copies of the corpus under dest/<topic>/, headlines of copy k > 1 suffixed " (k)"."""
    for rel in gb.corpus_files(corpus):
        src = os.path.join(corpus, rel)
        with open(src, "rb") as f:
            data = f.read()
        head, sep, rest = data.partition(b"\n")
        topic, name = os.path.split(rel)
        os.makedirs(os.path.join(dest, topic), exist_ok=True)
        for k in range(1, copies + 1):
            line = head.rstrip(b"\r") + (b" (%d)" % k if k > 1 else b"")
            with open(os.path.join(dest, topic, f"{k:02}-{name}"), "wb") as f:
                f.write(line + sep + rest)


def queries(docs, n, rng):
    words = lambda s: [w.strip("'-") for w in WORD.findall(s) if len(w) > 2 and w.lower() not in STOP]
    out = []
    while len(out) < n:
        _, title, body = rng.choice(docs)
        tw = words(title) or ["news"]
        kind = rng.random()
        if kind < 0.30:
            out.append({"q": rng.choice(tw)})
        elif kind < 0.50:
            out.append({"q": " ".join(rng.sample(tw, min(2, len(tw))))})
        elif kind < 0.60 and len(tw) >= 2:
            i = rng.randrange(len(tw) - 1)
            out.append({"q": f'"{tw[i]} {tw[i + 1]}"'})
        elif kind < 0.70:
            w = max(tw, key=len)
            out.append({"q": w[: max(3, len(w) // 2)] + "*"})
        elif kind < 0.80:
            out.append({"q": title})
        elif kind < 0.90:
            bw = [w for w in words(body) if len(w) > 5] or tw
            out.append({"q": rng.choice(bw)})
        else:
            start = rng.choice(["2004-01-01", "2005-01-01", "2005-06-01", "2010-01-01", "2020-01-01"])
            out.append({"q": rng.choice(tw), "from": start, "to": "2030-12-31"})
    return out


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def measure(corpus, copies, n_queries, work):
    size_dir = os.path.join(work, f"x{copies}")
    os.makedirs(size_dir)
    source = corpus
    if copies > 1:
        source = os.path.join(size_dir, "corpus")
        make_copy(corpus, copies, source)
    db = os.path.join(size_dir, "site.db")
    gb.gazette("init", "--db", db)
    imported, import_s = gb.timed(lambda: gb.gazette("import", "text", source, "--db", db, "--no-tags"))
    count = int(re.search(r"Imported (\d+) articles", imported.stdout).group(1))
    rebuilt, rebuild_s = gb.timed(lambda: gb.gazette("related", "rebuild", "--db", db))
    docs = read_corpus(source)

    # One publish: new articles (an existing story under a new headline) imported as drafts.
    rng = random.Random(7)
    drafts_dir = os.path.join(size_dir, "drafts", "new")
    os.makedirs(drafts_dir)
    by_topic = {}
    for rel, title, body in docs:
        by_topic.setdefault(rel.split(os.sep)[0], []).append((title, body))
    for i in range(5):
        # A new story on a subject: half of one article's paragraphs, half of another's.
        (t1, b1), (_, b2) = rng.sample(by_topic[rng.choice(sorted(by_topic))], 2)
        p1, p2 = b1.split("\n\n"), b2.split("\n\n")
        body = "\n\n".join(p1[: len(p1) // 2] + p2[len(p2) // 2:])
        with open(os.path.join(drafts_dir, f"{i}.txt"), "w", encoding="utf-8") as f:
            f.write(f"Fresh take {i}: {t1}\n\n{body}\n")
    gb.gazette("import", "text", os.path.dirname(drafts_dir), "--db", db, "--draft", "--no-tags")
    drafts = [a for a in gb.articles(db) if a["status"] == "draft"]
    publishes = []
    for a in drafts:
        res, wall = gb.timed(lambda: gb.gazette("article", "publish", str(a["id"]), "--db", db))
        m = re.search(r"in ([0-9.]+) ms; related lists updated in ([0-9.]+) ms \(index read in ([0-9.]+) ms, "
                      r"update ([0-9.]+) ms: (\d+) lists changed", res.stdout)
        if not m:
            raise RuntimeError(res.stdout + res.stderr)
        publishes.append({"article_ms": float(m.group(1)), "related_ms": float(m.group(2)),
                          "load_ms": float(m.group(3)), "update_ms": float(m.group(4)),
                          "changed": int(m.group(5)), "wall_ms": wall * 1000})

    server = gb.Server(db)
    try:
        qs = queries(docs, n_queries + 100, random.Random(42))
        latencies, totals, slowest = [], [], []
        for i, params in enumerate(qs):
            path = "/search.json?" + gb.q(params)
            start = time.perf_counter()
            status, body = server.get(path)
            elapsed = time.perf_counter() - start
            if status != 200:
                raise RuntimeError(f"{path} -> {status}")
            if i >= 100:
                latencies.append(elapsed * 1000)
                totals.append(int(re.search(rb'"total":(\d+)', body).group(1)))
                slowest.append((elapsed * 1000, totals[-1], params))
    finally:
        server.close()
    for ms, total, params in sorted(slowest, key=lambda x: -x[0])[:8]:
        print(f"  slow: {ms:.1f} ms, {total} results: {params}", file=sys.stderr)
    return {
        "articles": count, "import_s": import_s, "rebuild_s": rebuild_s, "rebuild_out": rebuilt.stdout.strip(),
        "p50": percentile(latencies, 50), "p90": percentile(latencies, 90), "p99": percentile(latencies, 99),
        "max": max(latencies), "zero": sum(t == 0 for t in totals), "median_total": statistics.median(totals),
        "publish": {k: statistics.median(p[k] for p in publishes) for k in publishes[0]},
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default=gb.BBC)
    parser.add_argument("--sizes", default="1,10")
    parser.add_argument("--queries", type=int, default=1000)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = tempfile.mkdtemp(prefix="gazette-search-bench-")
    try:
        results = {}
        for copies in sizes:
            results[copies] = measure(os.path.abspath(args.corpus), copies, args.queries, work)
            r = results[copies]
            print(f"[x{copies}] {r['articles']} articles imported in {r['import_s']:.1f} s; {r['rebuild_out']}",
                  file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    cols = [f"x{c} ({results[c]['articles']})" for c in sizes]
    print(f"{'':34}" + "".join(f"{c:>18}" for c in cols))
    rows = [
        ("search p50 (ms)", lambda r: f"{r['p50']:.2f}"),
        ("search p90 (ms)", lambda r: f"{r['p90']:.2f}"),
        ("search p99 (ms)   [aim < 10]", lambda r: f"{r['p99']:.2f}"),
        ("search max (ms)", lambda r: f"{r['max']:.2f}"),
        ("  queries without results", lambda r: f"{r['zero']}/{args.queries}"),
        ("related rebuild (s) [aim < 60]", lambda r: f"{r['rebuild_s']:.1f}"),
        ("publish: related update (ms) [< 50]", lambda r: f"{r['publish']['update_ms']:.1f}"),
        ("publish: index read (ms)", lambda r: f"{r['publish']['load_ms']:.1f}"),
        ("publish: article write (ms)", lambda r: f"{r['publish']['article_ms']:.1f}"),
        ("publish: lists changed", lambda r: f"{r['publish']['changed']:.0f}"),
        ("publish: whole command (ms)", lambda r: f"{r['publish']['wall_ms']:.0f}"),
        ("import incl. rebuild (s)", lambda r: f"{r['import_s']:.1f}"),
    ]
    for name, fmt in rows:
        print(f"{name:34}" + "".join(f"{fmt(results[c]):>18}" for c in sizes))


if __name__ == "__main__":
    main()
