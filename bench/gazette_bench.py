"""Shared helpers for Gazette's Python benchmarks: run the binary, serve a site, read the corpus.

Standard library only. The corpus is read in place (never copied into the project).
"""
import http.client
import json
import os
import re
import subprocess
import threading
import time
import urllib.parse

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
GAZETTE = os.environ.get("GAZETTE_BIN") or os.path.join(ROOT, "build", "gazette")
BBC = os.path.abspath(os.path.join(ROOT, "..", "shared", "corpora", "bbc"))


def gazette(*args, check=True, timeout=3600):
    res = subprocess.run([GAZETTE, *args], capture_output=True, text=True, encoding="utf-8", errors="replace",
                         timeout=timeout)
    if check and res.returncode not in (0, 2):  # 2: some files were rejected (reported)
        raise RuntimeError(f"gazette {' '.join(args)} failed ({res.returncode}): {res.stdout}{res.stderr}")
    return res


def corpus_files(corpus):
    """Every *.txt under `corpus`, relative, in the order `gazette import text` imports them."""
    files = []
    for dirpath, dirnames, filenames in os.walk(corpus):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for f in filenames:
            if f.endswith(".txt") and not f.startswith("."):
                files.append(os.path.relpath(os.path.join(dirpath, f), corpus))
    return sorted(files, key=lambda p: p.split(os.sep))


def rejected_files(import_output):
    return {m.group(1) for m in re.finditer(r"^  (\S+\.txt): ", import_output, re.M)}


def articles(db):
    out = gazette("article", "list", "--db", db, "--format", "json").stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


class Server:
    """`gazette serve` on a free port, with one kept-alive HTTP connection."""

    def __init__(self, db, *extra):
        self.proc = subprocess.Popen([GAZETTE, "serve", "--db", db, "--listen", "127.0.0.1:0", "--log-level", "warn",
                                      "--access-log", "off", *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"http://([0-9.]+):(\d+)/", line)
        if not m:
            self.proc.kill()
            raise RuntimeError(f"gazette serve did not start: {line!r}")
        threading.Thread(target=lambda: [None for _ in self.proc.stdout], daemon=True).start()
        self.host, self.port = m.group(1), int(m.group(2))
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def get(self, path):
        for attempt in range(2):
            try:
                self.conn.request("GET", path)
                res = self.conn.getresponse()
                return res.status, res.read()
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
                if attempt:
                    raise

    def json(self, path):
        status, body = self.get(path)
        if status != 200:
            raise RuntimeError(f"GET {path} -> {status}: {body[:200]!r}")
        return json.loads(body)

    def close(self):
        self.conn.close()
        self.proc.terminate()
        self.proc.wait(timeout=10)


def q(params):
    return urllib.parse.urlencode(params, quote_via=urllib.parse.quote)


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start
