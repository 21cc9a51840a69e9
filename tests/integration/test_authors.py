"""Authors are people, and an article may have several: a joint byline reaches every output and
loses the second author nowhere (Admin API, CLI, the article page, each co-author's page and feed,
the site feed, JSON-LD, Open Graph, search); changing a byline moves the article between author
pages at once; only editors set other people's bylines; author profiles (biography, photo)
through the Admin API; author pages, their pagination and 404s."""
import json
import re
import unittest
import urllib.parse

from admin_client import AdminClient, add_user, api, api_token
from feed_helpers import FORMATS, SITE_URL, absolute, feed_alternates, feed_path, guid, item, path_of, read_feed
from harness import GazetteSite, parse_html
from test_featured_image import cards, upload
from test_structured_data import json_ld, meta, of_type

JOINT_TITLE = "Harbour pilots strike over night shifts"
ANN = {"name": "Ann Lee", "slug": "ann-lee", "url": f"{SITE_URL}/author/ann-lee/"}
BO = {"name": "Bo Chen", "slug": "bo-chen", "url": f"{SITE_URL}/author/bo-chen/"}


def byline_links(page):
    """(href, text) of each author link in the article's byline."""
    doc = parse_html(page)
    byline = doc.find("p", cls="byline")
    if byline is None:
        raise AssertionError("no byline on the page")
    return [(a.attrs.get("href"), a.text()) for a in byline.find_all("a", rel="author")], byline.text()


def card_titles(page):
    return [t for t, _ in cards(page)]


class JointBylineTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite(url=SITE_URL).start()
        cls.addClassCleanup(cls.site.stop)
        cls.tokens = {}
        for email, role, name in (("ed@example.org", "editor", "Ann Lee"), ("admin@example.org", "administrator", "Ada Park"),
                                  ("au@example.org", "author", "Cy Dee"), ("au2@example.org", "author", "Fay Gold"),
                                  ("co@example.org", "contributor", "Di Eve")):
            add_user(cls.site, email, role, name=name)
            cls.tokens[role if role != "author" or name == "Cy Dee" else "author2"] = api_token(cls.site, email)
        status, data, res = cls.call("editor", "POST", "/api/admin/articles", {
            "title": JOINT_TITLE, "markdown": "The pilotage service stops at midnight.", "status": "published",
            "authors": ["Ann Lee", "Bo Chen"], "tags": ["Harbour pilots"]})
        if status != 201:
            raise AssertionError(res.body)
        cls.joint = data["article"]
        cls.path = path_of(cls.joint["url"])

    @classmethod
    def call(cls, who, method, path, body=None, **kw):
        return api(cls.site, method, path, token=cls.tokens.get(who), body=body, **kw)

    def create(self, who="editor", expect=201, **fields):
        body = {"title": "A story", "markdown": "Text.", "status": "published"}
        body.update(fields)
        status, data, res = self.call(who, "POST", "/api/admin/articles", body)
        self.assertEqual(status, expect, res.body[:300])
        return data.get("article") if data else None

    def page(self, path, status=200):
        res = self.site.get(path)
        self.assertEqual(res.status, status, f"{path}: {res.body[:200]}")
        return res.body

    # --- every output -------------------------------------------------------------------------
    def test_admin_api_keeps_both_authors(self):
        self.assertEqual(self.joint["author"], "Ann Lee and Bo Chen")
        self.assertEqual(self.joint["authors"], [ANN, BO])
        status, data, _ = self.call("editor", "GET", f"/api/admin/articles/{self.joint['id']}")
        self.assertEqual(status, 200)
        self.assertEqual((data["article"]["author"], data["article"]["authors"]), ("Ann Lee and Bo Chen", [ANN, BO]))
        status, data, _ = self.call("editor", "GET", "/api/admin/articles?q=pilots")
        listed = [a for a in data["articles"] if a["id"] == self.joint["id"]]
        self.assertEqual(len(listed), 1)
        self.assertEqual(listed[0]["authors"], [ANN, BO], "the list keeps both too")
        one = self.create(title="Single byline", author="Bo Chen")
        self.assertEqual((one["author"], one["authors"]), ("Bo Chen", [BO]), '"author" takes one name')

    def test_cli_json_keeps_both_authors(self):
        res = self.site.cli("article", "show", str(self.joint["id"]))
        self.assertEqual(res.returncode, 0, res.stderr)
        shown = json.loads(res.stdout)
        self.assertEqual((shown["author"], shown["authors"]), ("Ann Lee and Bo Chen", ["Ann Lee", "Bo Chen"]))
        listed = [a for a in self.site.articles() if a["id"] == self.joint["id"]]
        self.assertEqual(listed[0]["authors"], ["Ann Lee", "Bo Chen"])
        self.assertEqual(listed[0]["author"], "Ann Lee and Bo Chen")

    def test_article_page_byline_links_every_author(self):
        links, text = byline_links(self.page(self.path))
        self.assertEqual(links, [("/author/ann-lee/", "Ann Lee"), ("/author/bo-chen/", "Bo Chen")])
        self.assertTrue(text.startswith("By Ann Lee and Bo Chen"), text)
        for href, _ in links:
            self.assertIn(JOINT_TITLE, card_titles(self.page(href)))

    def test_each_coauthor_page_lists_the_article(self):
        for person in (ANN, BO):
            with self.subTest(author=person["slug"]):
                page = self.page(f"/author/{person['slug']}/")
                doc = parse_html(page)
                self.assertEqual(doc.find("h1").text().strip(), person["name"])
                self.assertIn(JOINT_TITLE, card_titles(page))
                card = [c for c in re.findall(r'<article class="card[^"]*">.*?</article>', page, re.S)
                        if JOINT_TITLE in c][0]
                self.assertIn("By Ann Lee and Bo Chen", card, "the card's byline keeps both")
                links = [(t, h) for t, h in feed_alternates(f"/author/{person['slug']}/")]
                found = [(l.attrs.get("type"), l.attrs.get("href")) for l in doc.find_all("link", rel="alternate")]
                for pair in links:
                    self.assertIn(pair, found, "the author page announces the author's feeds")

    def test_each_coauthor_feed_and_the_site_feed_carry_both_authors(self):
        for base in ("/", "/author/ann-lee/", "/author/bo-chen/", "/tag/harbour-pilots/"):
            for fmt in FORMATS:
                with self.subTest(feed=feed_path(base, fmt)):
                    items = read_feed(self, self.site, feed_path(base, fmt), fmt)[0]
                    it = item(self, items, self.joint["id"])
                    self.assertEqual([n for n, _ in it["authors"]], ["Ann Lee", "Bo Chen"])
                    if fmt != "rss":
                        self.assertEqual([u for _, u in it["authors"]], [ANN["url"], BO["url"]])

    def test_json_ld_and_open_graph_name_every_author(self):
        page = self.page(self.path)
        article = of_type(json_ld(page), "NewsArticle")
        self.assertEqual(article["author"], [{"@type": "Person", "name": "Ann Lee", "url": ANN["url"]},
                                             {"@type": "Person", "name": "Bo Chen", "url": BO["url"]}])
        self.assertEqual(meta(page)["article:author"], [ANN["url"], BO["url"]])

    def test_search_finds_the_article_by_either_author(self):
        for q in ("Bo Chen", "Chen", "Ann Lee"):
            with self.subTest(q=q):
                res = self.site.get("/search.json?" + urllib.parse.urlencode({"q": q}))
                self.assertEqual(res.status, 200)
                self.assertIn(self.joint["id"], [r["id"] for r in json.loads(res.body)["results"]])
                self.assertIn(JOINT_TITLE, self.page("/search?" + urllib.parse.urlencode({"q": q})))
        for slug, found in (("bo-chen", True), ("ann-lee", True), ("maya-okafor", False)):
            with self.subTest(author=slug):
                res = self.site.get(f"/search.json?q=pilotage&author={slug}")
                ids = [r["id"] for r in json.loads(res.body)["results"]]
                self.assertEqual(self.joint["id"] in ids, found)
                if found:
                    hit = [r for r in json.loads(res.body)["results"] if r["id"] == self.joint["id"]][0]
                    self.assertEqual(hit["author"], "Ann Lee and Bo Chen")
        options = parse_html(self.page("/search?q=pilotage")).find("select", name="author")
        values = [o.attrs.get("value") for o in options.find_all("option")]
        self.assertIn("ann-lee", values)
        self.assertIn("bo-chen", values, "the filter offers the co-author too")

    def test_three_authors(self):
        a = self.create(title="Three-way byline", authors=["Ann Lee", "Bo Chen", "Eli Ford"])
        self.assertEqual(a["author"], "Ann Lee, Bo Chen and Eli Ford")
        self.assertEqual([p["slug"] for p in a["authors"]], ["ann-lee", "bo-chen", "eli-ford"])
        page = self.page(path_of(a["url"]))
        links, text = byline_links(page)
        self.assertEqual([h for h, _ in links], ["/author/ann-lee/", "/author/bo-chen/", "/author/eli-ford/"])
        self.assertTrue(text.startswith("By Ann Lee, Bo Chen and Eli Ford"), text)
        self.assertEqual(len(of_type(json_ld(page), "NewsArticle")["author"]), 3)
        self.assertEqual(len(meta(page)["article:author"]), 3)
        self.assertIn("Three-way byline", card_titles(self.page("/author/eli-ford/")))

    def test_admin_editor_takes_comma_separated_names(self):
        ed = AdminClient(self.site)
        ed.login("ed@example.org")
        res = ed.post("/admin/articles/new", {"title": "Edited in the admin", "markdown": "Body.", "status": "published",
                                              "author": "Ann Lee, Bo Chen", "tags": "Harbour pilots",
                                              "action": "save"})
        self.assertEqual(res.status, 303, res.body[:300])
        made = [a for a in self.site.articles() if a["title"] == "Edited in the admin"]
        self.assertEqual(made[0]["authors"], ["Ann Lee", "Bo Chen"])
        form = ed.get(res.headers["location"]).body
        self.assertIn('name="author" value="Ann Lee, Bo Chen"', form, "the form shows the byline it saved")
        self.assertIn("Edited in the admin", card_titles(self.page("/author/bo-chen/")))
        # An author's field is their own name; another name sent anyway is not taken.
        au = AdminClient(self.site)
        au.login("au@example.org")
        form = au.get("/admin/articles/new").body
        field = re.search(r'<input[^>]*name="author"[^>]*>', form).group(0)
        self.assertIn('value="Cy Dee"', field)
        self.assertIn("readonly", field)
        au.post("/admin/articles/new", {"title": "Author's own draft", "markdown": "x", "status": "draft",
                                        "author": "Cy Dee, Bo Chen", "action": "save"})
        drafts = [a for a in self.site.articles() if a["title"] == "Author's own draft"]
        self.assertEqual([a["authors"] for a in drafts], [["Cy Dee"]])

    # --- changing a byline --------------------------------------------------------------------
    def test_patch_byline_moves_the_article_between_author_pages_at_once(self):
        a = self.create(title="Dredging contract awarded", markdown="The dredger arrives in May.",
                        authors=["Ann Lee", "Gil Hart"], tags=["Harbour pilots"])
        path = path_of(a["url"])
        watched = ["/author/ann-lee/", "/author/gil-hart/", path, "/feed/", "/feed.json", "/author/gil-hart/feed/"]
        for p in watched:
            self.page(p)  # each is cached now
        self.assertIn("Dredging contract awarded", card_titles(self.page("/author/gil-hart/")))
        status, data, _ = self.call("editor", "PATCH", f"/api/admin/articles/{a['id']}",
                                    {"authors": ["Ann Lee", "Hal Ito"]})
        self.assertEqual(status, 200)
        self.assertEqual(data["article"]["author"], "Ann Lee and Hal Ito")
        self.assertIn("Dredging contract awarded", card_titles(self.page("/author/hal-ito/")))
        self.assertIn("Dredging contract awarded", card_titles(self.page("/author/ann-lee/")))
        old = self.site.get("/author/gil-hart/")
        self.assertNotIn("Dredging contract awarded", card_titles(old.body) if old.status == 200 else [])
        old_feed = self.site.get("/author/gil-hart/feed/")
        self.assertNotIn(guid(a["id"]), old_feed.body if old_feed.status == 200 else "")
        for fmt in FORMATS:
            items = read_feed(self, self.site, feed_path("/author/hal-ito/", fmt), fmt)[0]
            self.assertEqual([n for n, _ in item(self, items, a["id"])["authors"]], ["Ann Lee", "Hal Ito"])
            items = read_feed(self, self.site, feed_path("/", fmt), fmt)[0]
            self.assertEqual([n for n, _ in item(self, items, a["id"])["authors"]], ["Ann Lee", "Hal Ito"])
        page = self.page(path)
        self.assertEqual(byline_links(page)[0], [("/author/ann-lee/", "Ann Lee"), ("/author/hal-ito/", "Hal Ito")])
        self.assertEqual([p["name"] for p in of_type(json_ld(page), "NewsArticle")["author"]], ["Ann Lee", "Hal Ito"])
        self.assertEqual(meta(page)["article:author"], [ANN["url"], f"{SITE_URL}/author/hal-ito/"])
        ids = lambda slug: [r["id"] for r in json.loads(self.site.get(f"/search.json?q=dredger&author={slug}").body)["results"]]
        self.assertEqual((a["id"] in ids("hal-ito"), a["id"] in ids("gil-hart")), (True, False))

    def test_only_editors_set_another_byline(self):
        before = len(self.site.articles())
        self.create("contributor", expect=403, title="C1", status="draft", authors=["Di Eve", "Ann Lee"])
        self.create("contributor", expect=403, title="C2", status="draft", author="Ann Lee")
        self.create("author", expect=403, title="A1", authors=["Cy Dee", "Bo Chen"])
        self.create("author", expect=403, title="A2", author="Bo Chen")
        self.assertEqual(len(self.site.articles()), before, "a refused request creates nothing")
        own = self.create("contributor", title="C3", status="draft", authors=["Di Eve"])
        self.assertEqual(own["authors"][0]["name"], "Di Eve")
        mine = self.create("author", title="Cy's own story")
        self.assertEqual(mine["author"], "Cy Dee", "an author's article carries their own name")
        aid = mine["id"]
        self.assertEqual(self.call("author", "PATCH", f"/api/admin/articles/{aid}", {"authors": ["Cy Dee", "Bo Chen"]})[0], 403)
        self.assertEqual(self.call("author", "PATCH", f"/api/admin/articles/{aid}", {"author": "Bo Chen"})[0], 403)
        self.assertEqual(self.call("author", "PATCH", f"/api/admin/articles/{aid}", {"authors": ["Cy Dee"]})[0], 200,
                         "sending one's own byline is not a change")
        self.assertEqual(self.call("editor", "GET", f"/api/admin/articles/{aid}")[1]["article"]["author"], "Cy Dee")
        # Editors and administrators may credit anyone.
        status, data, _ = self.call("editor", "PATCH", f"/api/admin/articles/{aid}", {"authors": ["Cy Dee", "Bo Chen"]})
        self.assertEqual((status, data["article"]["author"]), (200, "Cy Dee and Bo Chen"))
        byadmin = self.create("administrator", title="Admin credits others", authors=["Bo Chen", "Fay Gold"])
        self.assertEqual(byadmin["author"], "Bo Chen and Fay Gold")

    # --- profiles -----------------------------------------------------------------------------
    def test_author_profile_get_and_patch(self):
        status, data, _ = self.call("editor", "GET", "/api/admin/authors")
        self.assertEqual(status, 200)
        by_slug = {a["slug"]: a for a in data["authors"]}
        for person in (ANN, BO):
            self.assertEqual(by_slug[person["slug"]]["name"], person["name"])
            self.assertEqual(by_slug[person["slug"]]["path"], f"/author/{person['slug']}/")
            self.assertGreaterEqual(by_slug[person["slug"]]["published"], 1)
        status, data, _ = self.call("author", "GET", "/api/admin/authors/bo-chen")
        self.assertEqual((status, data["author"]["name"]), (200, "Bo Chen"))

        photo = upload(self.site, self.tokens["editor"], "Bo Chen at the quay", size=(800, 800))
        self.page("/author/bo-chen/")  # cached now
        bio = 'Bo covers <ferries> & "ports".'
        status, data, res = self.call("editor", "PATCH", "/api/admin/authors/bo-chen",
                                      {"bio": bio, "photo_media_id": photo["id"]})
        self.assertEqual(status, 200, res.body)
        self.assertEqual((data["author"]["bio"], data["author"]["photo_media_id"]), (bio, photo["id"]))
        self.assertEqual(self.call("editor", "GET", "/api/admin/authors/bo-chen")[1]["author"]["bio"], bio)
        page = self.page("/author/bo-chen/")
        profile = parse_html(page).find("div", cls="author-profile")
        self.assertEqual(profile.find("p", cls="author-bio").text(), bio, "the page shows it at once")
        self.assertNotIn("<ferries>", page, "escaped")
        img = profile.find("img")
        self.assertIsNotNone(img, "the photo")
        self.assertIn(photo["hash"], img.attrs["src"])
        self.assertEqual(img.attrs.get("alt"), "Bo Chen")
        self.assertEqual(self.site.get(path_of(SITE_URL + img.attrs["src"])).status, 200)
        status, data, _ = self.call("editor", "PATCH", "/api/admin/authors/bo-chen", {"photo_media_id": None})
        self.assertEqual((status, data["author"]["photo_media_id"], data["author"]["bio"]), (200, None, bio))
        profile = parse_html(self.page("/author/bo-chen/")).find("div", cls="author-profile")
        self.assertIsNone(profile.find("img"), "the photo is gone")
        self.assertEqual(profile.find("p", cls="author-bio").text(), bio)

    def test_author_profile_permissions_and_validation(self):
        self.create("author", title="Cy's first story")  # Cy Dee now has a byline, so a profile
        status, data, _ = self.call("author", "PATCH", "/api/admin/authors/cy-dee", {"bio": "Cy writes about boats."})
        self.assertEqual((status, data["author"]["bio"]), (200, "Cy writes about boats."))
        self.assertIn("Cy writes about boats.", self.page("/author/cy-dee/"))
        for who in ("author", "author2", "contributor"):
            with self.subTest(who=who):
                status, _, _ = self.call(who, "PATCH", "/api/admin/authors/bo-chen", {"bio": "Hijacked"})
                self.assertEqual(status, 403)
        self.assertNotIn("Hijacked", self.page("/author/bo-chen/"))
        self.assertEqual(self.call("administrator", "PATCH", "/api/admin/authors/cy-dee", {"bio": "By the admin."})[0], 200)
        for body, field in (({"photo_media_id": 999999}, "photo_media_id"), ({"photo_media_id": "1"}, "photo_media_id"),
                            ({"bio": 5}, "bio"), ({"bio": "x" * 20000}, "bio")):
            with self.subTest(body=str(body)[:40]):
                status, data, _ = self.call("editor", "PATCH", "/api/admin/authors/bo-chen", body)
                self.assertEqual((status, data["error"]["field"]), (422, field))
        self.assertEqual(self.call("editor", "PATCH", "/api/admin/authors/bo-chen", raw_body=b"{nope")[0], 400)
        self.assertEqual(self.call("editor", "GET", "/api/admin/authors/no-such-person")[0], 404)
        self.assertEqual(self.call("editor", "PATCH", "/api/admin/authors/no-such-person", {"bio": "x"})[0], 404)
        self.assertEqual(api(self.site, "GET", "/api/admin/authors")[0], 401)
        self.assertEqual(api(self.site, "PATCH", "/api/admin/authors/bo-chen", body={"bio": "x"})[0], 401)
        self.assertNotIn("Hijacked", self.call("editor", "GET", "/api/admin/authors/bo-chen")[1]["author"]["bio"])

    # --- 404s ---------------------------------------------------------------------------------
    def test_unknown_author_is_404(self):
        for path in ("/author/no-such-person/", "/author/no-such-person/page/2/", "/author/no-such-person/feed/",
                     "/author/no-such-person/feed.json", "/author/bo-chen/page/2/", "/author/bo-chen/page/0/",
                     "/author/bo-chen/page/x/"):
            with self.subTest(path=path):
                self.assertEqual(self.site.get(path).status, 404)
        self.assertEqual(self.site.get("/author/bo-chen").status, 301)

    def test_an_author_credited_only_on_drafts_has_no_public_page(self):
        """A draft's byline is not public: the name must not appear at /author/SLUG/ or in its feeds
        before anything by that author is published (nor after it is unpublished again)."""
        draft = self.create(title="Embargoed: port sale", status="draft", authors=["Ann Lee", "Ivy Secret"])
        for path in ("/author/ivy-secret/", "/author/ivy-secret/feed/", "/author/ivy-secret/feed.json"):
            with self.subTest(path=path, state="draft"):
                res = self.site.get(path)
                self.assertEqual(res.status, 404, f"{path} reveals the draft's byline: {res.body[:200]}")
        self.assertEqual(self.call("editor", "POST", f"/api/admin/articles/{draft['id']}/publish")[0], 200)
        self.assertIn("Embargoed: port sale", card_titles(self.page("/author/ivy-secret/")))
        self.assertEqual(self.call("editor", "POST", f"/api/admin/articles/{draft['id']}/unpublish")[0], 200)
        res = self.site.get("/author/ivy-secret/")
        self.assertEqual(res.status, 404, "unpublished again: nothing by this author is public")


