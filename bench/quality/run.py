#!/usr/bin/env python3
"""Measures search and "You May Also Like" quality on the BBC corpus, against a simple baseline.

    bench/quality/run.py [CORPUS_DIR]

Imports the corpus into a fresh site with `gazette import text DIR --no-tags` (so relatedness must
come from the text alone), serves it, and prints:
  - related precision: the share of related entries in the article's own topic (its folder),
    over every article;
  - known-item search: for every article, search its exact headline through /search.json; the
    share ranked first and in the top 3 (a result with the very same headline counts: the corpus
    holds identical twins);
and the same figures for a baseline that ranks by the count of shared headline words (the way
many related-post plugins work), computed in the same run on the same articles.
"""
import collections
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import gazette_bench as gb  # noqa: E402

TOP_K = 4
WORD = re.compile(r"[a-z0-9]+")
BASELINE_STOP = {"the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "is", "at", "by", "as", "with", "be",
                 "it", "its", "from", "up", "over", "says", "say", "said", "new", "after"}


def title_words(title):
    return {w for w in WORD.findall(title.lower()) if len(w) > 1 and w not in BASELINE_STOP}


def import_corpus(corpus, work):
    db = os.path.join(work, "site.db")
    gb.gazette("init", "--db", db)
    imported, seconds = gb.timed(lambda: gb.gazette("import", "text", corpus, "--db", db, "--no-tags"))
    rejected = gb.rejected_files(imported.stdout)
    files = [f for f in gb.corpus_files(corpus) if f not in rejected]
    arts = gb.articles(db)
    if len(arts) != len(files):
        raise RuntimeError(f"{len(arts)} articles but {len(files)} files imported")
    topic = {}
    for a, f in zip(arts, files):
        with open(os.path.join(corpus, f), encoding="utf-8-sig") as fh:
            first = next(line for line in fh if line.strip()).strip()
        if " ".join(first.split()) != a["title"]:
            raise RuntimeError(f"import order changed: {f} is not article {a['id']} ({a['title']!r})")
        topic[a["id"]] = f.split(os.sep)[0]
    print(f"imported {len(arts)} articles in {seconds:.1f} s ({len(rejected)} rejected: {', '.join(sorted(rejected))})")
    return db, arts, topic


def baseline_related(arts):
    """Top k by count of shared headline words; ties to the more recent article."""
    words = {a["id"]: title_words(a["title"]) for a in arts}
    recency = {a["id"]: (a["published_at"], a["id"]) for a in arts}
    index = collections.defaultdict(set)
    for i, ws in words.items():
        for w in ws:
            index[w].add(i)
    lists = {}
    for i, ws in words.items():
        counts = collections.Counter(j for w in ws for j in index[w] if j != i)
        ranked = sorted(counts, key=lambda j: (counts[j], recency[j]), reverse=True)
        lists[i] = ranked[:TOP_K]
    return lists, index, words, recency


def baseline_search(title, index, recency, k=3):
    counts = collections.Counter(j for w in title_words(title) for j in index[w])
    return sorted(counts, key=lambda j: (counts[j], recency[j]), reverse=True)[:k]


def repeated_headlines(lists, title):
    """Lists that show a headline twice, or the article's own headline (the corpus has twins)."""
    return sum(1 for i, v in lists.items()
               if len({title[j] for j in v}) < len(v) or title[i] in {title[j] for j in v})


def precision(lists, topic):
    entries = sum(len(v) for v in lists.values())
    same = sum(topic[j] == topic[i] for i, v in lists.items() for j in v)
    full = sum(len(v) == TOP_K for v in lists.values())
    return same / max(entries, 1), entries, full


def main():
    corpus = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else gb.BBC)
    with tempfile.TemporaryDirectory(prefix="gazette-quality-") as work:
        db, arts, topic = import_corpus(corpus, work)
        title = {a["id"]: a["title"] for a in arts}
        server = gb.Server(db, "--cache-mb", "0")
        try:
            related = {a["id"]: [r["id"] for r in server.json(f"/related.json?article={a['id']}")["related"]]
                       for a in arts}
            top1 = top3 = 0
            for a in arts:
                hits = server.json("/search.json?" + gb.q({"q": a["title"]}))["results"][:3]
                same = [h["title"] == a["title"] for h in hits]
                top1 += bool(same) and same[0]
                top3 += any(same)
        finally:
            server.close()
        base_lists, index, _, recency = baseline_related(arts)
        base1 = base3 = 0
        for a in arts:
            hits = baseline_search(a["title"], index, recency)
            same = [title[h] == a["title"] for h in hits]
            base1 += bool(same) and same[0]
            base3 += any(same)

    n = len(arts)
    p, entries, full = precision(related, topic)
    bp, bentries, bfull = precision(base_lists, topic)
    print(f"articles: {n}, topics: {len(set(topic.values()))}, related lists of up to {TOP_K}")
    print(f"{'':28}{'Gazette':>10}{'baseline':>10}   aim")
    print(f"{'related precision':28}{p:>10.3f}{bp:>10.3f}   >= 0.95")
    print(f"{'  (entries, full lists)':28}{entries:>10}{bentries:>10}")
    print(f"{'known-item search top-1':28}{top1 / n:>10.3f}{base1 / n:>10.3f}   >= 0.97")
    print(f"{'known-item search top-3':28}{top3 / n:>10.3f}{base3 / n:>10.3f}   >= 0.99")
    print(f"{'lists repeating a headline':28}{repeated_headlines(related, title):>10}"
          f"{repeated_headlines(base_lists, title):>10}   (twins in the corpus)")
    print(f"(full related lists: Gazette {full}/{n}, baseline {bfull}/{n})")


if __name__ == "__main__":
    main()
