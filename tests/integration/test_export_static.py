"""`gazette export static DIR`: the demo site (plus a page, a redirect) exported, served by a plain
file server (python's http.server), and compared address by address with the live site; the
.gz and .br copies, the links, the redirect map, a second run that rewrites nothing, and an
unpublished article that disappears.

Normalisation: none beyond the comment form's signed token (it carries the second it was issued);
every other byte must match."""
import functools
import http.client
import gzip
import html.parser
import http.server
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import unittest
import urllib.parse

from comment_helpers import gazette
from harness import GazetteSite

LIVE_ONLY = ("/admin", "/api/", "/wp-json", "/comments/token", "/oembed", "/search.json", "/related.json")
INDEXES = ("index.html", "index.rss", "index.atom", "index.json", "index.xml", "index.txt")
TOKEN = re.compile(rb'name="token" value="[^"]*"')


class Handler(http.server.SimpleHTTPRequestHandler):
    """http.server with the folder indexes of the export's layout (nginx: `index` directive)."""

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            for name in INDEXES:
                if os.path.isfile(os.path.join(path, name)):
                    self.path = self.path.split("?")[0] + name
                    break
        return super().send_head()

    def log_message(self, *args):
        pass


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def url_of(rel):
    """The address of an exported file (the layout's inverse)."""
    head, _, name = rel.rpartition("/")
    if name in INDEXES:
        return "/" + (head + "/" if head else "")
    return "/" + rel


class ExportStaticTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite().start()
        cls.addClassCleanup(cls.site.stop)
        cls.articles = cls.site.articles("published")
        first = cls.articles[0]
        res = cls.site.cli("redirects", "add", "/2009/old-post/", str(first["id"]), "--db", cls.site.db)
        assert res.returncode == 0, res.stderr
        cls.tmp = tempfile.mkdtemp(prefix="gazette-static-")
        cls.addClassCleanup(shutil.rmtree, cls.tmp, True)
        cls.out = os.path.join(cls.tmp, "site")
        cls.first_run = cls.export()
        handler = functools.partial(Handler, directory=cls.out)
        cls.files = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=cls.files.serve_forever, daemon=True).start()
        cls.addClassCleanup(cls.files.server_close)
        cls.addClassCleanup(cls.files.shutdown)
        with open(os.path.join(cls.out, "index.html"), encoding="utf-8") as f:
            canonical = re.search(r'<link rel="canonical" href="([^"]+)"', f.read()).group(1)
        cls.origin = urllib.parse.urlsplit(canonical)

    @classmethod
    def export(cls):
        res = gazette(cls.site, "export", "static", cls.out)
        assert res.returncode == 0, res.stderr
        return res.stderr

    def manifest(self):
        with open(os.path.join(self.out, ".gazette-export.json"), encoding="utf-8") as f:
            return json.load(f)["files"]

    def static_get(self, path):
        conn = http.client.HTTPConnection("127.0.0.1", self.files.server_address[1], timeout=15)
        try:
            conn.request("GET", urllib.parse.quote(path, safe="/"))
            res = conn.getresponse()
            return res.status, res.read()
        finally:
            conn.close()

    def pages(self):
        return [f for f in self.manifest()
                if not f.endswith((".gz", ".br")) and not f.startswith("redirects")]

    def test_every_exported_address_serves_the_live_bytes(self):
        pages = self.pages()
        self.assertGreater(len(pages), len(self.articles) + 10)
        for want in ("index.html", "robots.txt", "sitemap.xml", "sitemap-pages.xml", "feed/index.rss",
                     "feed/atom/index.atom", "feed.json", "static/style.css"):
            self.assertIn(want, pages)
        for rel in pages:
            url = url_of(rel)
            live = self.site.get(urllib.parse.quote(url, safe="/"))
            if live.status != 200 and url.endswith("/") and url != "/":
                live = self.site.get(urllib.parse.quote(url.rstrip("/"), safe="/"))  # /search
            status, body = self.static_get(url)
            self.assertEqual((live.status, status), (200, 200), rel)
            self.assertEqual(TOKEN.sub(b"", body), TOKEN.sub(b"", live.raw), rel)

    def test_compressed_copies_decode_to_the_same_bytes(self):
        files = set(self.manifest())
        checked = 0
        for rel in self.pages():
            if rel + ".gz" not in files:
                continue
            with open(os.path.join(self.out, rel), "rb") as f:
                plain = f.read()
            with open(os.path.join(self.out, rel + ".gz"), "rb") as f:
                self.assertEqual(gzip.decompress(f.read()), plain, rel)
            self.assertIn(rel + ".br", files)
            node = subprocess.run(
                ["node", "-e", "const fs=require('fs'),z=require('zlib');"
                 "process.stdout.write(z.brotliDecompressSync(fs.readFileSync(process.argv[1])))",
                 os.path.join(self.out, rel + ".br")], capture_output=True, check=True)
            self.assertEqual(node.stdout, plain, rel)
            checked += 1
            if checked >= 25:  # node start-up dominates; a sample of every kind is enough
                break
        self.assertGreater(checked, 10)
        self.assertNotIn("static/apple-touch-icon.png.gz", files)

    def test_every_local_link_exists_in_the_export(self):
        for rel in self.pages():
            if not rel.endswith(".html"):
                continue
            base = url_of(rel)
            with open(os.path.join(self.out, rel), encoding="utf-8") as f:
                parser = Links()
                parser.feed(f.read())
            for link in parser.links:
                target = urllib.parse.urlsplit(urllib.parse.urljoin(
                    f"{self.origin.scheme}://{self.origin.netloc}{base}", link))
                if (target.scheme, target.netloc) != (self.origin.scheme, self.origin.netloc):
                    continue
                path = urllib.parse.unquote(target.path)
                if path.startswith(LIVE_ONLY):
                    continue
                status, _ = self.static_get(path if not path == "/search" else "/search/")
                self.assertEqual(status, 200, f"{link} on {rel} ({path})")

    def test_redirects_map_matches_the_live_301s(self):
        with open(os.path.join(self.out, "redirects.map"), encoding="utf-8") as f:
            entries = re.findall(r'^"([^"]+)" "([^"]+)";$', f.read(), re.M)
        self.assertIn("/2009/old-post/", [src for src, _ in entries])
        for src, dst in entries:
            live = self.site.get(src)
            self.assertEqual(live.status, 301, src)
            location = live.headers["location"]
            self.assertEqual(urllib.parse.urlsplit(location).path, urllib.parse.urlsplit(dst).path, src)
            self.assertEqual(self.static_get(urllib.parse.unquote(dst))[0], 200, dst)

    def test_second_run_rewrites_nothing_and_unpublished_articles_go(self):
        def mtimes():
            return {rel: os.stat(os.path.join(self.out, rel)).st_mtime_ns for rel in self.manifest()}

        before = mtimes()
        report = self.export()
        self.assertIn(" 0 files written", report)
        self.assertEqual(mtimes(), before)
        gone = self.articles[-1]
        res = self.site.cli("article", "unpublish", str(gone["id"]))
        self.assertEqual(res.returncode, 0, res.stderr)
        try:
            self.export()
            path = urllib.parse.urlsplit(gone["url"]).path.lstrip("/")
            for suffix in ("", ".gz", ".br"):
                self.assertFalse(os.path.exists(os.path.join(self.out, path, "index.html" + suffix)), path)
            self.assertNotIn(path + "index.html", self.manifest())
            with open(os.path.join(self.out, "index.html"), encoding="utf-8") as f:
                self.assertNotIn(gone["url"], f.read())
        finally:
            self.site.cli("article", "publish", str(gone["id"]))
            self.export()

    def test_the_comment_form_points_at_a_live_gazette_or_is_left_out(self):
        article = urllib.parse.urlsplit(self.articles[0]["url"]).path
        page = os.path.join(article.lstrip("/"), "index.html")
        for args, expect in ((["--comments-url", "https://talk.example/"], 'action="https://talk.example/comments"'),
                             (["--no-comment-form"], None)):
            out = os.path.join(self.tmp, args[0].strip("-"))
            res = gazette(self.site, "export", "static", out, *args)
            self.assertEqual(res.returncode, 0, res.stderr)
            with open(os.path.join(out, page), encoding="utf-8") as f:
                body = f.read()
            self.assertIn("Show Comments (", body)
            self.assertIn("You May Also Like", body)
            if expect:
                self.assertIn(expect, body)
                self.assertNotIn('action="/comments"', body)
            else:
                self.assertNotIn('<form class="comment-form"', body)
                self.assertNotIn('name="token"', body)
            with open(os.path.join(out, page + ".gz"), "rb") as f:
                self.assertEqual(gzip.decompress(f.read()).decode("utf-8"), body)
        self.assertNotEqual(gazette(self.site, "export", "static", os.path.join(self.tmp, "bad"),
                                    "--comments-url", "ftp://x").returncode, 0)

    def test_the_token_endpoint_lets_the_site_origin_read_it_from_elsewhere(self):
        aid = self.articles[0]["id"]
        res = self.site.get(f"/comments/token?article={aid}",
                            headers={"Origin": f"{self.origin.scheme}://{self.origin.netloc}"})
        self.assertEqual(res.status, 200)
        self.assertEqual(res.headers.get("access-control-allow-origin"), f"{self.origin.scheme}://{self.origin.netloc}")
        other = self.site.get(f"/comments/token?article={aid}", headers={"Origin": "https://evil.example"})
        self.assertIsNone(other.headers.get("access-control-allow-origin"))


if __name__ == "__main__":
    unittest.main()
