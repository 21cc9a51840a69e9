"""The reader's side of the site: every page type, headers, redirects, errors, and the raw server."""
import re
import socket
import time
import unittest
import urllib.parse
from collections import Counter

from harness import GazetteSite, parse_html, parse_raw_response, split_raw_responses

DEMO_ARTICLES = 8


def path_of(location):
    """The path of a Location header value, whether it is absolute or relative."""
    return urllib.parse.urlsplit(location).path


class ReaderSiteTest(unittest.TestCase):
    """Home (3 per page), article pages, static files, methods and redirects on a demo site."""

    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite(page_size=3).start()
        cls.articles = cls.site.articles()
        cls.by_url = {a["url"]: a for a in cls.articles}
        cls.approved = Counter(c["article_id"] for c in cls.site.comments("approved"))

    @classmethod
    def tearDownClass(cls):
        cls.site.stop()

    def get_ok(self, path):
        res = self.site.get(path)
        self.assertEqual(res.status, 200, f"GET {path}: {res.body[:500]}")
        self.assertTrue(res.headers.get("content-type", "").startswith("text/html"), res.headers)
        return res

    def card_links(self, body):
        doc = parse_html(body)
        return [h.find("a").attrs["href"] for h in doc.find_all("h2", cls="card-title")]

    # --- layout common to every page ---------------------------------------------------------
    def assert_layout(self, body, title_contains=None):
        self.assertRegex(body, r'^<!DOCTYPE html>', "doctype")
        self.assertRegex(body, r'<html lang="[a-z]{2}(-[A-Za-z]+)?">')
        m = re.search(r"<title>([^<]+)</title>", body)
        self.assertIsNotNone(m, "no <title>")
        if title_contains:
            self.assertIn(title_contains, parse_html(m.group(0)).text())
        m = re.search(r'<meta name="description" content="([^"]*)">', body)
        self.assertIsNotNone(m, 'no <meta name="description">')
        self.assertTrue(m.group(1).strip(), "empty description")
        self.assertIn('<link rel="stylesheet" href="/static/style.css', body)

    # --- home -----------------------------------------------------------------------------
    def test_demo_site_has_eight_published_articles(self):
        self.assertEqual(len(self.articles), DEMO_ARTICLES)
        self.assertTrue(all(a["status"] == "published" for a in self.articles))

    def test_home_page_lists_newest_three(self):
        res = self.get_ok("/")
        self.assert_layout(res.body)
        newest = sorted(self.articles, key=lambda a: a["published_at"], reverse=True)
        self.assertEqual(self.card_links(res.body), [a["url"] for a in newest[:3]])
        self.assertIn('href="/page/2/"', res.body)
        self.assertIn("Page 1 of 3", res.body)
        self.assertIn("max-age", res.headers.get("cache-control", ""))

    def test_home_pagination_covers_every_article_once(self):
        seen = []
        for path in ("/", "/page/2/", "/page/3/"):
            res = self.get_ok(path)
            self.assert_layout(res.body)
            links = self.card_links(res.body)
            self.assertLessEqual(len(links), 3, path)
            self.assertTrue(links, path)
            seen += links
        self.assertEqual(sorted(seen), sorted(self.by_url), "pages 1-3 must list every article exactly once")
        page2 = self.get_ok("/page/2/").body
        self.assertIn("Page 2 of 3", page2)
        self.assertRegex(page2, r'<a rel="prev" href="/">')
        self.assertRegex(page2, r'<a rel="next" href="/page/3/">')
        self.assertIn("(page 2)", re.search(r"<title>[^<]*</title>", page2).group(0))

    def test_home_page_beyond_the_last_is_404(self):
        for path in ("/page/4/", "/page/99/", "/page/0/", "/page/x/"):
            self.assertEqual(self.site.get(path).status, 404, path)

    def test_cards_have_tag_byline_time_and_excerpt(self):
        doc = parse_html(self.get_ok("/").body)
        cards = doc.find_all("article", cls="card")
        self.assertEqual(len(cards), 3)
        for card in cards:
            self.assertRegex(card.find("p", cls="tagline").find("a").attrs["href"], r"^/tag/[^/]+/$")
            self.assertTrue(card.find("p", cls="byline").text().startswith("By "))
            self.assertRegex(card.find("time").attrs.get("datetime", ""), r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
            self.assertTrue(card.find("p", cls="excerpt").text().strip())

    # --- article pages ----------------------------------------------------------------------
    def test_every_article_page_has_its_parts_in_order(self):
        for a in self.articles:
            with self.subTest(article=a["slug"]):
                res = self.get_ok(a["url"])
                self.assert_article_page(a, res.body)

    def assert_article_page(self, a, body):
        self.assert_layout(body, title_contains=a["title"])
        doc = parse_html(body)
        main = doc.find("main")
        h1 = main.find("h1")
        self.assertEqual(h1.text().strip(), a["title"])
        tag_link = main.find("p", cls="tagline").find("a")
        primary = a["tags"][0]
        self.assertEqual(tag_link.text(), primary)
        self.assertRegex(tag_link.attrs["href"], r"^/tag/[a-z0-9-]+/$")
        byline = main.find("p", cls="byline")
        self.assertIn(a["author"], byline.text())
        time_el = byline.find("time")
        self.assertEqual(time_el.attrs.get("datetime"), a["published_at"])
        article_body = main.find("div", cls="article-body")
        self.assertTrue(article_body.find("p"), "the body has paragraphs")
        summary = main.find("summary")
        self.assertEqual(summary.text(), f"Show Comments ({self.approved.get(a['id'], 0)})")
        self.assertEqual(len(main.find("ol", cls="comment-thread").find_all("li", cls="comment")),
                         self.approved.get(a["id"], 0))
        form = main.find("form", cls="comment-form")
        self.assertIsNotNone(form, "comment form")
        self.assertEqual(form.attrs.get("method"), "post")
        self.assertEqual(form.attrs.get("action"), "/comments")
        self.assertEqual(form.find("input", name="article_id").attrs.get("value"), str(a["id"]))
        self.assertRegex(form.find("input", name="token").attrs.get("value", ""), r"^\d+\.[0-9a-f]{32}$")
        for field in ("comment", "name", "email", "website"):
            control = form.find(None, name=field)
            self.assertIsNotNone(control, field)
            self.assertIn(control.tag, ("input", "textarea"))
            self.assertIn("required", control.attrs)
            label = form.find("label", for_=control.attrs.get("id"))
            self.assertIsNotNone(label, f"label for {field}")
            self.assertIn("*", label.text())
        note = form.find("p", cls="form-note")
        self.assertEqual(note.text().strip(),
                         "Your email address will not be published. Required fields are marked *")
        related = main.find("section", cls="related")
        self.assertIsNotNone(related, "You May Also Like")
        self.assertEqual(related.find("h2").text(), "You May Also Like")
        items = related.find_all("li")
        self.assertTrue(2 <= len(items) <= 4, f"{len(items)} related articles")
        hrefs = [li.find("a").attrs["href"] for li in items]
        self.assertNotIn(a["url"], hrefs, "an article is never related to itself")
        self.assertEqual(len(set(hrefs)), len(hrefs), "related links are distinct")
        for li in items:
            link = li.find("a")
            self.assertIn(link.attrs["href"], self.by_url, "related links go to published articles")
            self.assertEqual(link.text(), self.by_url[link.attrs["href"]]["title"])
            self.assertTrue(li.find("p", cls="excerpt").text().endswith("..."), li.find("p", cls="excerpt").text())
        # Document order: h1, tag, byline, time, body, comments summary, form, note, related.
        order = [h1, tag_link, byline, time_el, article_body, summary, form, note, related]
        self.assertEqual([e.index for e in order], sorted(e.index for e in order),
                         "parts of the article page are out of order")
        # The email addresses of the demo comments are never shown.
        self.assertNotRegex(body, r"[A-Za-z0-9._-]+@example\.org")

    def test_demo_bodies_render_markdown(self):
        html = []
        for a in self.articles:
            body = self.get_ok(a["url"]).body
            start = body.index('<div class="article-body">')
            html.append(body[start:body.index("</article>", start)])
        joined = "\n".join(html)
        self.assertRegex(joined, r"<table>[\s\S]*<th[ >][\s\S]*<td[ >][\s\S]*</table>", "a table")
        self.assertRegex(joined, r"<blockquote>\s*<p>", "a blockquote")
        self.assertRegex(joined, r"<(ul|ol)>\s*<li>", "a list")
        self.assertRegex(joined, r'<a href="https?://[^"]+">[^<]+</a>', "a link")
        self.assertRegex(joined, r"<h2>[^<]+</h2>", "a sub-heading")
        self.assertNotIn("](http", joined, "no raw markdown link syntax left")
        self.assertNotRegex(joined, r"(?m)^\|", "no raw markdown table left")

    def test_article_with_comments_shows_them(self):
        a = self.by_url[[u for u in self.by_url if self.by_url[u]["id"] == 2][0]]
        body = self.get_ok(a["url"]).body
        self.assertIn("Show Comments (3)", body)
        for c in self.site.comments("approved"):
            if c["article_id"] == 2:
                self.assertIn(c["name"], parse_html(body).find("ol", cls="comment-thread").text())
        for c in self.site.comments("pending"):
            self.assertNotIn(c["name"], body)

    def test_pending_comment_is_not_shown(self):
        pending = self.site.comments("pending")
        self.assertTrue(pending, "the demo has a pending comment")
        for c in pending:
            url = next(a["url"] for a in self.articles if a["id"] == c["article_id"])
            body = self.get_ok(url).body
            self.assertNotIn(c["name"], body)
            self.assertIn(f"Show Comments ({self.approved.get(c['article_id'], 0)})", body)

    def test_article_cache_control_and_canonical(self):
        a = self.articles[0]
        res = self.get_ok(a["url"])
        self.assertIn("max-age=", res.headers.get("cache-control", ""))
        self.assertRegex(res.body, r'<link rel="canonical" href="https?://[^"]+' + re.escape(a["url"]) + '">')

    # --- static files -----------------------------------------------------------------------
    def test_static_css_is_cached_for_a_year(self):
        res = self.site.get("/static/style.css")
        self.assertEqual(res.status, 200)
        self.assertTrue(res.headers["content-type"].startswith("text/css"), res.headers)
        self.assertIn("max-age=31536000", res.headers.get("cache-control", ""))
        self.assertIn("{", res.body)
        versioned = re.search(r'href="(/static/style\.css\?v=[^"]+)"', self.get_ok("/").body).group(1)
        res2 = self.site.get(versioned)
        self.assertEqual(res2.status, 200)
        self.assertEqual(res2.raw, res.raw)

    def test_static_unknown_or_unsafe_is_404(self):
        for path in ("/static/nope.css", "/static/../CMakeLists.txt", "/static/%2e%2e/layout.mustache",
                     "/static/.hidden.css", "/static/"):
            self.assertEqual(self.site.get(path).status, 404, path)

    # --- methods ----------------------------------------------------------------------------
    def test_head_has_headers_and_no_body(self):
        for path in ("/", self.articles[1]["url"], "/static/style.css", "/no-such-page/"):
            with self.subTest(path=path):
                g = self.site.get(path)
                h = self.site.head(path)
                self.assertEqual(h.status, g.status)
                self.assertEqual(h.raw, b"")
                self.assertEqual(h.headers.get("content-type"), g.headers.get("content-type"))
                self.assertEqual(h.headers.get("content-length"), str(len(g.raw)))
                self.assertEqual(h.headers.get("cache-control"), g.headers.get("cache-control"))

    def test_head_then_get_on_one_connection(self):
        # After a HEAD, the connection must not carry a stray body.
        req = (b"HEAD / HTTP/1.1\r\nHost: t\r\n\r\n"
               b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        data = self.site.raw(req)
        first, _, rest = data.partition(b"\r\n\r\n")
        self.assertTrue(first.startswith(b"HTTP/1.1 200"), data[:200])
        self.assertTrue(rest.startswith(b"HTTP/1.1 200"), rest[:200])
        self.assertTrue(rest.endswith(b"ok\n"), rest[-50:])

    def test_other_methods_are_405(self):
        for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS"):
            for path in ("/", self.articles[0]["url"], "/tag/climate/"):
                with self.subTest(method=method, path=path):
                    res = self.site.request(method, path, body=b"" if method != "OPTIONS" else None)
                    self.assertEqual(res.status, 405)
                    self.assertIn("GET", res.headers.get("allow", ""))
        res = self.site.get("/comments")
        self.assertEqual(res.status, 405)
        self.assertIn("POST", res.headers.get("allow", ""))

    # --- redirects --------------------------------------------------------------------------
    def test_wrong_date_redirects_to_the_article(self):
        a = self.articles[1]
        wrong = re.sub(r"^/\d{4}/\d\d/\d\d/", "/1999/01/02/", a["url"])
        self.assertNotEqual(wrong, a["url"])
        res = self.site.get(wrong)
        self.assertEqual(res.status, 301)
        self.assertEqual(path_of(res.headers["location"]), a["url"])
        self.assertEqual(self.site.get(path_of(res.headers["location"])).status, 200)

    def test_missing_trailing_slash_redirects(self):
        a = self.articles[2]
        cases = {a["url"].rstrip("/"): a["url"], "/tag/climate": "/tag/climate/", "/page/2": "/page/2/",
                 "/tag/cyber-agreement": "/tag/cyber-agreement/"}
        for path, target in cases.items():
            with self.subTest(path=path):
                res = self.site.get(path)
                self.assertEqual(res.status, 301)
                self.assertEqual(path_of(res.headers["location"]), target)

    def test_missing_slash_and_wrong_date_still_reach_the_article(self):
        a = self.articles[3]
        wrong = re.sub(r"^/\d{4}/\d\d/\d\d/", "/1999/01/02/", a["url"]).rstrip("/")
        res = self.site.get(wrong)
        self.assertEqual(res.status, 301, f"GET {wrong}")
        # One or two hops, but it must end on the article.
        location = path_of(res.headers["location"])
        second = self.site.get(location)
        if second.status == 301:
            location = path_of(second.headers["location"])
            second = self.site.get(location)
        self.assertEqual(location, a["url"])
        self.assertEqual(second.status, 200)

    # --- not found --------------------------------------------------------------------------
    def test_unknown_urls_are_styled_404_pages(self):
        a = self.articles[0]
        unknown_slug = re.sub(r"/[^/]+/$", "/no-such-article/", a["url"])
        for path in ("/no/such/page/", "/nope", "/tag/no-such-tag/", unknown_slug, "/2026/", "/%FF/",
                     "/tag/climate/page/9/", "/tag//"):
            with self.subTest(path=path):
                res = self.site.get(path)
                self.assertEqual(res.status, 404)
                self.assertTrue(res.headers.get("content-type", "").startswith("text/html"))
                self.assert_layout(res.body)
                self.assertIn("Page not found", res.body)
                self.assertIn('<a href="/">', res.body)
                self.assertIn("no-store", res.headers.get("cache-control", ""))

    # --- the raw server ---------------------------------------------------------------------
    def test_malformed_request_line_is_400(self):
        status, _, _ = parse_raw_response(self.site.raw(b"GARBAGE\r\n\r\n"))
        self.assertEqual(status, 400)

    def test_malformed_target_is_400(self):
        status, _, _ = parse_raw_response(self.site.raw(b"GET /a%zzb/ HTTP/1.1\r\nHost: t\r\n\r\n"))
        self.assertEqual(status, 400)

    def test_large_body_is_413(self):
        req = (b"POST /comments HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\n"
               b"Content-Length: 300000\r\n\r\n" + b"comment=" + b"a" * 1000)
        status, _, _ = parse_raw_response(self.site.raw(req))
        self.assertEqual(status, 413)

    def test_body_just_under_the_limit_is_read(self):
        a = self.articles[0]
        fields = self.site.form_fields(a["url"])
        fields.update(name="Big", email="big@example.org", website="https://example.org/")
        body = urllib.parse.urlencode(fields).encode() + b"&comment="
        body += b"a" * (256 * 1024 - len(body))
        self.assertEqual(len(body), 256 * 1024)
        res = self.site.post_form("/comments", body)
        # Read and parsed: refused for being over 10,000 characters, not for its size in bytes.
        self.assertEqual(res.status, 422, res.body[:300])
        self.assertIn('id="comment-error"', res.body)

    def test_large_chunked_body_is_413(self):
        chunk = b"a" * 65536
        body = b"".join(b"%x\r\n" % len(chunk) + chunk + b"\r\n" for _ in range(5)) + b"0\r\n\r\n"
        req = (b"POST /comments HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\n"
               b"Transfer-Encoding: chunked\r\n\r\n" + body)
        try:
            data = self.site.raw(req, timeout=5)
        except (BrokenPipeError, ConnectionResetError) as e:
            self.fail(f"the server closed the connection without answering: {e}")
        status, _, _ = parse_raw_response(data)
        self.assertEqual(status, 413)

    def test_http10_request_is_answered_and_closed(self):
        started = time.monotonic()
        data = self.site.raw(b"GET /healthz HTTP/1.0\r\n\r\n", timeout=5)
        self.assertLess(time.monotonic() - started, 4, "an HTTP/1.0 connection is closed after the answer")
        status, headers, body = parse_raw_response(data)
        self.assertEqual(status, 200)
        self.assertEqual(body, b"ok\n")

    def test_large_headers_are_431(self):
        req = b"GET / HTTP/1.1\r\nHost: t\r\nX-Filler: " + b"a" * (20 * 1024) + b"\r\n\r\n"
        status, _, _ = parse_raw_response(self.site.raw(req))
        self.assertEqual(status, 431)

    def test_keep_alive_answers_two_requests_on_one_socket(self):
        a = self.articles[0]
        with socket.create_connection((self.site.host, self.site.port), timeout=10) as s:
            answers = []
            for path in ("/", a["url"]):
                s.sendall(f"GET {path} HTTP/1.1\r\nHost: t\r\n\r\n".encode())
                answers.append(read_one_response(s))
        self.assertEqual([st for st, _, _ in answers], [200, 200])
        self.assertIn(b"Latest articles", answers[0][2])
        self.assertIn(a["title"].encode(), answers[1][2])

    def test_pipelined_requests_are_both_answered(self):
        req = (b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"
               b"GET /static/style.css HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        responses = split_raw_responses(self.site.raw(req))
        self.assertEqual([r[0] for r in responses], [200, 200])
        self.assertEqual(responses[0][2], b"ok\n")
        self.assertTrue(responses[1][1]["content-type"].startswith("text/css"))


def read_one_response(s):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            raise AssertionError(f"connection closed mid-response: {data[:200]!r}")
        data += chunk
    status, headers, rest = parse_raw_response(data)
    n = int(headers.get("content-length", "0"))
    while len(rest) < n:
        chunk = s.recv(65536)
        if not chunk:
            raise AssertionError("connection closed mid-body")
        rest += chunk
    return status, headers, rest[:n]


class ServerTimeoutTest(unittest.TestCase):
    """Deadlines, with --read-timeout 1 and --idle-timeout 4 so that the two are easy to tell apart."""

    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite(serve_args=["--read-timeout", "1", "--idle-timeout", "4"]).start()

    @classmethod
    def tearDownClass(cls):
        cls.site.stop()

    def seconds_until_closed(self, sock):
        started = time.monotonic()
        try:
            while sock.recv(65536):
                pass
        except ConnectionResetError:
            pass
        return time.monotonic() - started

    def test_incomplete_first_request_is_dropped_after_the_read_timeout(self):
        with socket.create_connection((self.site.host, self.site.port), timeout=10) as s:
            s.sendall(b"GET / HTTP/1.1\r\nHost: t\r\n")
            self.assertLess(self.seconds_until_closed(s), 2.5)

    def test_idle_keep_alive_connection_is_closed_after_the_idle_timeout(self):
        with socket.create_connection((self.site.host, self.site.port), timeout=10) as s:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            self.assertEqual(read_one_response(s)[0], 200)
            waited = self.seconds_until_closed(s)
            self.assertGreater(waited, 3, "idle keep-alive connections get the idle timeout")
            self.assertLess(waited, 6.5)

    def test_incomplete_second_request_gets_the_read_timeout(self):
        # Once a request has begun, it must arrive within the read timeout, also on a reused connection.
        with socket.create_connection((self.site.host, self.site.port), timeout=10) as s:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            self.assertEqual(read_one_response(s)[0], 200)
            s.sendall(b"GET / HTTP/1.1\r\nHost: t\r\n")
            self.assertLess(self.seconds_until_closed(s), 2.5,
                            "a started request on a keep-alive connection was given the idle timeout")


class TagArchiveTest(unittest.TestCase):
    """Tag archives, paginated two per page."""

    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite(page_size=2).start()
        cls.articles = cls.site.articles()

    @classmethod
    def tearDownClass(cls):
        cls.site.stop()

    def test_tag_archive_and_its_second_page(self):
        tagged = sorted((a for a in self.articles if "cyber agreement" in a["tags"]),
                        key=lambda a: a["published_at"], reverse=True)
        self.assertEqual(len(tagged), 3)
        seen = []
        for n, path in enumerate(("/tag/cyber-agreement/", "/tag/cyber-agreement/page/2/"), start=1):
            res = self.site.get(path)
            self.assertEqual(res.status, 200, path)
            doc = parse_html(res.body)
            self.assertEqual(doc.find("h1").text(), "cyber agreement")
            self.assertIn("cyber agreement", doc.find("title").text())
            self.assertIn(f"Page {n} of 2", res.body)
            seen += [h.find("a").attrs["href"] for h in doc.find_all("h2", cls="card-title")]
        self.assertEqual(seen, [a["url"] for a in tagged])
        page2 = self.site.get("/tag/cyber-agreement/page/2/").body
        self.assertRegex(page2, r'<a rel="prev" href="/tag/cyber-agreement/">')
        self.assertEqual(self.site.get("/tag/cyber-agreement/page/3/").status, 404)

    def test_every_tag_link_leads_to_an_archive(self):
        for a in self.articles:
            doc = parse_html(self.site.get(a["url"]).body)
            for link in doc.find("article", cls="article").find_all("a"):
                href = link.attrs.get("href", "")
                if href.startswith("/tag/"):
                    with self.subTest(href=href):
                        res = self.site.get(href)
                        self.assertEqual(res.status, 200)
                        self.assertIn(a["url"], res.body + self.site.get(href + "page/2/").body)

    def test_home_with_two_per_page(self):
        self.assertIn("Page 1 of 4", self.site.get("/").body)
        self.assertEqual(self.site.get("/page/4/").status, 200)
        self.assertEqual(self.site.get("/page/5/").status, 404)


class DraftTest(unittest.TestCase):
    """An unpublished article disappears from every page and from You May Also Like, at once (one
    server thread, so that the result does not depend on which thread answers)."""

    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite(page_size=3, serve_args=["--threads", "1"]).start()

    @classmethod
    def tearDownClass(cls):
        cls.site.stop()

    def pages(self):
        paths = ["/", "/page/2/", "/page/3/"]
        return {p: self.site.get(p) for p in paths}

    def test_unpublished_article_vanishes(self):
        articles = self.site.articles()
        # The article most often recommended by the others.
        counts = Counter()
        for a in articles:
            doc = parse_html(self.site.get(a["url"]).body)
            for li in doc.find("section", cls="related").find_all("li"):
                counts[li.find("a").attrs["href"]] += 1
        url, n = counts.most_common(1)[0]
        self.assertGreater(n, 0)
        draft = next(a for a in articles if a["url"] == url)
        res = self.site.cli("article", "unpublish", str(draft["id"]))
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual([a["status"] for a in self.site.articles() if a["id"] == draft["id"]], ["draft"])

        self.assertEqual(self.site.get(url).status, 404)
        self.assertEqual(self.site.get(url.rstrip("/")).status, 404)
        wrong_date = re.sub(r"^/\d{4}/\d\d/\d\d/", "/1999/01/02/", url)
        self.assertEqual(self.site.get(wrong_date).status, 404, "a draft must not be found through a redirect")
        for path, res in self.pages().items():
            self.assertNotIn(url, res.body, path)
            self.assertNotIn(draft["title"], res.body, path)
        for tag in draft["tags"]:
            slug = re.sub(r"[^a-z0-9]+", "-", tag.lower()).strip("-")
            res = self.site.get(f"/tag/{slug}/")
            self.assertNotIn(url, res.body, tag)
        remaining = [a for a in self.site.articles("published")]
        self.assertEqual(len(remaining), DEMO_ARTICLES - 1)
        all_cards = []
        for res in self.pages().values():
            all_cards += re.findall(r'<h2 class="card-title"><a href="([^"]+)"', res.body)
        self.assertEqual(sorted(all_cards), sorted(a["url"] for a in remaining))
        for a in remaining:
            with self.subTest(article=a["slug"]):
                body = self.site.get(a["url"]).body
                self.assertNotIn(url, body)
                self.assertNotIn(draft["title"], body)
                items = parse_html(body).find("section", cls="related").find_all("li")
                self.assertTrue(2 <= len(items) <= 4, len(items))
        token = self.site.get(f"/comments/token?article={draft['id']}")
        self.assertEqual(token.status, 404)

        # Publishing it again brings it back.
        res = self.site.cli("article", "publish", str(draft["id"]))
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(self.site.get(url).status, 200)
        self.assertIn(url, "".join(r.body for r in self.pages().values()))


if __name__ == "__main__":
    unittest.main()
