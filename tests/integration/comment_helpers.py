"""Helpers shared by the comment rule tests: settings, posting from a chosen client address."""
import http.server
import json
import sqlite3
import threading
import time
import urllib.parse
import uuid

from harness import run_gazette

# Generous limits, so that tests about other rules are not throttled (rate limits have their own).
NO_LIMITS = {"comments.rate_ip_per_minute": "0", "comments.rate_ip_per_hour": "0",
             "comments.rate_email_per_hour": "0", "comments.min_seconds": "0"}


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def set_settings(db, settings):
    for key, value in settings.items():
        res = run_gazette("settings", "set", key, str(value), "--db", db)
        if res.returncode != 0:
            raise AssertionError(f"settings set {key}: {res.stderr}")


def gazette(site, *args):
    """Runs a subcommand with --db; returns the CompletedProcess."""
    return run_gazette(*args, "--db", site.db)


def comments_json(site, status=None):
    args = ["comments", "list", "--format", "json"] + (["--status", status] if status else [])
    res = gazette(site, *args)
    assert res.returncode == 0, res.stderr
    return [json.loads(line) for line in res.stdout.splitlines() if line.strip()]


def find_comment(site, body):
    found = [c for c in comments_json(site) if c["body"] == body]
    return found[0] if found else None


def db_rows(site, sql, *params):
    con = sqlite3.connect(site.db, timeout=10)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


class Poster:
    """Posts comments to one site as a given client address (via X-Forwarded-For from loopback)."""

    def __init__(self, site):
        self.site = site
        self.articles = {a["id"]: a for a in site.articles()}

    def url(self, aid):
        return self.articles[aid]["url"]

    def fields(self, aid, fresh_token=False, **overrides):
        fields = self.site.form_fields(self.url(aid))
        if fresh_token:
            fields["token"] = json.loads(self.site.get(f"/comments/token?article={aid}").body)["token"]
        fields.update(comment=unique("A considered comment"), name=unique("Reader"),
                      email=f"{unique('reader')}@example.org", website="https://example.org/me")
        fields.update(overrides)
        return {k: v for k, v in fields.items() if v is not None}

    def post(self, fields, ip=None, headers=None):
        hdrs = dict(headers or {})
        if ip:
            hdrs["X-Forwarded-For"] = ip
        return self.site.post_form("/comments", fields, headers=hdrs)

    def post_new(self, aid, ip=None, **overrides):
        fields = self.fields(aid, **overrides)
        return fields, self.post(fields, ip=ip)


def form_value(body, name):
    import re
    m = re.search(r'<(?:input|textarea)[^>]*name="%s"[^>]*?(?:value="([^"]*)")?[^>]*>' % re.escape(name), body)
    return m.group(1) if m else None


def query(path, **params):
    return path + "?" + urllib.parse.urlencode(params)


class Receiver:
    """A local webhook receiver on 127.0.0.1 that fails its first `failures` requests with 500."""

    def __init__(self, failures=0):
        self.requests = []
        self.failures = failures
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.requests.append((dict(self.headers), body, time.monotonic()))
                status = 500 if len(outer.requests) <= outer.failures else 204
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/gazette"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def wait_for(self, predicate, timeout=15, count=1):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [r for r in self.requests if predicate(r)]
            if len(found) >= count:
                return found
            time.sleep(0.05)
        return []
