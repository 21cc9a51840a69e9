"""Search and "You May Also Like" over HTTP: results, snippets, filters, pages, hostile queries,
and an unpublished article leaving search and every related list at once."""
import json
import os
import re
import tempfile
import unittest
import urllib.parse

from harness import GazetteSite, parse_html
from nu_checker import nu_problems


# Three subjects (import folders, so tags) and two dates; headlines are unique.
STORIES = {
    "economy": [
        ("Bank raises interest rates", "The central bank raised interest rates to curb inflation as prices rose."),
        ("Inflation climbs again", "Inflation climbed as energy prices rose; the bank may raise interest rates."),
        ("Mortgage costs rise", "Higher interest rates push mortgage costs up for homeowners and the bank."),
        ("Pound falls after rate decision", "The pound fell after the bank held interest rates and inflation slowed."),
        ("Savers welcome higher rates", "Savers gain as the banks pass on higher interest rates; inflation bites."),
    ],
    "sport": [
        ("Striker scores twice in cup win", "The striker scored twice as the club won the cup match at home."),
        ("Club reaches cup final", "The club reached the cup final after the striker scored a late goal."),
        ("Goalkeeper saves penalty", "The goalkeeper saved a penalty and the club held on to win the match."),
        ("Manager praises young striker", "The manager praised the young striker after the match and the goal."),
        ("League leaders held to draw", "The league leaders drew the match; the striker missed a late penalty."),
    ],
    "technology": [
        ("New phone has faster chip", "The phone maker unveiled a faster chip and a better camera for the phone."),
        ("Software update fixes bugs", "The software update fixes bugs in the phone and the laptop operating system."),
        ("Chip maker reports record sales", "The chip maker sold record numbers of chips for phones and laptops."),
        ("Laptop battery lasts longer", "The new laptop battery lasts longer thanks to a more efficient chip."),
        ("Camera phone sales grow", "Sales of camera phones grew as the phone makers added better chips."),
        ("Readers <b>mark</b> & escape", "Readers wrote <i>tags</i> & \"quotes\" next to the word chip, 5 < 6."),
    ],
}
DATES = {"economy": "2005-01-10", "sport": "2005-02-10", "technology": "2005-03-10"}
ALL_TITLES = [t for stories in STORIES.values() for t, _ in stories]

HOSTILE = [
    "", " ", '"', '"""', '"unbalanced', "NEAR(bank rates)", "title:bank", "bank OR", "AND", "*", "**", "-", "(",
    ")", "{title}:bank", "^bank", "bank*rates", "'; DROP TABLE articles; --", "\x00", "bank\x00rates", "%s%n",
    "<script>alert(1)</script>", "x" * 10240, '"' * 4000, "bank " * 2000, "\u202e\ufeff", "🙂 bank",
]  # 10 KB of quotes would be 30 KB percent-encoded: over the server's 16 KiB header limit (431)
HOSTILE_RAW = ["%FF%FE", "ban%C3", "%ED%A0%80", "%C0%AF", "bank%00", "%25"]  # invalid UTF-8, NUL, a percent


def prepare(site):
    root = tempfile.mkdtemp(dir=site.tmp)
    for subject, stories in STORIES.items():
        folder = os.path.join(root, subject, subject)
        os.makedirs(folder)
        for i, (title, body) in enumerate(stories):
            with open(os.path.join(folder, f"{i:03}.txt"), "w", encoding="utf-8") as f:
                f.write(f"{title}\n\n{body}\n")
        res = site.cli("import", "text", os.path.join(root, subject), "--date", DATES[subject])
        if res.returncode != 0:
            raise RuntimeError(res.stdout + res.stderr)


class SearchTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite(demo=False, page_size=3, prepare=prepare).start()
        cls.by_title = {a["title"]: a for a in cls.site.articles()}

    @classmethod
    def tearDownClass(cls):
        cls.site.stop()

    def search_json(self, raw_query="", **params):
        query = raw_query or urllib.parse.urlencode(params)
        res = self.site.get("/search.json?" + query)
        self.assertEqual(res.status, 200, f"{query[:80]}: {res.body[:300]}")
        self.assertTrue(res.headers["content-type"].startswith("application/json"))
        self.assertEqual(res.headers.get("cache-control"), "no-store")
        return json.loads(res.body)

    def search_page(self, raw_query="", **params):
        query = raw_query or urllib.parse.urlencode(params)
        res = self.site.get("/search?" + query)
        self.assertEqual(res.status, 200, f"{query[:80]}: {res.body[:300]}")
        self.assertEqual(res.headers.get("cache-control"), "no-store")
        return res.body

    def titles(self, data):
        return [r["title"] for r in data["results"]]

    # --- results -------------------------------------------------------------------------
    def test_headline_search_finds_the_article_first(self):
        for title in ALL_TITLES[:15]:
            data = self.search_json(q=title)
            self.assertEqual(data["results"][0]["title"], title)

    def test_stemming_phrases_and_prefixes(self):
        self.assertIn("Club reaches cup final", self.titles(self.search_json(q="reaching finals")))
        phrase = self.search_json(q='"interest rates"')
        self.assertGreaterEqual(phrase["total"], 5)
        self.assertEqual(self.search_json(q='"rates interest"')["total"], 0)
        self.assertEqual(self.search_json(q="goalk*")["results"][0]["title"], "Goalkeeper saves penalty")

    def test_counts_and_any_word_fallback(self):
        data = self.search_json(q="striker")
        self.assertEqual(data["total"], 4)
        self.assertFalse(data["matched_any"])
        body = self.search_page(q="striker")
        self.assertIn("4 articles match your search.", body)
        fallback = self.search_json(q="striker zeppelin")
        self.assertTrue(fallback["matched_any"])
        self.assertEqual(fallback["total"], 4)
        self.assertIn("No article has all of these words", self.search_page(q="striker zeppelin"))
        self.assertIn("No articles match your search.", self.search_page(q="zeppelin"))

    def test_snippets_mark_matches_and_escape_the_text(self):
        data = self.search_json(q='"word chip"')
        hit = next(r for r in data["results"] if r["title"].startswith("Readers"))
        self.assertIn("<mark>word chip</mark>", hit["snippet_html"])
        self.assertNotIn("<i>", hit["snippet_html"])
        self.assertIn("5 &lt; 6", hit["snippet_html"])
        self.assertEqual(re.sub(r"</?mark>", "", hit["snippet_html"]).count("<"), 0, hit["snippet_html"])
        page = parse_html(self.search_page(q="mark escape"))
        result = page.find("li", cls="search-result")
        self.assertEqual(result.find("h2").text().strip(), "Readers <b>mark</b> & escape")
        self.assertEqual([m.text() for m in result.find("h2").find_all("mark")], ["mark", "escape"])
        self.assertIsNone(result.find("b"))

    def test_filters_by_tag_and_dates(self):
        self.assertEqual(self.search_json(q="phone", tag="technology")["total"], 4)
        self.assertEqual(self.search_json(q="phone", tag="sport")["total"], 0)
        self.assertEqual(self.search_json(q="the", **{"from": "2005-02-01"})["total"], 11)
        self.assertEqual(self.search_json(q="the", to="2005-01-10")["total"], 5)
        self.assertEqual(self.search_json(q="the", **{"from": "2005-02-10", "to": "2005-02-10"})["total"], 5)
        bad = self.search_json(q="the", to="tomorrow")
        self.assertEqual(bad["total"], 16)
        self.assertTrue(any("YYYY-MM-DD" in n for n in bad["notes"]))
        page = parse_html(self.search_page(q="phone", tag="technology"))
        selected = [o for o in page.find("select", id="search-tag").find_all("option") if "selected" in o.attrs]
        self.assertEqual([o.attrs["value"] for o in selected], ["technology"])

    def test_pages_through_results(self):
        first = self.search_json(q="the")
        self.assertEqual(first["total"], 16)
        self.assertEqual(first["total_pages"], 6)
        self.assertIsNone(first["prev"])
        seen = []
        data = first
        while True:
            self.assertLessEqual(len(data["results"]), 3)
            seen += [r["id"] for r in data["results"]]
            if not data["next"]:
                break
            data = json.loads(self.site.get(data["next"]).body)
        self.assertEqual(len(seen), 16)
        self.assertEqual(len(set(seen)), 16, "every result once")
        html = parse_html(self.search_page(q="the", page="2"))
        nav = html.find("nav", cls="pagination")
        self.assertIn("Page 2 of 6", nav.text())
        self.assertIn("page=3", nav.find("a", rel="next").attrs["href"])
        self.assertEqual(self.search_json(q="the", page="99")["results"], [])

    def test_every_hostile_query_gets_a_page(self):
        for q in HOSTILE:
            with self.subTest(q=q[:30]):
                data = self.search_json(q=q)
                self.assertIsInstance(data["results"], list)
                self.assertIn("<html", self.search_page(q=q))
        for raw in HOSTILE_RAW:
            with self.subTest(raw=raw):
                data = self.search_json("q=" + raw)
                self.assertIsInstance(data["notes"], list)
                self.search_page("q=" + raw)
        for extra in ["page=-1", "page=abc", "page=99999999999999999999", "tag=%FF", "from=%00", "q=bank&q=rates"]:
            with self.subTest(extra=extra):
                self.search_json("q=bank&" + extra)
                self.search_page("q=bank&" + extra)
        # A malformed address is refused by the server before search sees it: 400, not 500.
        self.assertEqual(self.site.get("/search?q=%").status, 400)

    def test_empty_and_long_queries_say_so(self):
        self.assertFalse(self.search_json(q="")["searched"])
        self.assertNotIn("match your search", self.search_page(q=""))
        long = self.search_json(q="bank " * 2000)
        self.assertTrue(any("only its first" in n for n in long["notes"]))
        self.assertGreater(long["total"], 0)

    def test_search_box_on_every_page(self):
        paths = ["/", "/tag/sport/", self.by_title["Club reaches cup final"]["url"], "/search?q=x", "/nope"]
        for path in paths:
            with self.subTest(path=path):
                doc = parse_html(self.site.get(path).body)
                form = doc.find("form", cls="site-search")
                self.assertIsNotNone(form)
                self.assertEqual(form.attrs.get("method"), "get")
                self.assertEqual(form.attrs.get("action"), "/search")
                self.assertIsNotNone(form.find("input", name="q"))

    def test_search_pages_are_valid_html(self):
        variants = {"empty": "", "results": "q=the&page=2", "filtered": "q=phone&tag=technology&from=2005-01-01",
                    "marks": "q=mark+escape", "none": "q=zeppelin", "any": "q=striker+zeppelin",
                    "notes": "q=the&to=tomorrow", "hostile": "q=%22%3Cscript%3E%22*%FF"}
        pages = {name: self.search_page(query) for name, query in variants.items()}
        problems = nu_problems(self, pages, tempfile.mkdtemp(dir=self.site.tmp))
        self.assertEqual(problems, [], "HTML errors:\n" + "\n".join(problems))

    # --- related ---------------------------------------------------------------------------
    def test_related_json_lists_the_subject_never_itself(self):
        article = self.by_title["Goalkeeper saves penalty"]
        data = json.loads(self.site.get(f"/related.json?article={article['id']}").body)
        self.assertEqual(data["article"]["id"], article["id"])
        ids = [r["id"] for r in data["related"]]
        self.assertEqual(len(ids), 4)
        self.assertNotIn(article["id"], ids)
        sport = {a["id"] for t, a in self.by_title.items() if t in dict(STORIES["sport"])}
        self.assertTrue(set(ids) <= sport, data)
        for r in data["related"]:
            self.assertTrue(r["url"].startswith("/2005/"))
            self.assertLessEqual(len(r["excerpt"]), 100)
        self.assertEqual(self.site.get("/related.json?article=999999").status, 404)
        self.assertEqual(self.site.get("/related.json").status, 400)
        self.assertEqual(self.site.get(f"/related.json?article={article['url'].split('/')[-2]}").status, 200)


