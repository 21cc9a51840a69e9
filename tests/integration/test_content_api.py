"""The Content API (/api/v1/): published articles, pages, tags, authors and approved comments as
JSON; pagination with totals and Link headers; the tag, author, after, before and q filters; field
selection; ETags and 304 through the page cache, invalidated at once by a change from another
process; CORS; JSON errors; and never an e-mail address, an IP address or unpublished content."""
import json
import os
import sqlite3
import unittest
import urllib.parse

from harness import SOURCE_DIR, GazetteSite

SITE_URL = "https://news.example.org"


def body(res):
    return json.loads(res.body)


def add_page(db, path, title, status="published"):
    """Stores a static page (ArticleKind kPage) directly: the pages core has no CLI or admin yet."""
    con = sqlite3.connect(db)
    try:
        with con:
            con.execute(
                "INSERT INTO articles (slug, title, markdown, html, excerpt, author, status, published_at, created_at, "
                "updated_at, body_text, kind) VALUES (?, ?, ?, ?, ?, '', ?, 1796000000, 1796000000, 1796000000, ?, "
                "'page')", (path, title, f"About {title}.", f"<p>About {title}.</p>\n", f"About {title}.", status,
                            f"About {title}."))
    finally:
        con.close()


def published_articles(site):
    return [a for a in site.articles("published") if a.get("kind", "article") == "article"]


class ContentApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        def prepare(site):
            add_page(site.db, "about/team", "The newsroom team")
            add_page(site.db, "about/plans", "Plans not yet announced", status="draft")

        cls.site = GazetteSite(url=SITE_URL, prepare=prepare).start()
        cls.addClassCleanup(cls.site.stop)
        cls.published = published_articles(cls.site)

    def get(self, path, **params):
        if params:
            path += "?" + urllib.parse.urlencode(params)
        return self.site.get(path)

    def get_ok(self, path, **params):
        res = self.get(path, **params)
        self.assertEqual(res.status, 200, res.body)
        self.assertTrue(res.headers["content-type"].startswith("application/json"))
        return res, body(res)

    def test_lists_every_published_article_with_totals_and_links(self):
        res, page1 = self.get_ok("/api/v1/articles", per_page=3)
        total = len(self.published)
        self.assertGreater(total, 3, "the demo site has enough articles to page through")
        self.assertEqual(page1["meta"], {"page": 1, "per_page": 3, "total": total, "total_pages": -(-total // 3)})
        self.assertEqual(len(page1["data"]), 3)
        self.assertIn(f'<{SITE_URL}/api/v1/articles?per_page=3&page=2>; rel="next"', res.headers["link"])
        self.assertNotIn('rel="prev"', res.headers["link"])
        seen = []
        for n in range(1, page1["meta"]["total_pages"] + 1):
            res, page = self.get_ok("/api/v1/articles", per_page=3, page=n)
            seen += [a["id"] for a in page["data"]]
            if n > 1:
                self.assertIn('rel="prev"', res.headers["link"])
        self.assertEqual(sorted(seen), sorted(a["id"] for a in self.published))
        dates = [a["published_at"] for a in self.get_ok("/api/v1/articles", per_page=100)[1]["data"]]
        self.assertEqual(dates, sorted(dates, reverse=True), "newest first")
        _, past = self.get_ok("/api/v1/articles", per_page=3, page=99)
        self.assertEqual((past["data"], past["meta"]["total"]), ([], total))

    def test_an_article_by_id_or_slug_has_every_field(self):
        a = self.published[0]
        _, by_id = self.get_ok(f"/api/v1/articles/{a['id']}")
        _, by_slug = self.get_ok(f"/api/v1/articles/{a['slug']}")
        self.assertEqual(by_id, by_slug)
        data = by_id["data"]
        self.assertEqual((data["id"], data["slug"], data["title"]), (a["id"], a["slug"], a["title"]))
        self.assertEqual(data["url"], SITE_URL + a["url"])
        self.assertTrue(data["html"].startswith("<"))
        for key in ("excerpt", "byline", "authors", "tags", "primary_tag", "published_at", "updated_at",
                    "featured_image", "corrections"):
            self.assertIn(key, data)
        for author in data["authors"]:
            self.assertTrue(author["url"].startswith(SITE_URL + "/author/"))
        self.assertNotIn("html", self.get_ok("/api/v1/articles")[1]["data"][0], "lists leave the body out")

    def test_filters_by_tag_author_dates_and_search(self):
        _, all_ = self.get_ok("/api/v1/articles", per_page=100)
        articles = all_["data"]
        tag = articles[0]["tags"][0]["slug"]
        _, tagged = self.get_ok("/api/v1/articles", tag=tag, per_page=100)
        want = [a["id"] for a in articles if tag in [t["slug"] for t in a["tags"]]]
        self.assertEqual([a["id"] for a in tagged["data"]], want)
        self.assertEqual(tagged["meta"]["total"], len(want))

        author = articles[-1]["authors"][0]["slug"]
        _, by = self.get_ok("/api/v1/articles", author=author, per_page=100)
        self.assertEqual([a["id"] for a in by["data"]],
                         [a["id"] for a in articles if author in [x["slug"] for x in a["authors"]]])

        days = sorted({a["published_at"][:10] for a in articles})
        self.assertGreater(len(days), 2)
        after, before = days[1], days[-1]
        _, window = self.get_ok("/api/v1/articles", after=after, before=before, per_page=100)
        self.assertEqual([a["id"] for a in window["data"]],
                         [a["id"] for a in articles if after <= a["published_at"][:10] < before])
        self.assertTrue(window["data"])

        word = articles[2]["title"].split()[-1].strip(".,:;'\"").lower()
        _, found = self.get_ok("/api/v1/articles", q=word)
        self.assertIn(articles[2]["id"], [a["id"] for a in found["data"]])
        self.assertEqual(found["meta"]["total"], len(found["data"]))
        _, none = self.get_ok("/api/v1/articles", q="zzqxjv")
        self.assertEqual((none["data"], none["meta"]["total"]), ([], 0))

    def test_fields_selects_members(self):
        _, page = self.get_ok("/api/v1/articles", fields="id,title")
        self.assertTrue(page["data"])
        for a in page["data"]:
            self.assertEqual(set(a), {"id", "title"})
        _, one = self.get_ok(f"/api/v1/articles/{self.published[0]['id']}", fields="slug,html")
        self.assertEqual(set(one["data"]), {"slug", "html"})

    def test_bad_parameters_are_400_with_a_message(self):
        for params, field in (({"per_page": "101"}, "per_page"), ({"per_page": "0"}, "per_page"),
                              ({"page": "two"}, "page"), ({"after": "last tuesday"}, "after"),
                              ({"before": "2026-13-45"}, "before"), ({"fields": "id;drop"}, "fields"),
                              ({"q": "x" * 600}, "q")):
            with self.subTest(params=params):
                res = self.get("/api/v1/articles", **params)
                self.assertEqual(res.status, 400, res.body)
                err = body(res)["error"]
                self.assertEqual((err["status"], err["field"]), (400, field))
                self.assertTrue(err["message"])
                self.assertEqual(res.headers["access-control-allow-origin"], "*")
        for path in ("/api/v1/articles/999999", "/api/v1/articles/no-such-slug", "/api/v1/nothing",
                     "/api/v1/articles/999999/comments"):
            with self.subTest(path=path):
                res = self.get(path)
                self.assertEqual(res.status, 404)
                self.assertEqual(body(res)["error"]["status"], 404)
        self.assertEqual(self.get("/api/v1/comments").status, 400, "comments need an article")
        res = self.site.request("POST", "/api/v1/articles", body=b"{}", headers={"Content-Type": "application/json"})
        self.assertEqual(res.status, 405)
        self.assertIn("GET", res.headers["allow"])

    def test_cors_and_preflight(self):
        res, _ = self.get_ok("/api/v1/articles")
        self.assertEqual(res.headers["access-control-allow-origin"], "*")
        res = self.site.request("OPTIONS", "/api/v1/articles", headers={
            "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"})
        self.assertEqual(res.status, 204)
        self.assertEqual(res.headers["access-control-allow-origin"], "*")
        self.assertIn("GET", res.headers["access-control-allow-methods"])

    def test_tags_authors_comments_and_pages(self):
        _, tags = self.get_ok("/api/v1/tags")
        self.assertTrue(tags["data"])
        for t in tags["data"]:
            self.assertEqual(set(t), {"id", "name", "slug", "url", "count"})
            self.assertGreater(t["count"], 0)
        _, tagged = self.get_ok("/api/v1/articles", tag=tags["data"][0]["slug"])
        self.assertEqual(tagged["meta"]["total"], tags["data"][0]["count"])
        _, authors = self.get_ok("/api/v1/authors")
        self.assertTrue(authors["data"])
        self.assertEqual(authors["meta"]["total"], len(authors["data"]))

        approved = [c for c in self.site.comments("approved") if c["article_id"] in {a["id"] for a in self.published}]
        self.assertTrue(approved, "the demo site has approved comments")
        aid = approved[0]["article_id"]
        _, nested = self.get_ok(f"/api/v1/articles/{aid}/comments")
        _, flat = self.get_ok("/api/v1/comments", article=str(aid))
        self.assertEqual(nested, flat)
        self.assertEqual(sorted(c["id"] for c in nested["data"]),
                         sorted(c["id"] for c in approved if c["article_id"] == aid))
        for c in nested["data"]:
            self.assertEqual(set(c), {"id", "article_id", "parent_id", "author_name", "author_url", "body", "html",
                                      "created_at", "url"})
    def test_pages_are_apart_from_articles(self):
        _, pages = self.get_ok("/api/v1/pages")
        self.assertEqual([p["slug"] for p in pages["data"]], ["about/team"], "published pages only")
        self.assertEqual(pages["meta"]["total"], 1)
        page = pages["data"][0]
        self.assertEqual(page["url"], SITE_URL + "/about/team/")
        _, by_path = self.get_ok("/api/v1/pages/about/team")
        _, by_id = self.get_ok(f"/api/v1/pages/{page['id']}")
        self.assertEqual(by_path, by_id)
        self.assertEqual(by_path["data"]["title"], "The newsroom team")
        _, articles = self.get_ok("/api/v1/articles", per_page=100)
        self.assertNotIn(page["id"], [a["id"] for a in articles["data"]], "articles never list pages")
        self.assertEqual(self.get(f"/api/v1/articles/{page['id']}").status, 404)
        self.assertEqual(self.get(f"/api/v1/pages/{self.published[0]['id']}").status, 404)
        self.assertEqual(self.get("/api/v1/pages/about/plans").status, 404, "a draft page stays private")
        _, searched = self.get_ok("/api/v1/pages", q="newsroom")
        self.assertEqual(searched["meta"]["total"], 1)
        _, none = self.get_ok("/api/v1/pages", q="harbour")
        self.assertEqual(none["meta"]["total"], 0)

    def test_no_email_ip_or_unpublished_content_anywhere(self):
        # The demo's commenters' addresses (the CLI's listing leaves them out too).
        with open(os.path.join(SOURCE_DIR, "demo", "comments.json"), encoding="utf-8") as f:
            emails = {c["email"] for c in json.load(f) if c.get("email")}
        self.assertTrue(emails)
        paths = ["/api/v1/articles?per_page=100", "/api/v1/tags", "/api/v1/authors", "/api/v1/pages"]
        paths += [f"/api/v1/articles/{a['id']}" for a in self.published]
        paths += [f"/api/v1/articles/{a['id']}/comments" for a in self.published]
        for path in paths:
            text = self.site.get(path).body
            self.assertNotIn("@", text, path)
            self.assertNotRegex(text, r'"(ip|email|user_agent)"', path)
            for e in emails:
                self.assertNotIn(e, text)


class ContentApiCacheTest(unittest.TestCase):
    """Each test changes the site, so each has its own."""

    def setUp(self):
        self.site = GazetteSite(url=SITE_URL).start()
        self.addCleanup(self.site.stop)

    def test_etag_304_and_exact_invalidation(self):
        a = published_articles(self.site)[0]
        path = f"/api/v1/articles/{a['id']}"
        first = self.site.get(path)
        etag = first.headers["etag"]
        again = self.site.get(path, headers={"If-None-Match": etag})
        self.assertEqual(again.status, 304)
        self.assertEqual(again.headers["access-control-allow-origin"], "*")
        listed = self.site.get("/api/v1/articles?per_page=100")
        list_etag = listed.headers["etag"]

        res = self.site.cli("article", "edit", str(a["id"]), "--title", "A headline changed from the CLI",
                            "--db", self.site.db)
        self.assertEqual(res.returncode, 0, res.stderr)
        changed = self.site.get(path, headers={"If-None-Match": etag})
        self.assertEqual(changed.status, 200, "another process's edit reaches the API at once")
        self.assertEqual(body(changed)["data"]["title"], "A headline changed from the CLI")
        self.assertNotEqual(self.site.get("/api/v1/articles?per_page=100", headers={"If-None-Match": list_etag}).status,
                            304)

        res = self.site.cli("article", "unpublish", str(a["id"]), "--db", self.site.db)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(self.site.get(path).status, 404, "an unpublished article is gone")
        self.assertEqual(self.site.get(f"/api/v1/articles/{a['slug']}").status, 404)
        ids = [x["id"] for x in body(self.site.get("/api/v1/articles?per_page=100"))["data"]]
        self.assertNotIn(a["id"], ids)
        self.assertEqual(self.site.get(f"/api/v1/articles/{a['id']}/comments").status, 404)


if __name__ == "__main__":
    unittest.main()
