"""An editor's per-article commenting choice (`comments open|close|default`) against the site's rules,
on a running server whose cached pages must follow each change."""
import json
import unittest
import urllib.parse

from admin_client import AdminClient, add_user, api, api_token
from comment_helpers import NO_LIMITS, Poster, db_rows, find_comment, gazette, set_settings, unique
from harness import GazetteSite, parse_html

CLOSED = "Comments are closed."


class CommentingChoiceTest(unittest.TestCase):
    """A site closed by default (`gazette settings set comments.closed_by_default true`)."""

    @classmethod
    def setUpClass(cls):
        settings = dict(NO_LIMITS)
        settings["comments.closed_by_default"] = "true"
        cls.site = GazetteSite(prepare=lambda s: set_settings(s.db, settings)).start()
        cls.p = Poster(cls.site)

    @classmethod
    def tearDownClass(cls):
        cls.site.stop()

    def form(self, aid):
        return parse_html(self.site.get(self.p.url(aid)).body).find("form", cls="comment-form")

    def assert_closed(self, aid):
        page = self.site.get(self.p.url(aid)).body
        self.assertIn(CLOSED, page)
        self.assertIsNone(parse_html(page).find("form", cls="comment-form"))
        # A valid post all the same (the form is not on the page, so the token comes from its URL).
        token = json.loads(self.site.get(f"/comments/token?article={aid}").body)["token"]
        fields = {"article_id": str(aid), "token": token, "comment": unique("Refused"), "name": "Reader",
                  "email": f"{unique('reader')}@example.org", "website": "https://example.org/"}
        self.assertEqual(self.p.post(fields).status, 403)
        self.assertIsNone(find_comment(self.site, fields["comment"]))

    def assert_open(self, aid):
        self.assertIsNotNone(self.form(aid), "the comment form is back")
        self.assertNotIn(CLOSED, self.site.get(self.p.url(aid)).body)
        fields, res = self.p.post_new(aid)
        self.assertEqual(res.status, 303, res.body[:300])
        self.assertIsNotNone(find_comment(self.site, fields["comment"]))

    def commenting(self, aid):
        rows = db_rows(self.site, "SELECT open FROM article_commenting WHERE article_id = ?", aid)
        return rows[0][0] if rows else None

    def test_open_overrides_closed_by_default_and_default_closes_again(self):
        aid = 2
        self.assert_closed(aid)  # the closed page is now cached
        res = gazette(self.site, "comments", "open", str(aid))
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn(f"Comments on article {aid} are now open (overrides the site's rules)", res.stdout)
        self.assertEqual(self.commenting(aid), 1)
        self.assert_open(aid)
        self.assert_closed(3)  # other articles still follow the site's rules

        res = gazette(self.site, "comments", "default", str(aid))
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn(f"Comments on article {aid} follow the site's rules (now closed)", res.stdout)
        self.assertIsNone(self.commenting(aid), "the default is no row")
        self.assert_closed(aid)

    def test_open_overrides_close_after_days_and_close_overrides_an_open_site(self):
        aid = 4
        set_settings(self.site.db, {"comments.closed_by_default": "false", "comments.close_after_days": "1"})
        try:
            self.assert_closed(aid)  # the demo articles are older than a day
            self.assertEqual(gazette(self.site, "comments", "open", str(aid)).returncode, 0)
            self.assert_open(aid)
            set_settings(self.site.db, {"comments.close_after_days": "0"})
            res = gazette(self.site, "comments", "close", str(aid))
            self.assertEqual(res.returncode, 0, res.stderr)
            self.assertIn(f"Comments on article {aid} are now closed (overrides the site's rules)", res.stdout)
            self.assertEqual(self.commenting(aid), 0)
            self.assert_closed(aid)
            res = gazette(self.site, "comments", "default", str(aid))
            self.assertIn("follow the site's rules (now open)", res.stdout)
            self.assert_open(aid)
        finally:
            set_settings(self.site.db, {"comments.closed_by_default": "true", "comments.close_after_days": "0"})
            gazette(self.site, "comments", "default", str(aid))

    def test_editor_and_admin_api_make_the_same_choice(self):
        aid = 6
        add_user(self.site, "chooser@example.org", "editor")
        token = api_token(self.site, "chooser@example.org")
        status, data, _ = api(self.site, "GET", f"/api/admin/articles/{aid}", token)
        self.assertEqual(data["article"]["comments"], "default")
        status, data, res = api(self.site, "PATCH", f"/api/admin/articles/{aid}", token, {"comments": "open"})
        self.assertEqual(status, 200, res.body)
        self.assertEqual(data["article"]["comments"], "open")
        self.assert_open(aid)
        status, data, _ = api(self.site, "PATCH", f"/api/admin/articles/{aid}", token, {"comments": "maybe"})
        self.assertEqual((status, data["error"]["field"]), (422, "comments"))

        ed = AdminClient(self.site)
        ed.login("chooser@example.org")
        form = ed.get(f"/admin/articles/{aid}/edit").body
        self.assertIn('<option value="open" selected>Open</option>', form)
        self.assertIn("rules (closed by default)", form)
        article = json.loads(api(self.site, "GET", f"/api/admin/articles/{aid}", token)[2].body)["article"]
        fields = {"title": article["title"], "markdown": article["markdown"], "comments": "default", "action": "save"}
        self.assertEqual(ed.post(f"/admin/articles/{aid}/edit", fields).status, 303)
        self.assertIsNone(self.commenting(aid))
        self.assert_closed(aid)
        status, data, _ = api(self.site, "POST", "/api/admin/articles", token,
                              {"title": "Open for debate", "markdown": "Tell us.", "status": "published",
                               "comments": "open"})
        self.assertEqual((status, data["article"]["comments"]), (201, "open"))
        page = self.site.get(urllib.parse.urlsplit(data["article"]["url"]).path).body
        self.assertIsNotNone(parse_html(page).find("form", cls="comment-form"), "open on a site closed by default")

    def test_unknown_article_is_refused(self):
        res = gazette(self.site, "comments", "open", "no-such-article")
        self.assertNotEqual(res.returncode, 0)


if __name__ == "__main__":
    unittest.main()
