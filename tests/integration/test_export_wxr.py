"""`gazette export wxr FILE`: a WXR 1.2 file of a site built through the Admin API and the comment
form (two authors, tags, sections, a featured image, threaded comments in every moderation state),
checked with xmllint and read back with xml.etree."""
import os
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET

from admin_client import add_user, api, api_token
from comment_helpers import NO_LIMITS, Poster, find_comment, gazette, set_settings
from harness import GazetteSite
from test_featured_image import upload

SITE_URL = "https://cove.example.org"
NS = {"wp": "http://wordpress.org/export/1.2/", "content": "http://purl.org/rss/1.0/modules/content/",
      "excerpt": "http://wordpress.org/export/1.2/excerpt/", "dc": "http://purl.org/dc/elements/1.1/"}


def text(el, path):
    found = el.find(path, NS)
    return None if found is None else (found.text or "")


class ExportWxrTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite(demo=False, url=SITE_URL, title="The Cove Courier").start()
        cls.addClassCleanup(cls.site.stop)
        set_settings(cls.site.db, NO_LIMITS)
        add_user(cls.site, "ann@example.org", "editor", name="Ann Lee")
        token = api_token(cls.site, "ann@example.org")
        photo = upload(cls.site, token, "Fishing boats at the quay")
        cls.ids = {}
        for title, status, authors, tags, extra in (
                ("Quay wall repaired", "published", ["Ann Lee"], ["Harbour", "Works"],
                 {"featured_image": {"media_id": photo["id"], "alt": "Boats by the new wall"}}),
                ("Regatta moves to June", "published", ["Bo Chen", "Ann Lee"], ["Harbour"], {}),
                ("Notes for the ferry story", "draft", ["Bo Chen"], [], {}),
                ("Lighthouse open day", "scheduled", ["Ann Lee"], ["Events"], {"publish_at": "2099-06-01T09:00:00Z"})):
            body = {"title": title, "markdown": f"{title}: the *details* & more.", "status": status,
                    "authors": authors, "tags": tags, **extra}
            code, data, res = api(cls.site, "POST", "/api/admin/articles", token=token, body=body)
            if code != 201:
                raise AssertionError(res.body[:300])
            cls.ids[title] = data["article"]["id"]
        if gazette(cls.site, "sections", "set", "harbour").returncode != 0:
            raise AssertionError("sections set failed")
        cls.comment_ids = cls.post_thread(cls.ids["Quay wall repaired"])
        cls.tmp = tempfile.mkdtemp(prefix="gazette-wxr-")
        cls.addClassCleanup(shutil.rmtree, cls.tmp, True)
        cls.path = os.path.join(cls.tmp, "site.xml")
        cls.export = gazette(cls.site, "export", "wxr", cls.path)
        cls.root = ET.parse(cls.path).getroot() if cls.export.returncode == 0 else None

    @classmethod
    def post_thread(cls, aid):
        """A comment, a reply, a reply to the reply (pending), and a spam comment: their ids."""
        poster = Poster(cls.site)
        ids = {}
        parent = None
        for name, action in (("first", "approve"), ("reply", "approve"), ("reply2", None), ("junk", "spam")):
            fields, res = poster.post_new(aid, **({"parent": str(parent)} if parent and name != "junk" else {}),
                                          comment=f"The {name} comment on the quay.", name=f"Reader {name}")
            if res.status != 303:
                raise AssertionError(f"comment {name}: {res.status} {res.body[:300]}")
            ids[name] = find_comment(cls.site, fields["comment"])["id"]
            if action:
                gazette(cls.site, "comments", action, str(ids[name]))
            parent = ids[name]
        return ids

    def channel(self):
        self.assertEqual(self.export.returncode, 0, self.export.stderr)
        return self.root.find("channel")

    def items(self, post_type="post"):
        return [i for i in self.channel().findall("item") if text(i, "wp:post_type") == post_type]

    def item(self, title):
        found = [i for i in self.items() if text(i, "title") == title]
        self.assertEqual(len(found), 1, title)
        return found[0]

    def test_xmllint_accepts_the_file(self):
        self.assertEqual(self.export.returncode, 0, self.export.stderr)
        if not shutil.which("xmllint"):
            self.skipTest("xmllint is not installed")
        res = subprocess.run(["xmllint", "--noout", self.path], capture_output=True, text=True)
        self.assertEqual((res.returncode, res.stderr), (0, ""))

    def test_channel_describes_the_site(self):
        ch = self.channel()
        self.assertEqual(text(ch, "title"), "The Cove Courier")
        self.assertEqual(text(ch, "link"), SITE_URL)
        self.assertEqual(text(ch, "wp:wxr_version"), "1.2")
        self.assertEqual(text(ch, "wp:base_site_url"), SITE_URL)
        self.assertEqual(text(ch, "wp:base_blog_url"), SITE_URL)
        self.assertEqual(text(ch, "language"), "en")
        self.assertIn("Exported 4 articles, 0 pages, 4 comments, 2 authors", self.export.stderr)

    def test_authors_with_the_email_of_their_account(self):
        authors = {text(a, "wp:author_login"): a for a in self.channel().findall("wp:author", NS)}
        self.assertEqual(set(authors), {"ann-lee", "bo-chen"})
        self.assertEqual(text(authors["ann-lee"], "wp:author_email"), "ann@example.org")
        self.assertEqual(text(authors["bo-chen"], "wp:author_email"), "", "Bo Chen has no account")
        self.assertEqual(text(authors["bo-chen"], "wp:author_display_name"), "Bo Chen")
        self.assertTrue(text(authors["ann-lee"], "wp:author_id").isdigit())

    def test_tags_and_categories(self):
        tags = {text(t, "wp:tag_slug"): text(t, "wp:tag_name") for t in self.channel().findall("wp:tag", NS)}
        self.assertEqual(tags, {"harbour": "Harbour", "works": "Works", "events": "Events"})
        cats = [text(c, "wp:category_nicename") for c in self.channel().findall("wp:category", NS)]
        self.assertEqual(cats, ["harbour"])
        quay = self.item("Quay wall repaired")
        self.assertEqual([c.get("nicename") for c in quay.findall("category[@domain='post_tag']")], ["harbour", "works"])
        self.assertEqual([c.get("nicename") for c in quay.findall("category[@domain='category']")], ["harbour"])

    def test_one_item_per_article_with_status(self):
        statuses = {text(i, "title"): text(i, "wp:status") for i in self.items()}
        self.assertEqual(statuses, {"Quay wall repaired": "publish", "Regatta moves to June": "publish",
                                    "Notes for the ferry story": "draft", "Lighthouse open day": "future"})
        self.assertEqual(text(self.item("Lighthouse open day"), "wp:post_date_gmt"), "2099-06-01 09:00:00")

    def test_item_fields(self):
        quay = self.item("Quay wall repaired")
        aid = self.ids["Quay wall repaired"]
        self.assertEqual(text(quay, "wp:post_id"), str(aid))
        self.assertTrue(text(quay, "link").startswith(SITE_URL + "/"))
        self.assertTrue(text(quay, "link").endswith("/quay-wall-repaired/"))
        guid = quay.find("guid")
        self.assertEqual((guid.get("isPermaLink"), guid.text), ("false", f"{SITE_URL}/?p={aid}"))
        self.assertEqual(text(quay, "dc:creator"), "ann-lee")
        self.assertEqual(text(quay, "wp:post_name"), "quay-wall-repaired")
        self.assertEqual(text(quay, "wp:post_parent"), "0")
        self.assertEqual(text(quay, "wp:comment_status"), "open")
        self.assertIn("<em>details</em> &amp; more", text(quay, "content:encoded"))
        self.assertIn("the details & more", text(quay, "excerpt:encoded"))
        self.assertRegex(text(quay, "pubDate"), r"^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$")
        for field in ("wp:post_date", "wp:post_date_gmt", "wp:post_modified", "wp:post_modified_gmt"):
            self.assertRegex(text(quay, field), r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", field)
        self.assertEqual(text(self.item("Regatta moves to June"), "dc:creator"), "bo-chen", "the first author")

    def test_featured_image_is_an_attachment(self):
        quay = self.item("Quay wall repaired")
        meta = {text(m, "wp:meta_key"): text(m, "wp:meta_value") for m in quay.findall("wp:postmeta", NS)}
        attachments = self.items("attachment")
        self.assertEqual(len(attachments), 1)
        self.assertEqual(meta["_thumbnail_id"], text(attachments[0], "wp:post_id"))
        self.assertEqual(text(attachments[0], "wp:post_parent"), str(self.ids["Quay wall repaired"]))
        self.assertTrue(text(attachments[0], "wp:attachment_url").startswith(SITE_URL + "/media/"))
        alt = {text(m, "wp:meta_key"): text(m, "wp:meta_value") for m in attachments[0].findall("wp:postmeta", NS)}
        self.assertEqual(alt["_wp_attachment_image_alt"], "Boats by the new wall")

    def test_comments_keep_threading_and_status(self):
        comments = {text(c, "wp:comment_id"): c for c in self.item("Quay wall repaired").findall("wp:comment", NS)}
        ids = {k: str(v) for k, v in self.comment_ids.items()}
        self.assertEqual(set(comments), set(ids.values()))
        approved = {k: text(comments[v], "wp:comment_approved") for k, v in ids.items()}
        self.assertEqual(approved, {"first": "1", "reply": "1", "reply2": "0", "junk": "spam"})
        parents = {k: text(comments[v], "wp:comment_parent") for k, v in ids.items()}
        self.assertEqual(parents, {"first": "0", "reply": ids["first"], "reply2": ids["reply"], "junk": "0"})
        first = comments[ids["first"]]
        self.assertEqual(text(first, "wp:comment_author"), "Reader first")
        self.assertEqual(text(first, "wp:comment_content"), "The first comment on the quay.")
        self.assertIn("@example.org", text(first, "wp:comment_author_email"))
        self.assertEqual(text(first, "wp:comment_author_url"), "https://example.org/me")
        self.assertEqual(text(first, "wp:comment_user_id"), "0")
        self.assertEqual(text(first, "wp:comment_type"), "comment")
        self.assertRegex(text(first, "wp:comment_date_gmt"), r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
        self.assertEqual(self.item("Regatta moves to June").findall("wp:comment", NS), [])

    def test_bad_target_is_a_clear_error(self):
        res = gazette(self.site, "export", "wxr", os.path.join(self.tmp, "missing", "dir", "x.xml"))
        self.assertEqual(res.returncode, 1)
        self.assertIn("Cannot write", res.stderr)


if __name__ == "__main__":
    unittest.main()