class AuthorPagesTest(unittest.TestCase):
    """Author archives are paginated by site.page_size, newest first, with prev/next links."""

    def test_pagination(self):
        with GazetteSite(url=SITE_URL, page_size=2) as site:
            token = api_token(site, add_user(site, "ed@example.org", "editor", name="Ann Lee"))
            titles = []
            for n in range(5):
                title = f"Tide table {n}"
                authors = ["Jo Park"] if n % 2 else ["Ann Lee", "Jo Park"]
                status, _, res = api(site, "POST", "/api/admin/articles", token,
                                     {"title": title, "markdown": "x", "status": "published", "authors": authors})
                self.assertEqual(status, 201, res.body)
                titles.insert(0, title)
            pages = [("/author/jo-park/", titles[0:2]), ("/author/jo-park/page/2/", titles[2:4]),
                     ("/author/jo-park/page/3/", titles[4:5])]
            for i, (path, want) in enumerate(pages):
                with self.subTest(path=path):
                    res = site.get(path)
                    self.assertEqual(res.status, 200)
                    self.assertEqual(card_titles(res.body), want)
                    links = {l.attrs.get("rel"): l.attrs.get("href") for l in parse_html(res.body).find_all("link")}
                    self.assertEqual(links["canonical"], SITE_URL + path)
                    self.assertEqual(links.get("prev"), SITE_URL + pages[i - 1][0] if i else None)
                    self.assertEqual(links.get("next"), SITE_URL + pages[i + 1][0] if i < 2 else None)
                    self.assertEqual(parse_html(res.body).find("h1").text().strip(), "Jo Park")
            self.assertEqual(site.get("/author/jo-park/page/4/").status, 404)
            # The co-author's page holds only the joint ones.
            self.assertEqual(card_titles(site.get("/author/ann-lee/").body), ["Tide table 4", "Tide table 2"])
            self.assertEqual(card_titles(site.get("/author/ann-lee/page/2/").body), ["Tide table 0"])
            # The feed is not paginated: all five, newest first.
            items = read_feed(self, site, "/author/jo-park/feed.json", "json")[0]
            self.assertEqual([i["title"] for i in items], titles)
            self.assertEqual([i["link"] for i in items][:1],
                             [absolute(SITE_URL + [a for a in site.articles() if a["title"] == titles[0]][0]["url"])])


if __name__ == "__main__":
    unittest.main()
