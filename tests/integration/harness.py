"""Test harness for Gazette's integration tests: runs the real binary on a free port.

    with GazetteSite(page_size=3) as site:
        status, headers, body = site.get("/")

The binary comes from $GAZETTE_BIN (default: /work/main/build/gazette) and the source tree from
$GAZETTE_SOURCE_DIR (default: two folders above this file). Python standard library only.
"""
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.abspath(os.environ.get("GAZETTE_SOURCE_DIR") or os.path.join(HERE, "..", ".."))
GAZETTE_BIN = os.environ.get("GAZETTE_BIN") or "/work/main/build/gazette"

START_TIMEOUT = 15.0
REQUEST_TIMEOUT = 15.0

# Subcommands that take --db.
_DB_COMMANDS = {
    ("init",), ("serve",), ("import", "text"), ("article", "list"), ("article", "show"),
    ("article", "publish"), ("article", "unpublish"), ("comments", "list"), ("comments", "approve"),
    ("comments", "spam"), ("comments", "trash"), ("related", "rebuild"), ("import", "markdown"),
    ("import", "wxr"), ("export", "wxr"), ("redirects", "list"),
}


def run_gazette(*args, timeout=120, **kwargs):
    """Runs the binary with `args`; returns the CompletedProcess (text mode, both streams captured)."""
    return subprocess.run([GAZETTE_BIN, *args], capture_output=True, text=True, encoding="utf-8",
                          errors="replace", timeout=timeout, **kwargs)


def _wants_db(args):
    words = tuple(a for a in args if not a.startswith("-"))
    if "--db" in args or "--help" in args or "-h" in args:
        return False
    return words[:1] in _DB_COMMANDS or words[:2] in _DB_COMMANDS


class Page(str):
    """A response body: a str whose repr is short, so that a failed assertIn does not print a page."""

    def __repr__(self):
        text = str(self)
        if len(text) <= 400:
            return str.__repr__(text)
        return str.__repr__(text[:300]) + f"... [{len(text)} characters]"


class Response:
    """status, headers (names lowercased), body (str) and raw (bytes) of one HTTP response."""

    def __init__(self, status, headers, raw):
        self.status = status
        self.headers = headers
        self.raw = raw
        self.body = Page(raw.decode("utf-8", errors="replace"))

    # Unpacks as (status, headers, body).
    def __iter__(self):
        return iter((self.status, self.headers, self.body))

    def __repr__(self):
        return f"<Response {self.status} {self.body[:200]!r}>"


