"""The command line: import text, article and comments commands, --help, and the BBC corpus."""
import json
import os
import re
import shutil
import tempfile
import unittest

from harness import SOURCE_DIR, GazetteSite, parse_html, run_gazette

ARTICLE_KEYS = {"id", "slug", "title", "url", "status", "tags", "author", "authors", "published_at",
                "kind"}  # article or page (pages core)
COMMENT_KEYS = {"id", "article_id", "parent_id", "name", "website", "body", "status", "created_at", "reason",
                "spam_score"}  # why it was held, and the spam filter's score
ISO = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"

LATIN1_TEXT = b"Rates rise again\n\nThe bank raised rates to 5%.\n\nA loaf now costs \xa32.50 in most shops.\n"
BAD_BYTE = LATIN1_TEXT.index(b"\xa3")


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


class CliTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="gazette-cli-")
        cls.corpus = os.path.join(cls.tmp, "corpus")
        write(os.path.join(cls.corpus, "world", "001.txt"),
              "Leaders meet in Geneva\n\nTalks opened on Monday.\nThey will last a week.\n\n"
              "* Not a list, and £5 is fine.\n")
        write(os.path.join(cls.corpus, "world", "002.txt"),
              "\ufeffFloods close the coast road\r\n\r\nThe road will reopen on Friday.\r\n")
        write(os.path.join(cls.corpus, "business", "001.txt"), LATIN1_TEXT)
        write(os.path.join(cls.corpus, "business", "002.txt"), "Café chain opens 50 shops\n\nIn Zürich and Kraków.\n")
        write(os.path.join(cls.corpus, "business", "notes.md"), "not imported\n")
        write(os.path.join(cls.corpus, ".hidden", "003.txt"), "Hidden\n\nNever imported.\n")
        cls.n = 0

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def new_db(self, demo=False):
        type(self).n += 1
        db = os.path.join(self.tmp, f"site{self.n}.db")
        res = run_gazette("init", "--db", db, *(["--demo"] if demo else []))
        self.assertEqual(res.returncode, 0, res.stderr)
        return db

    def gz(self, *args, db):
        return run_gazette(*args, "--db", db)

    def list_articles(self, db, *extra):
        res = self.gz("article", "list", "--format", "json", *extra, db=db)
        self.assertEqual(res.returncode, 0, res.stderr)
        return [json.loads(line) for line in res.stdout.splitlines()]


