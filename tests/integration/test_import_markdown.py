"""`gazette import markdown`: a small Hugo site and a small Jekyll site (original text written here),
imported into a fresh site and read back over HTTP and the command line; then imported again."""
import json
import os
import re
import shutil
import struct
import tempfile
import unittest
import zlib

from harness import GazetteSite, run_gazette


def write(root, rel, data):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def tiny_png(width=6, height=4, rgb=(20, 120, 200)):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


HUGO = {
    "config.toml": "title = 'Upriver Notes'\n",
    "content/_index.md": "---\ntitle: Home\n---\n",
    "content/posts/_index.md": "---\ntitle: Posts\n---\n",
    "content/about.md": "+++\ntitle = \"About Upriver Notes\"\n+++\nA newsletter about the river towns.\n",
    "content/contact/index.md": "---\ntitle: Contact\n---\nLetters to the editor go to the boathouse.\n",
    "content/posts/lock-gates.md": (
        "---\ntitle: \"Lock gates replaced at Millford\"\ndate: 2021-06-14T09:30:00+02:00\n"
        "tags: [river, engineering]\ncategories: [Waterways]\nauthors: [Petra Lind, Joss Amari]\n"
        "summary: New oak gates after ninety years.\naliases: [/2021/06/old-lock-gates/]\nweight: 3\n---\n"
        "The old gates had leaked since the flood.\n\n{{< youtube Xy12_ab-9 >}}\n\n{{< tweet user=\"x\" id=\"7\" >}}\n"),
    "content/posts/winter-draft.md": (
        "+++\ntitle = \"Ice on the towpath\"\ndate = 2022-01-05\ndraft = true\ntags = [\"weather\"]\n+++\n"
        "Not ready yet.\n"),
    "content/posts/json-post.md": (
        "{\n  \"title\": \"Ferry fares frozen\",\n  \"date\": \"2020-11-02\",\n  \"author\": \"Rui Okafor\",\n"
        "  \"description\": \"Fares stay the same for another year.\"\n}\nThe council agreed on Tuesday.\n"),
    "content/posts/broken.md": "---\ntitle: Broken\ntags: [never closed\n---\nBody.\n",
    "content/posts/boathouse/index.md": (
        "---\ntitle: The boathouse reopens\ndate: 2023-03-01\n---\n"
        "{{< figure src=\"boat.png\" caption=\"The slipway, repainted\" >}}\n\nVolunteers rebuilt the roof.\n"),
}

JEKYLL = {
    "_config.yml": "title: Canal Diary\n",
    "_posts/2019-08-20-towpath-cleanup.md": (
        "---\nlayout: post\ntitle: Towpath clean-up draws a crowd\ncategories: community volunteers\n"
        "tags: litter\nauthor: Mira Celik\n---\nForty people filled two skips.\n"),
    "_posts/notes-without-date.md": "---\ntitle: Undated\n---\nNo date in the name.\n",
    "_drafts/bridge-survey.md": "---\ntitle: Bridge survey results\n---\nPending.\n",
    "colophon.md": "---\ntitle: Colophon\nlayout: page\n---\nSet in plain type.\n",
    "README.md": "# How to build this site\n",
}


class ImportMarkdownTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="gazette-md-")
        cls.hugo = os.path.join(cls.tmp, "hugo")
        cls.jekyll = os.path.join(cls.tmp, "jekyll")
        for rel, text in HUGO.items():
            write(cls.hugo, rel, text)
        write(cls.hugo, "content/posts/boathouse/boat.png", tiny_png())
        for rel, text in JEKYLL.items():
            write(cls.jekyll, rel, text)
        cls.first = {}

        def prepare(site):
            cls.first["hugo"] = site.cli("import", "markdown", cls.hugo)
            cls.first["jekyll"] = site.cli("import", "markdown", cls.jekyll)

        cls.site = GazetteSite(demo=False, prepare=prepare).start()

    @classmethod
    def tearDownClass(cls):
        cls.site.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def show(self, slug):
        res = self.site.cli("article", "show", slug)
        self.assertEqual(res.returncode, 0, res.stderr)
        return json.loads(res.stdout)

    def by_slug(self):
        return {a["slug"]: a for a in self.site.articles("published")}

    def import_again(self, folder):
        return self.site.cli("import", "markdown", folder)

    def test_summary_reports_skips_with_file_and_line(self):
        hugo = self.first["hugo"]
        self.assertEqual(hugo.returncode, 2, hugo.stderr)  # some files were skipped
        self.assertIn("6 imported, 0 updated, 0 unchanged", hugo.stdout)
        self.assertRegex(hugo.stdout, r"content/posts/broken\.md: line 3: malformed YAML")
        self.assertIn("content/posts/_index.md: section page", hugo.stdout)
        self.assertIn("tweet (1)", hugo.stdout)
        self.assertIn("weight (1)", hugo.stdout)
        jekyll = self.first["jekyll"]
        self.assertIn("Jekyll site", jekyll.stdout)
        self.assertIn("3 imported", jekyll.stdout)
        self.assertIn("_posts/notes-without-date.md", jekyll.stdout)

    def test_hugo_fields(self):
        a = self.by_slug()
        lock = a["lock-gates"]
        self.assertEqual(lock["title"], "Lock gates replaced at Millford")
        self.assertEqual(lock["published_at"], "2021-06-14T07:30:00Z")
        self.assertEqual(lock["tags"], ["Waterways", "river", "engineering"])  # the category is the primary tag
        self.assertEqual(lock["authors"], ["Petra Lind", "Joss Amari"])
        self.assertEqual(self.show("lock-gates")["excerpt"], "New oak gates after ninety years.")
        fares = self.show("json-post")
        self.assertEqual(fares["authors"], ["Rui Okafor"])
        self.assertEqual(fares["excerpt"], "Fares stay the same for another year.")
        self.assertEqual(fares["published_at"], "2020-11-02T00:00:00Z")
        self.assertNotIn("winter-draft", a)  # published articles only
        drafts = {d["slug"] for d in self.site.articles("draft")}
        self.assertIn("winter-draft", drafts)
        self.assertNotIn("broken", a)

    def test_article_page_shows_the_converted_body(self):
        status, _, body = self.site.get(self.by_slug()["lock-gates"]["url"])
        self.assertEqual(status, 200)
        self.assertIn('href="https://www.youtube.com/watch?v=Xy12_ab-9"', body)
        self.assertIn("{{&lt; tweet", body)  # kept visibly as text
        self.assertIn("Petra Lind", body)

    def test_aliases_answer_301_to_the_article(self):
        status, headers, _ = self.site.get("/2021/06/old-lock-gates/")
        self.assertEqual(status, 301, "an alias from the front matter is kept as a redirect")
        self.assertTrue(dict((k.lower(), v) for k, v in dict(headers).items())["location"].endswith(self.by_slug()["lock-gates"]["url"]))

    def test_bundle_image_is_served_from_the_media_library(self):
        page = self.show("boathouse")
        m = re.search(r"\(/media/([0-9a-f]+-\d+\.png)\)", page["markdown"])
        self.assertIsNotNone(m, page["markdown"])
        self.assertIn("*The slipway, repainted*", page["markdown"])
        status, headers, _ = self.site.get("/media/" + m.group(1))
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "image/png")
        status, _, body = self.site.get(self.by_slug()["boathouse"]["url"])
        self.assertEqual(status, 200)
        self.assertIn("/media/" + m.group(1), body)

    def test_jekyll_fields(self):
        towpath = self.by_slug()["towpath-cleanup"]
        self.assertEqual(towpath["published_at"], "2019-08-20T00:00:00Z")
        self.assertEqual(towpath["tags"], ["community", "volunteers", "litter"])
        self.assertEqual(towpath["authors"], ["Mira Celik"])
        self.assertIn("bridge-survey", {d["slug"] for d in self.site.articles("draft")})

    def test_top_level_files_are_pages(self):
        self.assertEqual(self.show("about")["title"], "About Upriver Notes")
        pages = {a["slug"]: a for a in self.site.articles("published") if a.get("kind") == "page"}
        self.assertEqual(set(pages), {"about", "contact", "colophon"})
        self.assertEqual(pages["about"]["url"], "/about/")
        self.assertEqual(self.by_slug()["lock-gates"]["kind"], "article")
        status, _, body = self.site.get("/about/")
        self.assertEqual(status, 200)
        self.assertIn("About Upriver Notes", body)
        self.assertIn("A newsletter about the river towns.", body)
        status, _, home = self.site.get("/")
        self.assertNotIn("About Upriver Notes", home)
        status, _, body = self.site.get("/contact/")  # a top-level bundle
        self.assertEqual(status, 200)
        self.assertIn("Letters to the editor", body)
        self.assertIn("2 of them are static pages", self.first["hugo"].stdout)
        status, _, body = self.site.get("/colophon/")
        self.assertEqual(status, 200)
        self.assertIn("Set in plain type", body)

    def test_second_run_changes_nothing_then_an_edit_updates(self):
        before = self.by_slug()
        again = self.import_again(self.hugo)
        self.assertIn("0 imported, 0 updated, 6 unchanged", again.stdout)
        self.assertIn("Nothing changed", again.stdout)
        self.assertEqual(self.by_slug(), before)
        jekyll = self.import_again(self.jekyll)
        self.assertIn("0 imported, 0 updated, 3 unchanged", jekyll.stdout)

        path = os.path.join(self.hugo, "content/posts/json-post.md")
        with open(path, encoding="utf-8") as f:
            original = f.read()
        try:
            write(self.hugo, "content/posts/json-post.md", original.replace("on Tuesday", "on Wednesday"))
            edited = self.import_again(self.hugo)
            self.assertIn("0 imported, 1 updated, 5 unchanged", edited.stdout)
            fares = self.show("json-post")
            self.assertIn("on Wednesday", fares["markdown"])
            self.assertEqual(fares["excerpt"], "Fares stay the same for another year.")  # the summary is kept
            status, _, body = self.site.get(self.by_slug()["json-post"]["url"])
            self.assertIn("on Wednesday", body)
        finally:
            write(self.hugo, "content/posts/json-post.md", original)
            self.import_again(self.hugo)

    def test_not_a_folder_is_a_clear_error(self):
        res = self.site.cli("import", "markdown", os.path.join(self.tmp, "missing"))
        self.assertEqual(res.returncode, 1)
        self.assertIn("Not a folder", res.stderr)


if __name__ == "__main__":
    unittest.main()