class UnpublishTest(unittest.TestCase):
    """An unpublished article leaves search and every related list at once; edits and pins."""

    def setUp(self):
        self.site = GazetteSite(demo=False, prepare=prepare).start()
        self.by_title = {a["title"]: a for a in self.site.articles()}

    def tearDown(self):
        self.site.stop()

    def related_ids(self, article_id):
        return [r["id"] for r in json.loads(self.site.get(f"/related.json?article={article_id}").body)["related"]]

    def page_related_hrefs(self, url):
        section = parse_html(self.site.get(url).body).find("section", cls="related")
        return [a.attrs["href"] for a in section.find_all("a")] if section else []

    def test_unpublished_article_disappears_from_search_and_every_list(self):
        gone = self.by_title["Inflation climbs again"]
        holders = [a for a in self.by_title.values() if gone["id"] in self.related_ids(a["id"])]
        self.assertGreater(len(holders), 0)
        for a in holders:  # the pages are cached now
            self.assertIn(gone["url"], self.page_related_hrefs(a["url"]))
        self.assertIn(gone["id"], [r["id"] for r in json.loads(
            self.site.get("/search.json?q=inflation").body)["results"]])

        res = self.site.cli("article", "unpublish", str(gone["id"]))
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertRegex(res.stdout, r"related lists updated in [0-9.]+ ms")

        data = json.loads(self.site.get("/search.json?q=inflation").body)
        self.assertNotIn(gone["id"], [r["id"] for r in data["results"]])
        self.assertEqual(self.site.get(gone["url"]).status, 404)
        for a in self.by_title.values():
            if a["id"] == gone["id"]:
                continue
            ids = self.related_ids(a["id"])
            self.assertNotIn(gone["id"], ids, a["title"])
            self.assertNotIn(gone["url"], self.page_related_hrefs(a["url"]), a["title"])
            self.assertEqual(len(ids), 4, f"{a['title']}: the list is refilled")

        res = self.site.cli("article", "publish", str(gone["id"]))
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn(gone["id"], [r["id"] for r in json.loads(
            self.site.get("/search.json?q=inflation").body)["results"]])
        self.assertTrue(any(gone["id"] in self.related_ids(a["id"]) for a in holders))

    def test_edit_changes_search_and_related(self):
        a = self.by_title["Bank raises interest rates"]
        res = self.site.cli("article", "edit", str(a["id"]), "--title", "Phone chip shortage",
                            "--markdown", "The phone makers cannot find enough chips for phones and laptops.",
                            "--tags", "technology", "--db", self.site.db)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(json.loads(self.site.get("/search.json?q=shortage").body)["results"][0]["id"], a["id"])
        self.assertNotIn(a["id"], [r["id"] for r in json.loads(
            self.site.get("/search.json?q=raises").body)["results"]])
        tech = {self.by_title[t]["id"] for t, _ in STORIES["technology"]}
        self.assertTrue(set(self.related_ids(a["id"])) <= tech)
        self.assertEqual(self.site.get(a["url"]).status, 200, "the address stays")
        self.assertEqual(json.loads(self.site.get("/search.json?q=shortage&tag=technology").body)["total"], 1)

    def test_editors_pin_and_exclude(self):
        a = self.by_title["Club reaches cup final"]
        pin = self.by_title["Laptop battery lasts longer"]
        first = self.related_ids(a["id"])[0]
        for args in (("pin", str(a["id"]), str(pin["id"])), ("exclude", str(a["id"]), str(first))):
            res = self.site.cli("related", *args, "--db", self.site.db)
            self.assertEqual(res.returncode, 0, res.stderr)
        ids = self.related_ids(a["id"])
        self.assertEqual(ids[0], pin["id"])
        self.assertNotIn(first, ids)
        self.assertEqual(self.page_related_hrefs(a["url"])[0], pin["url"])
        res = self.site.cli("related", "pin", str(a["id"]), str(a["id"]), "--db", self.site.db)
        self.assertNotEqual(res.returncode, 0)

    def test_rebuild_reports_progress_and_changes_nothing_when_current(self):
        res = self.site.cli("related", "rebuild")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn("Scoring", res.stderr)
        self.assertIn("100%", res.stderr)
        self.assertIn("(0 lists changed)", res.stdout)
        res = self.site.cli("related", "settings", "--top-k", "2", "--db", self.site.db)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(len(self.related_ids(self.by_title["Club reaches cup final"]["id"])), 2)


if __name__ == "__main__":
    unittest.main()