class ImportTextTest(CliTestCase):

    def test_import_reports_the_latin1_file_and_imports_the_rest(self):
        db = self.new_db()
        res = self.gz("import", "text", self.corpus, db=db)
        self.assertEqual(res.returncode, 2, res.stdout + res.stderr)
        self.assertIn(f"  business/001.txt: invalid UTF-8 at byte {BAD_BYTE} ", res.stdout)
        self.assertIn("Imported 3 articles", res.stdout)
        self.assertEqual(len(re.findall(r"invalid UTF-8", res.stdout)), 1)
        articles = {a["title"]: a for a in self.list_articles(db)}
        self.assertEqual(set(articles), {"Leaders meet in Geneva", "Floods close the coast road",
                                         "Café chain opens 50 shops"})
        self.assertEqual(articles["Leaders meet in Geneva"]["tags"], ["world"])
        self.assertEqual(articles["Floods close the coast road"]["tags"], ["world"])
        self.assertEqual(articles["Café chain opens 50 shops"]["tags"], ["business"])
        self.assertEqual(articles["Café chain opens 50 shops"]["slug"], "cafe-chain-opens-50-shops")
        for a in articles.values():
            self.assertEqual(a["status"], "published")
            self.assertEqual(a["author"], "Staff")
            self.assertRegex(a["published_at"], ISO)

    def test_imported_text_becomes_paragraphs(self):
        db = self.new_db()
        self.gz("import", "text", self.corpus, db=db)
        shown = json.loads(self.gz("article", "show", "leaders-meet-in-geneva", db=db).stdout)
        self.assertEqual(shown["title"], "Leaders meet in Geneva")
        self.assertIn("<p>Talks opened on Monday.", shown["html"])
        self.assertIn("£5", shown["html"])
        self.assertNotIn("<li>", shown["html"], "text is not markdown: '* ' is not a list")
        self.assertEqual(shown["html"].count("<p>"), 2)
        floods = json.loads(self.gz("article", "show", "floods-close-the-coast-road", db=db).stdout)
        self.assertNotIn("\ufeff", floods["title"])
        self.assertNotIn("\r", floods["markdown"])

    def test_invalid_byte_offset_counts_from_the_start_of_the_file(self):
        # With a UTF-8 byte-order mark in front, the offset must still be the file's own offset.
        folder = os.path.join(self.tmp, "bom")
        write(os.path.join(folder, "x", "bom.txt"), b"\xef\xbb\xbf" + LATIN1_TEXT)
        db = self.new_db()
        res = self.gz("import", "text", folder, db=db)
        self.assertEqual(res.returncode, 2)
        self.assertIn(f"x/bom.txt: invalid UTF-8 at byte {BAD_BYTE + 3} ", res.stdout)

    def test_all_good_files_exit_zero(self):
        folder = os.path.join(self.tmp, "good")
        write(os.path.join(folder, "tech", "1.txt"), "Chips get faster\n\nAgain.\n")
        db = self.new_db()
        res = self.gz("import", "text", folder, db=db)
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
        self.assertIn("Imported 1 articles", res.stdout)
        self.assertNotIn("could not be imported", res.stdout)

    def test_no_tags(self):
        db = self.new_db()
        res = self.gz("import", "text", self.corpus, "--no-tags", db=db)
        self.assertEqual(res.returncode, 2)
        articles = self.list_articles(db)
        self.assertEqual(len(articles), 3)
        self.assertTrue(all(a["tags"] == [] for a in articles), articles)

    def test_draft(self):
        db = self.new_db()
        res = self.gz("import", "text", self.corpus, "--draft", db=db)
        self.assertEqual(res.returncode, 2)
        articles = self.list_articles(db)
        self.assertEqual(len(articles), 3)
        self.assertTrue(all(a["status"] == "draft" for a in articles), articles)
        self.assertEqual(self.list_articles(db, "--status", "published"), [])
        self.assertEqual(len(self.list_articles(db, "--status", "draft")), 3)

    def test_date(self):
        db = self.new_db()
        self.gz("import", "text", self.corpus, "--date", "2024-05-06", db=db)
        for a in self.list_articles(db):
            self.assertTrue(a["published_at"].startswith("2024-05-06T"), a)
            self.assertTrue(a["url"].startswith("/2024/05/06/"), a)
        bad = self.gz("import", "text", self.corpus, "--date", "06/05/2024", db=self.new_db())
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("--date", bad.stderr)

    def test_missing_folder(self):
        res = self.gz("import", "text", os.path.join(self.tmp, "nope"), db=self.new_db())
        self.assertEqual(res.returncode, 1)
        self.assertIn("Not a folder", res.stderr)


