"""The Admin API over HTTP: tokens, JSON errors with the right statuses, and every role rule."""
import json
import time
import unittest
import urllib.parse

from admin_client import add_user, api, api_token
from harness import GazetteSite


def iso_in(seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + seconds))


class ApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite().start()
        cls.addClassCleanup(cls.site.stop)  # also when the rest of setUpClass fails
        cls.tokens = {}
        for role in ("administrator", "editor", "author", "contributor"):
            email = add_user(cls.site, f"{role}@example.org", role)
            cls.tokens[role] = api_token(cls.site, email)
        cls.tokens["author2"] = api_token(cls.site, add_user(cls.site, "author2@example.org", "author"))


    def call(self, who, method, path, body=None, **kw):
        return api(self.site, method, path, token=self.tokens.get(who), body=body, **kw)

    def create(self, who, **fields):
        body = {"title": f"Story by {who}", "markdown": "Some *text*.", "tags": ["Harbour", "Council"]}
        body.update(fields)
        return self.call(who, "POST", "/api/admin/articles", body)

    # --- authentication and errors ------------------------------------------------------------
    def test_requires_a_valid_token(self):
        status, data, res = api(self.site, "GET", "/api/admin/articles")
        self.assertEqual(status, 401)
        self.assertEqual(data["error"]["status"], 401)
        self.assertIn("Bearer", res.headers.get("www-authenticate", ""))
        status, _, _ = api(self.site, "GET", "/api/admin/articles", token="gzt_" + "0" * 64)
        self.assertEqual(status, 401)
        self.assertEqual(res.headers.get("cache-control"), "no-store")

    def test_json_errors(self):
        status, data, _ = self.call("editor", "POST", "/api/admin/articles", raw_body=b"{not json")
        self.assertEqual(status, 400)
        self.assertIn("message", data["error"])
        status, data, _ = self.create("editor", title="")
        self.assertEqual((status, data["error"]["field"]), (422, "title"))
        status, _, _ = self.create("editor", tags="not a list")
        self.assertEqual(status, 422)
        status, _, _ = self.create("editor", status="scheduled", publish_at="2001-01-01T00:00:00Z")
        self.assertEqual(status, 422)
        status, _, _ = self.call("editor", "GET", "/api/admin/articles/999999")
        self.assertEqual(status, 404)
        status, _, _ = self.call("editor", "POST", "/api/admin/articles",
                                 raw_body=json.dumps({"title": "x", "markdown": "y" * 200_000}).encode())
        self.assertEqual(status, 413)
        _, a, _ = self.create("editor", title="Slug one")
        _, b, _ = self.create("editor", title="Slug two")
        status, data, _ = self.call("editor", "PATCH", f"/api/admin/articles/{b['article']['id']}",
                                    {"slug": a["article"]["slug"]})
        self.assertEqual(status, 409)

    # --- articles -------------------------------------------------------------------------------
    def test_created_article_appears_on_the_site(self):
        status, data, res = self.create("editor", title="Published through the API", status="published")
        self.assertEqual(status, 201)
        art = data["article"]
        self.assertEqual(art["status"], "published")
        self.assertEqual(res.headers["location"], f"/api/admin/articles/{art['id']}")
        path = art["url"].split("//", 1)[1].split("/", 1)[1]
        page = self.site.get("/" + path)
        self.assertEqual(page.status, 200)
        self.assertIn("Published through the API", page.body)
        self.assertIn("Published through the API", self.site.get("/").body)

    def test_old_slug_redirects_to_the_article(self):
        status, data, _ = self.create("editor", title="Quay wall cracks", status="published")
        old = urllib.parse.urlsplit(data["article"]["url"]).path
        self.assertEqual(self.site.get(old).status, 200)  # now cached
        status, data, _ = self.call("editor", "PATCH", f"/api/admin/articles/{data['article']['id']}",
                                    {"slug": "quay-wall-repaired"})
        self.assertEqual(status, 200)
        new = urllib.parse.urlsplit(data["article"]["url"]).path
        self.assertTrue(new.endswith("/quay-wall-repaired/"))
        moved = self.site.get(old)
        self.assertEqual((moved.status, moved.headers["location"]), (301, new), "old links keep working")
        self.assertEqual(self.site.get(new).status, 200)
        # A new article may take the old slug: the current owner of a slug wins.
        status, data, _ = self.create("editor", title="Quay wall cracks", slug="quay-wall-cracks",
                                      status="published")
        self.assertEqual(status, 201)
        page = self.site.get(urllib.parse.urlsplit(data["article"]["url"]).path)
        self.assertEqual(page.status, 200)
        self.assertIn(f'/{data["article"]["slug"]}/"', page.body)

    def test_patch_publish_unpublish_delete_restore(self):
        _, data, _ = self.create("editor", title="Lifecycle")
        aid = data["article"]["id"]
        status, data, _ = self.call("editor", "PATCH", f"/api/admin/articles/{aid}",
                                    {"title": "Lifecycle, revised", "tags": ["Sport"]})
        self.assertEqual(status, 200)
        self.assertEqual(data["article"]["title"], "Lifecycle, revised")
        self.assertEqual(data["article"]["primary_tag"], "Sport")
        self.assertEqual(self.call("editor", "POST", f"/api/admin/articles/{aid}/publish")[0], 200)
        self.assertIn("Lifecycle, revised", self.site.get("/").body)
        self.assertEqual(self.call("editor", "POST", f"/api/admin/articles/{aid}/unpublish")[0], 200)
        self.assertNotIn("Lifecycle, revised", self.site.get("/").body)
        status, data, _ = self.call("editor", "DELETE", f"/api/admin/articles/{aid}")
        self.assertEqual((status, data["article"]["status"]), (200, "trash"))
        status, data, _ = self.call("editor", "POST", f"/api/admin/articles/{aid}/restore")
        self.assertEqual((status, data["article"]["status"]), (200, "draft"))

    def test_schedule(self):
        status, data, _ = self.create("editor", title="Scheduled via API", status="scheduled", publish_at=iso_in(2))
        self.assertEqual(status, 201)
        self.assertEqual(data["article"]["status"], "scheduled")
        self.assertNotIn("Scheduled via API", self.site.get("/").body)
        deadline = time.time() + 30
        while time.time() < deadline and "Scheduled via API" not in self.site.get("/").body:
            time.sleep(0.5)
        self.assertIn("Scheduled via API", self.site.get("/").body)
        _, data, _ = self.create("editor", title="Scheduled later")
        status, data, _ = self.call("editor", "POST", f"/api/admin/articles/{data['article']['id']}/schedule",
                                    {"publish_at": iso_in(3600)})
        self.assertEqual((status, data["article"]["status"]), (200, "scheduled"))

    def test_list_and_tags(self):
        self.create("editor", title="Findable zebra headline")
        status, data, _ = self.call("contributor", "GET", "/api/admin/articles?q=zebra")
        self.assertEqual(status, 200)
        self.assertEqual([a["title"] for a in data["articles"]], ["Findable zebra headline"])
        status, data, _ = self.call("author", "GET", "/api/admin/tags")
        self.assertEqual(status, 200)
        self.assertTrue(data["tags"])

    # --- role rules -----------------------------------------------------------------------------
    def test_contributor_rules(self):
        self.assertEqual(self.create("contributor", status="published")[0], 403)
        self.assertEqual(self.create("contributor", status="scheduled", publish_at=iso_in(60))[0], 403)
        status, data, _ = self.create("contributor", title="Contributor draft")
        self.assertEqual(status, 201)
        aid = data["article"]["id"]
        self.assertEqual(self.call("contributor", "PATCH", f"/api/admin/articles/{aid}", {"markdown": "more"})[0], 200)
        self.assertEqual(self.call("contributor", "PATCH", f"/api/admin/articles/{aid}",
                                   {"status": "published"})[0], 403)
        self.assertEqual(self.call("contributor", "POST", f"/api/admin/articles/{aid}/publish")[0], 403)
        self.assertEqual(self.create("contributor", author="Someone Else")[0], 403)
        _, other, _ = self.create("editor", title="Not the contributor's")
        oid = other["article"]["id"]
        self.assertEqual(self.call("contributor", "PATCH", f"/api/admin/articles/{oid}", {"title": "x"})[0], 403)
        self.assertEqual(self.call("contributor", "DELETE", f"/api/admin/articles/{oid}")[0], 403)
        self.assertEqual(self.call("contributor", "GET", "/api/admin/comments?status=pending")[0], 403)
        # An editor publishes the contributor's draft; then the contributor may no longer change it.
        self.assertEqual(self.call("editor", "POST", f"/api/admin/articles/{aid}/publish")[0], 200)
        self.assertEqual(self.call("contributor", "PATCH", f"/api/admin/articles/{aid}", {"title": "x"})[0], 403)
        self.assertEqual(self.call("contributor", "DELETE", f"/api/admin/articles/{aid}")[0], 403)
        self.assertEqual(self.call("editor", "GET", f"/api/admin/articles/{aid}")[1]["article"]["title"],
                         "Contributor draft")

    def test_author_rules(self):
        status, data, _ = self.create("author", title="Author's own", status="published")
        self.assertEqual(status, 201)
        aid = data["article"]["id"]
        self.assertEqual(self.call("author", "PATCH", f"/api/admin/articles/{aid}", {"title": "Edited"})[0], 200)
        self.assertEqual(self.call("author2", "PATCH", f"/api/admin/articles/{aid}", {"title": "Hijack"})[0], 403)
        self.assertEqual(self.call("author2", "POST", f"/api/admin/articles/{aid}/unpublish")[0], 403)
        self.assertEqual(self.call("author2", "DELETE", f"/api/admin/articles/{aid}")[0], 403)
        self.assertEqual(self.call("author", "GET", "/api/admin/comments")[0], 403)
        self.assertEqual(self.call("author", "POST", "/api/admin/comments/1/approve")[0], 403)
        self.assertEqual(self.call("author", "DELETE", f"/api/admin/articles/{aid}")[0], 200)

    def test_editor_and_administrator_moderate_comments(self):
        url = self.site.article_urls()[0]
        fields = self.site.form_fields(url)
        fields.update({"comment": "Approved through the API, hopefully.", "name": "Api Reader",
                       "email": "api@example.org", "website": "https://api.example"})
        self.site.post_form("/comments", fields, headers={"Referer": self.site.base_url + url})
        for who in ("editor", "administrator"):
            status, data, _ = self.call(who, "GET", "/api/admin/comments?status=pending")
            self.assertEqual(status, 200)
        pending = [c for c in data["comments"] if c["name"] == "Api Reader"]
        self.assertEqual(len(pending), 1)
        self.assertNotIn("email", pending[0])
        self.assertEqual(self.call("editor", "GET", "/api/admin/comments?status=bogus")[0], 422)
        status, data, _ = self.call("editor", "POST", f"/api/admin/comments/{pending[0]['id']}/approve")
        self.assertEqual((status, data["comment"]["status"]), (200, "approved"))
        self.assertIn("Approved through the API", self.site.get(url).body)
        self.assertEqual(self.call("editor", "POST", "/api/admin/comments/99999/approve")[0], 404)


class ScheduleRestartTest(unittest.TestCase):
    def test_scheduled_article_is_published_after_a_restart(self):
        with GazetteSite() as site:
            token = api_token(site, add_user(site, "ed@example.org", "editor"))
            status, _, _ = api(site, "POST", "/api/admin/articles", token=token,
                               body={"title": "Survives restarts", "markdown": "x", "status": "scheduled",
                                     "publish_at": iso_in(2)})
            self.assertEqual(status, 201)
            site.proc.terminate()
            site.proc.wait(timeout=10)
            for stream in (site.proc.stdout, site.proc.stderr):
                stream.close()
            site.proc = None
            time.sleep(3)  # the time passes while the server is down
            self.assertNotIn("Survives restarts", [a["title"] for a in site.articles("published")])
            site._serve()
            deadline = time.time() + 5
            while time.time() < deadline and "Survives restarts" not in site.get("/").body:
                time.sleep(0.2)
            self.assertIn("Survives restarts", site.get("/").body)


if __name__ == "__main__":
    unittest.main()
