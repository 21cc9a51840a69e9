"""Helpers for the admin's integration tests: users, a signed-in browser-like client, API calls.

    with GazetteSite() as site:
        add_user(site, "ed@example.org", "editor")
        ed = AdminClient(site)
        ed.login("ed@example.org")
        res = ed.post("/admin/articles/new", {"title": "Hi", "markdown": "x", "status": "draft"})
"""
import http.client
import json
import re
import urllib.parse

from harness import REQUEST_TIMEOUT, Response, run_gazette

PASSWORD = "correct horse battery staple"


def add_user(site, email, role, name=None, password=PASSWORD):
    res = run_gazette("user", "add", "--db", site.db, "--email", email, "--name", name or email.split("@")[0].title(),
                   "--role", role, input=password + "\n")
    if res.returncode != 0:
        raise AssertionError(f"user add failed: {res.stderr}")
    return email


def api_token(site, email):
    res = site.cli("token", "create", "--db", site.db, "--email", email)
    if res.returncode != 0:
        raise AssertionError(f"token create failed: {res.stderr}")
    return res.stdout.strip()


def request(site, method, path, body=None, headers=None, source_ip=None):
    """One HTTP request, optionally from another loopback address (e.g. 127.0.0.2)."""
    conn = http.client.HTTPConnection(site.host, site.port, timeout=REQUEST_TIMEOUT,
                                      source_address=(source_ip, 0) if source_ip else None)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        res = conn.getresponse()
        raw = res.read()
        hdrs = {}
        cookies = []
        for k, v in res.getheaders():
            if k.lower() == "set-cookie":
                cookies.append(v)
            hdrs[k.lower()] = v
        out = Response(res.status, hdrs, raw)
        out.cookies = cookies
        return out
    finally:
        conn.close()


def api(site, method, path, token=None, body=None, raw_body=None, content_type="application/json"):
    """An Admin API call; returns (status, parsed JSON or None, Response)."""
    headers = {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = raw_body
    if body is not None:
        data = json.dumps(body).encode("utf-8")
    if data is not None:
        headers["Content-Type"] = content_type
    res = request(site, method, path, body=data, headers=headers)
    try:
        parsed = json.loads(res.body) if res.body.strip() else None
    except ValueError:
        parsed = None
    return res.status, parsed, res


def hidden(html, name):
    m = re.search(r'<input type="hidden" name="' + re.escape(name) + r'" value="([^"]*)"', html)
    return m.group(1) if m else None


class AdminClient:
    """A browser stand-in: keeps the session cookie and sends the CSRF token with its posts."""

    def __init__(self, site, source_ip=None):
        self.site = site
        self.cookie = None
        self.csrf = None
        self.source_ip = source_ip

    def _headers(self, extra=None):
        h = {}
        if self.cookie:
            h["Cookie"] = f"gazette_session={self.cookie}"
        h.update(extra or {})
        return h

    def get(self, path):
        res = request(self.site, "GET", path, headers=self._headers(), source_ip=self.source_ip)
        token = hidden(res.body, "csrf")
        if token and self.cookie:
            self.csrf = token
        return res

    def post(self, path, fields, csrf=True):
        fields = list(fields.items()) if isinstance(fields, dict) else list(fields)
        if csrf and self.csrf:
            fields.append(("csrf", self.csrf))
        body = urllib.parse.urlencode(fields).encode("utf-8")
        return request(self.site, "POST", path, body=body, source_ip=self.source_ip,
                       headers=self._headers({"Content-Type": "application/x-www-form-urlencoded"}))

    def login_attempt(self, email, password=PASSWORD):
        form = request(self.site, "GET", "/admin/login", source_ip=self.source_ip)
        token = hidden(form.body, "csrf")
        res = self.post("/admin/login", {"email": email, "password": password, "csrf": token, "next": "/admin/"},
                        csrf=False)
        for c in getattr(res, "cookies", []):
            m = re.match(r"gazette_session=([^;]*)", c)
            if m:
                self.cookie = m.group(1) or None
        return res

    def login(self, email, password=PASSWORD):
        res = self.login_attempt(email, password)
        if res.status != 303 or not self.cookie:
            raise AssertionError(f"login as {email} failed: {res.status} {res.body[:300]}")
        self.get("/admin/")  # picks up the session's CSRF token
        return res