class ArticleCommandsTest(CliTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.db = os.path.join(cls.tmp, "demo.db")
        res = run_gazette("init", "--db", cls.db, "--demo")
        assert res.returncode == 0, res.stderr

    def test_article_list_json_fields(self):
        articles = self.list_articles(self.db)
        self.assertEqual(len(articles), 8)
        for a in articles:
            self.assertEqual(set(a), ARTICLE_KEYS)
            self.assertIsInstance(a["id"], int)
            self.assertIsInstance(a["tags"], list)
            self.assertTrue(a["title"] and a["author"] and a["slug"])
            self.assertRegex(a["published_at"], ISO)
            y, m, d = a["published_at"][:10].split("-")
            self.assertEqual(a["url"], f"/{y}/{m}/{d}/{a['slug']}/")
        self.assertEqual(len({a["id"] for a in articles}), 8)
        self.assertIn("cyber agreement", articles[1]["tags"])
        text = self.gz("article", "list", db=self.db)
        self.assertEqual(text.returncode, 0)
        self.assertEqual(len(text.stdout.splitlines()), 8)

    def test_article_show_by_id_and_slug(self):
        first = self.list_articles(self.db)[0]
        by_id = json.loads(self.gz("article", "show", str(first["id"]), db=self.db).stdout)
        by_slug = json.loads(self.gz("article", "show", first["slug"], db=self.db).stdout)
        self.assertEqual(by_id, by_slug)
        self.assertTrue(ARTICLE_KEYS | {"markdown", "html", "excerpt"} <= set(by_id))
        self.assertIn("<table>", by_id["html"])
        self.assertIn("£", by_id["title"])
        for missing in ("99999", "no-such-slug"):
            res = self.gz("article", "show", missing, db=self.db)
            self.assertNotEqual(res.returncode, 0, missing)
            self.assertTrue(res.stderr.startswith("gazette: "), res.stderr)

    def test_unpublish_and_publish(self):
        db = self.new_db(demo=True)
        res = self.gz("article", "unpublish", "3", db=db)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn("Unpublished 3", res.stdout)
        status = {a["id"]: a["status"] for a in self.list_articles(db)}
        self.assertEqual(status[3], "draft")
        self.assertEqual(sum(s == "published" for s in status.values()), 7)
        self.assertEqual([a["id"] for a in self.list_articles(db, "--status", "draft")], [3])
        slug = next(a["slug"] for a in self.list_articles(db) if a["id"] == 3)
        res = self.gz("article", "publish", slug, db=db)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn("Published 3", res.stdout)
        self.assertEqual({a["status"] for a in self.list_articles(db)}, {"published"})
        self.assertNotEqual(self.gz("article", "publish", "99999", db=db).returncode, 0)

    def test_comments_list_json_has_no_email(self):
        res = self.gz("comments", "list", "--format", "json", db=self.db)
        self.assertEqual(res.returncode, 0, res.stderr)
        comments = [json.loads(line) for line in res.stdout.splitlines()]
        self.assertEqual(len(comments), 6)
        for c in comments:
            self.assertEqual(set(c), COMMENT_KEYS)
        self.assertNotIn("@", res.stdout, "no email address in the listing")
        self.assertEqual(sorted(c["status"] for c in comments).count("approved"), 5)
        pending = self.gz("comments", "list", "--status", "pending", "--format", "json", db=self.db)
        self.assertEqual([json.loads(line)["status"] for line in pending.stdout.splitlines()], ["pending"])
        text = self.gz("comments", "list", db=self.db)
        self.assertNotIn("@", text.stdout)
        self.assertNotEqual(self.gz("comments", "list", "--status", "bogus", db=self.db).returncode, 0)

    def test_comment_moderation_commands(self):
        db = self.new_db(demo=True)
        pending = json.loads(self.gz("comments", "list", "--status", "pending", "--format", "json", db=db).stdout)
        for cmd, status in (("approve", "approved"), ("spam", "spam"), ("trash", "trash")):
            res = self.gz("comments", cmd, str(pending["id"]), db=db)
            self.assertEqual(res.returncode, 0, res.stderr)
            listed = self.gz("comments", "list", "--status", status, "--format", "json", db=db).stdout
            self.assertIn(pending["id"], [json.loads(line)["id"] for line in listed.splitlines()])
        self.assertNotEqual(self.gz("comments", "approve", "99999", db=db).returncode, 0)

    def test_help_on_every_subcommand(self):
        commands = [[], ["init"], ["serve"], ["import"], ["import", "text"], ["article"], ["article", "list"],
                    ["article", "show"], ["article", "publish"], ["article", "unpublish"], ["comments"],
                    ["comments", "list"], ["comments", "approve"], ["comments", "spam"], ["comments", "trash"],
                    ["related"], ["related", "rebuild"]]
        for cmd in commands:
            with self.subTest(cmd=cmd):
                res = run_gazette(*cmd, "--help", timeout=20)
                self.assertEqual(res.returncode, 0, res.stderr)
                self.assertIn("Usage", res.stdout)
                if cmd and cmd[-1] not in ("import", "article", "comments", "related"):
                    self.assertIn("--db", res.stdout)
        self.assertIn("--no-tags", run_gazette("import", "text", "--help").stdout)
        self.assertIn("--draft", run_gazette("import", "text", "--help").stdout)
        self.assertIn("--listen", run_gazette("serve", "--help").stdout)
        self.assertNotEqual(run_gazette().returncode, 0, "no subcommand is an error")
        self.assertNotEqual(run_gazette("article", "list").returncode, 0, "--db is required")


class BbcCorpusTest(unittest.TestCase):
    """The real corpus: 2,225 BBC articles, one of them with a Latin-1 pound sign."""

    CORPUS = os.path.join(SOURCE_DIR, "..", "shared", "corpora", "bbc")
    HEADLINE = "Labour plans maternity pay rise"

    def test_bbc_corpus(self):
        if not os.path.isdir(self.CORPUS):
            self.skipTest(f"no corpus at {self.CORPUS}")
        outputs = {}

        def prepare(site):
            outputs["import"] = site.cli("import", "text", self.CORPUS, timeout=600)

        with GazetteSite(demo=False, prepare=prepare) as site:
            res = outputs["import"]
            self.assertEqual(res.returncode, 2, res.stdout + res.stderr)
            bad = re.findall(r"(?m)^  (\S+): (invalid UTF-8 at byte (\d+).*)$", res.stdout)
            self.assertEqual([b[0] for b in bad], ["sport/199.txt"], res.stdout)
            with open(os.path.join(self.CORPUS, "sport", "199.txt"), "rb") as f:
                raw = f.read()
            try:
                raw.decode("utf-8")
                self.fail("sport/199.txt is expected to hold an invalid byte")
            except UnicodeDecodeError as e:
                self.assertEqual(int(bad[0][2]), e.start)
            self.assertIn("Imported 2224 articles", res.stdout)

            articles = site.articles()
            self.assertEqual(len(articles), 2224)
            self.assertEqual({t for a in articles for t in a["tags"]},
                             {"business", "entertainment", "politics", "sport", "tech"})
            for a in articles:
                self.assertNotIn("\ufffd", a["title"])
                self.assertNotRegex(a["title"], r"Ã|Â")
            matches = [a for a in articles if a["title"] == self.HEADLINE]
            self.assertEqual(len(matches), 1)
            article = matches[0]
            self.assertEqual(article["tags"], ["politics"])

            shown = site.cli("article", "show", str(article["id"]))
            self.assertEqual(shown.returncode, 0, shown.stderr)
            full = json.loads(shown.stdout)
            for key in ("markdown", "html", "excerpt"):
                self.assertIn("£", full[key], key)
                self.assertNotIn("\ufffd", full[key], key)
                self.assertNotRegex(full[key], r"Â£|Ã|â€", key)

            page = site.get(article["url"])
            self.assertEqual(page.status, 200)
            page.raw.decode("utf-8")
            body = page.body
            self.assertIn("£1,400", body)
            self.assertNotIn("\ufffd", body)
            self.assertNotRegex(body, r"Â£|Ã|â€")
            doc = parse_html(body)
            self.assertEqual(doc.find("h1").text(), self.HEADLINE)
            tag = doc.find("p", cls="tagline").find("a")
            self.assertEqual((tag.text(), tag.attrs["href"]), ("politics", "/tag/politics/"))
            self.assertRegex(doc.find("time").attrs["datetime"], ISO)
            self.assertIn("Show Comments (0)", body)
            form = doc.find("form", cls="comment-form")
            self.assertIsNotNone(form)
            self.assertEqual(form.find("input", name="article_id").attrs["value"], str(article["id"]))
            related = doc.find("section", cls="related")
            self.assertIsNotNone(related)
            self.assertEqual(related.find("h2").text(), "You May Also Like")
            items = related.find_all("li")
            self.assertTrue(2 <= len(items) <= 4, len(items))
            for li in items:
                self.assertNotEqual(li.find("a").attrs["href"], article["url"])
                self.assertTrue(li.find("p", cls="excerpt").text().endswith("..."))
            self.assertEqual(site.get("/tag/politics/").status, 200)
            home = site.get("/")
            self.assertEqual(home.status, 200)
            self.assertNotIn("\ufffd", home.body)


if __name__ == "__main__":
    unittest.main()
