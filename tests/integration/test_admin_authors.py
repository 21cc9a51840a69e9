"""Author profiles in the admin (/admin/authors/): editors change anyone's biography and photo,
writers only their own; the author page shows the change at once; a refusal keeps what was typed."""
import unittest

from admin_client import AdminClient, add_user, api, api_token
from harness import GazetteSite


class AdminAuthorsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite().start()
        cls.addClassCleanup(cls.site.stop)
        add_user(cls.site, "ed@example.org", "editor", name="Edna Editor")
        add_user(cls.site, "ann@example.org", "author", name="Ann Lee")
        token = api_token(cls.site, "ed@example.org")
        status, data, _ = api(cls.site, "POST", "/api/admin/articles", token=token,
                              body={"title": "Harbour dredging starts", "markdown": "Work begins.",
                                    "authors": ["Ann Lee", "Bo Chen"], "status": "published"})
        assert status == 201, data

    def client(self, email):
        c = AdminClient(self.site)
        c.login(email)
        return c

    def test_the_list_names_every_author(self):
        page = self.client("ed@example.org").get("/admin/authors/").body
        self.assertIn('href="/admin/authors/ann-lee"', page)
        self.assertIn('href="/admin/authors/bo-chen"', page)

    def test_an_editor_sets_a_biography_that_the_author_page_shows(self):
        self.assertNotIn("Covers the courts", self.site.get("/author/bo-chen/").body)  # cached before the change
        ed = self.client("ed@example.org")
        self.assertEqual(ed.get("/admin/authors/bo-chen").status, 200)
        res = ed.post("/admin/authors/bo-chen", {"bio": "Covers the courts & the council.", "photo": "0"})
        self.assertEqual(res.status, 200, res.body[:300])
        self.assertIn("Saved", res.body)
        self.assertIn("Covers the courts &amp; the council.", self.site.get("/author/bo-chen/").body)

    def test_a_writer_edits_only_their_own_profile(self):
        ann = self.client("ann@example.org")
        self.assertEqual(ann.post("/admin/authors/ann-lee", {"bio": "Harbour reporter.", "photo": "0"}).status, 200)
        self.assertIn("Harbour reporter.", self.site.get("/author/ann-lee/").body)
        self.assertEqual(ann.get("/admin/authors/bo-chen").status, 403)
        self.assertEqual(ann.post("/admin/authors/bo-chen", {"bio": "Not mine.", "photo": "0"}).status, 403)
        self.assertNotIn("Not mine.", self.site.get("/author/bo-chen/").body)

    def test_a_refusal_keeps_the_text(self):
        ed = self.client("ed@example.org")
        res = ed.post("/admin/authors/ann-lee", {"bio": "Typed with care.", "photo": "99999"})
        self.assertEqual(res.status, 422)
        self.assertIn("Typed with care.", res.body)
        res = ed.post("/admin/authors/ann-lee", {"bio": "x" * 2001, "photo": "0"})
        self.assertEqual(res.status, 422)
        self.assertEqual(ed.get("/admin/authors/nobody").status, 404)


if __name__ == "__main__":
    unittest.main()
