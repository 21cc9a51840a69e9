#!/usr/bin/env python3
"""The BBC corpus as a Hugo site folder: each CORPUS/TOPIC/NNN.txt (headline, blank line,
paragraphs) written as OUT/content/posts/TOPIC/SLUG.md with YAML front matter (title, an
hourly date from 2005-01-01, tags = [TOPIC]). COPIES > 1 repeats the corpus under new slugs
(TOPIC-NNN-2, -3, ...). Used by bench/import/markdown.sh and bench/export/run.sh.
Usage: bbc_to_hugo.py CORPUS OUT COPIES"""
import datetime, json, os, sys

corpus, out, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
start = datetime.datetime(2005, 1, 1, tzinfo=datetime.timezone.utc)
n = 0
for topic in sorted(os.listdir(corpus)):
    folder = os.path.join(corpus, topic)
    if not os.path.isdir(folder):
        continue
    for name in sorted(os.listdir(folder)):
        raw = open(os.path.join(folder, name), "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")  # a few files are Latin-1: the converter, not the import, decides
        lines = text.replace("\r\n", "\n").split("\n")
        title, body = lines[0].strip(), "\n".join(lines[1:]).strip() + "\n"
        for copy in range(copies):
            n += 1
            date = (start + datetime.timedelta(hours=n)).strftime("%Y-%m-%dT%H:%M:%SZ")
            slug = f"{topic}-{name[:-4]}" + (f"-{copy + 1}" if copy else "")
            path = os.path.join(out, "content", "posts", topic, slug + ".md")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(f"---\ntitle: {json.dumps(title)}\ndate: {date}\ntags: [{json.dumps(topic)}]\n---\n{body}")
print(f"{n} posts written", file=sys.stderr)