class GazetteSite:
    """A site in a temporary folder, served by the real binary on 127.0.0.1 and a free port."""

    def __init__(self, demo=True, page_size=None, title=None, url=None, init_args=(), serve_args=(),
                 prepare=None):
        """`prepare(site)`, if given, runs after `gazette init` and before `gazette serve`."""
        self.demo = demo
        self.prepare = prepare
        self.page_size = page_size
        self.title = title
        self.url = url
        self.init_args = list(init_args)
        self.serve_args = list(serve_args)
        self.tmp = None
        self.db = None
        self.proc = None
        self.port = None
        self.host = "127.0.0.1"
        self._stderr_lines = []

    # --- lifecycle -------------------------------------------------------------------------
    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    def start(self):
        if not os.path.isfile(GAZETTE_BIN):
            raise RuntimeError(f"gazette binary not found at {GAZETTE_BIN} (set GAZETTE_BIN)")
        self.tmp = tempfile.mkdtemp(prefix="gazette-it-")
        self.db = os.path.join(self.tmp, "site.db")
        args = ["init", "--db", self.db]
        if self.demo:
            args.append("--demo")
        if self.page_size is not None:
            args += ["--page-size", str(self.page_size)]
        if self.title is not None:
            args += ["--title", self.title]
        if self.url is not None:
            args += ["--url", self.url]
        args += self.init_args
        try:
            init = run_gazette(*args)
        except BaseException:
            self._cleanup()
            raise
        if init.returncode != 0:
            self._cleanup()
            raise RuntimeError(f"gazette init failed ({init.returncode}): {init.stdout}{init.stderr}")
        try:
            if self.prepare is not None:
                self.prepare(self)
            self._serve()
        except BaseException:
            self.stop()
            raise
        return self

    def _serve(self):
        self.proc = subprocess.Popen(
            [GAZETTE_BIN, "serve", "--db", self.db, "--listen", "127.0.0.1:0", "--log-level", "warn",
             *self.serve_args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace")
        # Drain stderr in the background so that the server never blocks on a full pipe.
        self._threads = [threading.Thread(target=self._drain, args=(self.proc.stderr,), daemon=True)]
        self._threads[0].start()
        line_box = []
        reader = threading.Thread(target=lambda: line_box.append(self.proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(START_TIMEOUT)
        line = line_box[0] if line_box else ""
        m = re.search(r"Gazette serving http://([0-9.]+):(\d+)/ from ", line)
        if not m:
            raise RuntimeError(f"gazette serve did not announce its port; stdout line: {line!r}; "
                               f"stderr: {''.join(self._stderr_lines)[-2000:]}")
        self._threads.append(threading.Thread(target=self._drain, args=(self.proc.stdout,), daemon=True))
        self._threads[-1].start()
        self.host, self.port = m.group(1), int(m.group(2))
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                if self.get("/healthz").status == 200:
                    return
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gazette serve did not answer /healthz")
            time.sleep(0.05)

    def _drain(self, stream):
        for line in stream:
            self._stderr_lines.append(line)

    def stop(self):
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.terminate()
                try:
                    self.proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(timeout=10)
            for t in getattr(self, "_threads", []):
                t.join(timeout=2)
            for stream in (self.proc.stdout, self.proc.stderr):
                try:
                    stream.close()
                except OSError:
                    pass
            self.proc = None
        self._cleanup()

    def _cleanup(self):
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None

    def server_log(self):
        return "".join(self._stderr_lines)

    # --- HTTP ------------------------------------------------------------------------------
    @property
    def base_url(self):
        return f"http://{self.host}:{self.port}"

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=REQUEST_TIMEOUT)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            res = conn.getresponse()
            raw = res.read()
            hdrs = {k.lower(): v for k, v in res.getheaders()}
            return Response(res.status, hdrs, raw)
        finally:
            conn.close()

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def head(self, path, headers=None):
        return self.request("HEAD", path, headers=headers)

    def post_form(self, path, fields, headers=None):
        """POSTs `fields` (a dict, a list of pairs, or an already encoded str/bytes) form-encoded."""
        if isinstance(fields, (dict, list, tuple)):
            body = urllib.parse.urlencode(fields, encoding="utf-8")
        else:
            body = fields
        if isinstance(body, str):
            body = body.encode("utf-8")
        hdrs = {"Content-Type": "application/x-www-form-urlencoded"}
        hdrs.update(headers or {})
        return self.request("POST", path, body=body, headers=hdrs)

    def raw(self, data, timeout=10.0, shutdown_write=False):
        """Sends `data` on a fresh socket and returns every byte received until the server closes
        the connection or stays silent for `timeout` seconds."""
        chunks = []
        with socket.create_connection((self.host, self.port), timeout=timeout) as s:
            s.sendall(data)
            if shutdown_write:
                s.shutdown(socket.SHUT_WR)
            try:
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    chunks.append(chunk)
            except (socket.timeout, ConnectionResetError):
                pass
        return b"".join(chunks)

    # --- CLI -------------------------------------------------------------------------------
    def cli(self, *args, timeout=120):
        """Runs a gazette subcommand against this site's database (--db appended when needed)."""
        args = list(args)
        if _wants_db(args):
            args += ["--db", self.db]
        return run_gazette(*args, timeout=timeout)

    def cli_json_lines(self, *args):
        res = self.cli(*args, "--format", "json")
        if res.returncode != 0:
            raise AssertionError(f"gazette {' '.join(args)} failed ({res.returncode}): {res.stderr}")
        return [json.loads(line) for line in res.stdout.splitlines() if line.strip()]

    def articles(self, status=None):
        args = ["article", "list"] + (["--status", status] if status else [])
        return self.cli_json_lines(*args)

    def article_urls(self, status="published"):
        return [a["url"] for a in self.articles(status)]

    def comments(self, status=None):
        args = ["comments", "list"] + (["--status", status] if status else [])
        return self.cli_json_lines(*args)

    # --- page helpers ----------------------------------------------------------------------
    def form_fields(self, path):
        """article_id and token of the comment form on the article page at `path`."""
        res = self.get(path)
        if res.status != 200:
            raise AssertionError(f"GET {path} -> {res.status}")
        return form_fields(res.body)


def form_fields(html):
    aid = re.search(r'<input type="hidden" name="article_id" value="([^"]*)"', html)
    tok = re.search(r'<input type="hidden" name="token" value="([^"]*)"', html)
    if not aid or not tok:
        raise AssertionError("no comment form with article_id and token in the page")
    return {"article_id": aid.group(1), "token": tok.group(1)}


def parse_raw_response(data):
    """(status, headers dict lowercased, body bytes) of the first response in `data`."""
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    m = re.match(r"HTTP/1\.[01] (\d{3})", lines[0]) if lines else None
    status = int(m.group(1)) if m else None
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            headers[k.strip().lower()] = v.strip()
    return status, headers, rest


def split_raw_responses(data):
    """Every response in `data` (a keep-alive exchange), as (status, headers, body bytes)."""
    out = []
    while data:
        status, headers, rest = parse_raw_response(data)
        if status is None:
            break
        n = int(headers.get("content-length", "0"))
        out.append((status, headers, rest[:n]))
        data = rest[n:]
    return out


# --- a small DOM, enough to check structure without regexes over markup -----------------------
import html.parser  # noqa: E402

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag, attrs, parent, index):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []  # Elements and str
        self.index = index  # document order

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Element):
                yield from c.iter()

    def find_all(self, tag=None, cls=None, **attrs):
        out = []
        for e in self.iter():
            if tag and e.tag != tag:
                continue
            if cls and cls not in (e.attrs.get("class") or "").split():
                continue
            if any(e.attrs.get(k.rstrip("_").replace("_", "-")) != v for k, v in attrs.items()):
                continue
            out.append(e)
        return out

    def find(self, tag=None, cls=None, **attrs):
        found = self.find_all(tag, cls, **attrs)
        return found[0] if found else None

    def ancestors(self):
        p = self.parent
        while p is not None:
            yield p
            p = p.parent

    def __repr__(self):
        return f"<{self.tag} {self.attrs}>"


class _DomBuilder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None, 0)
        self.stack = [self.root]
        self.count = 0

    def handle_starttag(self, tag, attrs):
        self.count += 1
        el = Element(tag, attrs, self.stack[-1], self.count)
        self.stack[-1].children.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        self.count += 1
        self.stack[-1].children.append(Element(tag, attrs, self.stack[-1], self.count))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse_html(text):
    b = _DomBuilder()
    b.feed(text)
    b.close()
    return b.root
