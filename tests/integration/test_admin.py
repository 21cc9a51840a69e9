"""The admin over HTTP: sign-in, sessions, CSRF, throttling, role rules and the editorial flow."""
import re
import time
import unittest

from admin_client import PASSWORD, AdminClient, add_user, request
from harness import GazetteSite, parse_html


def article_count(site):
    return len(site.articles())


class SessionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite().start()
        cls.addClassCleanup(cls.site.stop)  # also when the rest of setUpClass fails
        add_user(cls.site, "admin@example.org", "administrator")
        add_user(cls.site, "ed@example.org", "editor")


    def test_admin_pages_need_a_session(self):
        res = self.site.get("/admin/articles/")
        self.assertEqual(res.status, 303)
        self.assertTrue(res.headers["location"].startswith("/admin/login?next="))

    def test_session_cookie_is_http_only_and_lax(self):
        c = AdminClient(self.site)
        res = c.login_attempt("ed@example.org")
        self.assertEqual(res.status, 303)
        cookie = res.cookies[0]
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Lax", cookie)
        self.assertNotIn("Secure", cookie)  # the site's URL is http
        self.assertIn("Path=/", cookie)

    def test_admin_pages_send_security_headers_and_are_never_cached(self):
        c = AdminClient(self.site)
        c.login("ed@example.org")
        for path in ("/admin/", "/admin/login", "/admin/articles/"):
            res = c.get(path)
            self.assertEqual(res.headers.get("cache-control"), "no-store", path)
            self.assertIn("frame-ancestors 'none'", res.headers.get("content-security-policy", ""), path)
            self.assertEqual(res.headers.get("x-frame-options"), "DENY", path)
            self.assertEqual(res.headers.get("referrer-policy"), "same-origin", path)

    def test_wrong_password_is_refused(self):
        res = AdminClient(self.site).login_attempt("admin@example.org", "not the password")
        self.assertEqual(res.status, 401)
        self.assertFalse(res.cookies)

    def test_logout_ends_the_session(self):
        c = AdminClient(self.site)
        c.login("ed@example.org")
        self.assertEqual(c.get("/admin/").status, 200)
        self.assertEqual(c.post("/admin/logout", {}).status, 303)
        self.assertEqual(c.get("/admin/").status, 303)

    def test_sessions_can_be_revoked_from_another_browser(self):
        a, b = AdminClient(self.site), AdminClient(self.site)
        a.login("admin@example.org")
        b.login("admin@example.org")
        page = a.get("/admin/account").body
        ids = re.findall(r'name="session" value="(\d+)"', page)
        self.assertTrue(ids)
        for sid in ids:
            self.assertEqual(a.post("/admin/account/sessions/revoke", {"session": sid}).status, 303)
        self.assertEqual(b.get("/admin/").status, 303)
        self.assertEqual(a.get("/admin/").status, 200)

    def test_change_password(self):
        add_user(self.site, "pw@example.org", "author")
        c = AdminClient(self.site)
        c.login("pw@example.org")
        res = c.post("/admin/account/password", {"current_password": PASSWORD, "new_password": "a brand new secret",
                                                 "confirm_password": "a brand new secret"})
        self.assertEqual(res.status, 200)
        self.assertEqual(AdminClient(self.site).login_attempt("pw@example.org").status, 401)
        AdminClient(self.site).login("pw@example.org", "a brand new secret")


class CsrfTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite().start()
        cls.addClassCleanup(cls.site.stop)  # also when the rest of setUpClass fails
        add_user(cls.site, "admin@example.org", "administrator")


    def test_posts_without_a_valid_token_are_refused_and_change_nothing(self):
        c = AdminClient(self.site)
        c.login("admin@example.org")
        before = article_count(self.site)
        fields = {"title": "Forged", "markdown": "x", "status": "published", "action": "save"}
        for extra in ([], [("csrf", "0" * 64)]):
            res = c.post("/admin/articles/new", list(fields.items()) + extra, csrf=False)
            self.assertEqual(res.status, 403)
        self.assertEqual(article_count(self.site), before)
        res = c.post("/admin/settings", {"title": "Hijacked", "description": "", "url": "http://x.example",
                                         "permalink": "/{slug}/", "page_size": "5"}, csrf=False)
        self.assertEqual(res.status, 403)
        self.assertNotIn("Hijacked", self.site.get("/").body)
        self.assertEqual(c.post("/admin/logout", {}, csrf=False).status, 403)
        self.assertEqual(c.get("/admin/").status, 200)  # still signed in
        # The same posts with the token go through.
        self.assertEqual(c.post("/admin/articles/new", fields).status, 303)
        self.assertEqual(article_count(self.site), before + 1)

    def test_login_form_needs_its_signed_token(self):
        res = request(self.site, "POST", "/admin/login",
                      body=b"email=admin%40example.org&password=correct+horse+battery+staple",
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(res.status, 403)
        self.assertFalse(res.cookies)


class ThrottleTest(unittest.TestCase):
    def test_guessing_is_throttled_and_the_real_user_still_gets_in(self):
        with GazetteSite() as site:
            add_user(site, "ed@example.org", "editor")
            attacker = AdminClient(site)
            statuses = []
            retry_after = 0
            for _ in range(200):
                res = attacker.login_attempt("ed@example.org", "guess")
                statuses.append(res.status)
                if res.status == 429:
                    retry_after = int(res.headers["retry-after"])
            self.assertNotIn(303, statuses)
            self.assertGreater(statuses.count(429), 150)
            self.assertLess(statuses.count(401), 20)  # only a handful of guesses were checked at all
            self.assertGreater(retry_after, 0)
            # The real user, from another address, is not held back.
            AdminClient(site, source_ip="127.0.0.2").login("ed@example.org")
            # From the attacker's address the right password waits for the back-off (unless it
            # just ended), and works once it is over.
            res = AdminClient(site).login_attempt("ed@example.org")
            if res.status == 429:
                time.sleep(int(res.headers["retry-after"]) + 1)
                res = AdminClient(site).login_attempt("ed@example.org")
            self.assertEqual(res.status, 303)


class EditorialTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite().start()
        cls.addClassCleanup(cls.site.stop)  # also when the rest of setUpClass fails
        add_user(cls.site, "ed@example.org", "editor")
        add_user(cls.site, "con@example.org", "contributor")
        add_user(cls.site, "au@example.org", "author")


    def new_article(self, client, title, status="draft", **extra):
        fields = {"title": title, "markdown": f"The body of *{title}*.", "primary_tag": "Harbour", "tags": "Council",
                  "status": status, "action": "save"}
        fields.update(extra)
        return client.post("/admin/articles/new", fields)

    def test_editor_writes_previews_and_publishes(self):
        ed = AdminClient(self.site)
        ed.login("ed@example.org")
        before = article_count(self.site)
        res = self.new_article(ed, "Preview only", action="preview")
        self.assertEqual(res.status, 200)
        self.assertIn("<em>Preview only</em>", res.body)
        self.assertEqual(article_count(self.site), before)
        res = self.new_article(ed, "Harbour wall repaired", status="published")
        self.assertEqual(res.status, 303)
        self.assertIn("Harbour wall repaired", self.site.get("/").body)
        edit = ed.get(res.headers["location"])
        self.assertEqual(edit.status, 200)
        self.assertIn("Published at", edit.body)
        listing = ed.get("/admin/articles/?q=harbour+wall&status=published")
        self.assertIn("Harbour wall repaired", listing.body)
        self.assertNotIn("Preview only", listing.body)

    def test_a_save_without_a_status_keeps_the_article_published(self):
        ed = AdminClient(self.site)
        ed.login("ed@example.org")
        res = self.new_article(ed, "Stays published", status="published")
        edit_url = res.headers["location"].split("?")[0]
        res = ed.post(edit_url, {"title": "Stays published, edited", "markdown": "New text", "action": "save"})
        self.assertEqual(res.status, 303)
        self.assertIn("Stays published, edited", [a["title"] for a in self.site.articles("published")])

    def test_contributor_cannot_publish(self):
        con = AdminClient(self.site)
        con.login("con@example.org")
        before = article_count(self.site)
        res = self.new_article(con, "Contributor scoop", status="published")
        self.assertEqual(res.status, 403)
        self.assertEqual(article_count(self.site), before)
        res = self.new_article(con, "Contributor draft")
        self.assertEqual(res.status, 303)
        edit_url = res.headers["location"].split("?")[0]
        res = con.post(edit_url, {"title": "Contributor draft", "markdown": "x", "status": "published",
                                  "action": "save"})
        self.assertEqual(res.status, 403)
        self.assertEqual([a for a in self.site.articles("published") if a["title"] == "Contributor draft"], [])
        self.assertEqual(con.get("/admin/comments/").status, 403)
        self.assertEqual(con.get("/admin/users/").status, 403)

    def test_authors_cannot_edit_others_articles(self):
        ed = AdminClient(self.site)
        ed.login("ed@example.org")
        res = self.new_article(ed, "Editor's own")
        edit_url = res.headers["location"].split("?")[0]
        au = AdminClient(self.site)
        au.login("au@example.org")
        self.assertEqual(au.get(edit_url).status, 403)
        self.assertEqual(au.post(edit_url, {"title": "Hijack", "markdown": "x", "action": "save"}).status, 403)

    def test_scheduled_article_goes_live(self):
        ed = AdminClient(self.site)
        ed.login("ed@example.org")
        at = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(time.time() + 3))
        res = self.new_article(ed, "Scheduled story", status="scheduled", publish_at=at)
        self.assertEqual(res.status, 303, res.body)
        self.assertNotIn("Scheduled story", self.site.get("/").body)
        deadline = time.time() + 30
        while time.time() < deadline and "Scheduled story" not in self.site.get("/").body:
            time.sleep(0.5)
        self.assertIn("Scheduled story", self.site.get("/").body)

    def test_revisions_diff_and_restore(self):
        ed = AdminClient(self.site)
        ed.login("ed@example.org")
        res = self.new_article(ed, "First headline")
        edit_url = res.headers["location"].split("?")[0]
        base = edit_url.rsplit("/", 1)[0]
        res = ed.post(edit_url, {"title": "Second headline", "markdown": "Changed body", "action": "save"})
        self.assertEqual(res.status, 303, res.body)
        page = ed.get(base + "/revisions").body
        revs = re.findall(r'/revisions/(\d+)"', page)
        self.assertEqual(len(revs), 2)
        diff = ed.get(f"{base}/revisions/{revs[-1]}").body
        self.assertIn("<del>− First headline</del>", diff)
        self.assertIn("<ins>+ Second headline</ins>", diff)
        self.assertEqual(ed.post(f"{base}/revisions/{revs[-1]}/restore", {}).status, 303)
        self.assertIn('value="First headline"', ed.get(edit_url).body)

    def test_trash_and_restore(self):
        ed = AdminClient(self.site)
        ed.login("ed@example.org")
        res = self.new_article(ed, "Binned story", status="published")
        edit_url = res.headers["location"].split("?")[0]
        base = edit_url.rsplit("/", 1)[0]
        self.assertEqual(ed.post(base + "/trash", {}).status, 303)
        self.assertNotIn("Binned story", self.site.get("/").body)
        self.assertIn("Binned story", ed.get("/admin/articles/?status=trash").body)
        self.assertEqual(ed.post(base + "/restore", {}).status, 303)
        self.assertIn("Binned story", ed.get("/admin/articles/?status=draft").body)

    def test_moderation_queue_bulk_approve(self):
        ed = AdminClient(self.site)
        ed.login("ed@example.org")
        url = self.site.article_urls()[0]
        fields = self.site.form_fields(url)
        fields.update({"comment": "A reader's view on this.", "name": "Reader", "email": "r@example.org",
                       "website": "https://reader.example"})
        self.site.post_form("/comments", fields, headers={"Referer": self.site.base_url + url})
        pending = self.site.comments("pending")
        self.assertTrue(pending)
        queue = ed.get("/admin/comments/?status=pending").body
        self.assertIn("view on this.", queue)
        ids = [("ids", str(c["id"])) for c in pending]
        res = ed.post("/admin/comments/", ids + [("action", "approve"), ("tab", "pending")])
        self.assertEqual(res.status, 303)
        self.assertEqual(self.site.comments("pending"), [])
        self.assertIn("A reader", self.site.get(url).body)

    def test_staff_reply_from_the_queue(self):
        ed = AdminClient(self.site)
        ed.login("ed@example.org")
        url = self.site.article_urls()[0]
        posted = []
        for n, text in enumerate(("Who pays for the new harbour lights?", "Buy cheap watches here")):
            fields = self.site.form_fields(url)
            fields.update({"comment": text, "name": "Asker", "email": f"asker{n}@example.org",
                           "website": "https://asker.example"})
            self.site.post_form("/comments", fields, headers={"Referer": self.site.base_url + url})
            posted.append(next(c for c in self.site.comments("pending") if c["body"] == text))
        question, junk = posted
        queue = ed.get("/admin/comments/?status=pending").body
        self.assertIn(f'action="/admin/comments/{question["id"]}/reply"', queue)
        self.assertIn(f'form="reply-{question["id"]}"', queue)
        res = ed.post(f"/admin/comments/{question['id']}/reply", {"comment": "The council does.", "tab": "pending"})
        self.assertEqual(res.status, 303)
        approved = {c["body"]: c for c in self.site.comments("approved")}
        self.assertIn(question["body"], approved, "the pending comment is approved first")
        reply = approved["The council does."]
        self.assertEqual(reply["parent_id"], question["id"])
        self.assertEqual(reply["name"], "Ed")  # the signed-in user's display name
        self.assertEqual(reply.get("email", "ed@example.org"), "ed@example.org")
        self.assertTrue(reply["website"].startswith("http"), "the site's URL")
        page = self.site.get(url).body
        self.assertIn("The council does.", page)
        self.assertIn(question["body"].replace("?", ""), page)
        # a comment in spam or trash is not answered
        self.assertEqual(ed.post("/admin/comments/", [("one", f"{junk['id']}:spam"), ("tab", "pending")]).status, 303)
        res = ed.post(f"/admin/comments/{junk['id']}/reply", {"comment": "No thanks."})
        self.assertEqual(res.status, 422)
        self.assertIn("restore it before replying", res.body)
        self.assertNotIn("No thanks.", [c["body"] for c in self.site.comments()])
        # without the CSRF token nothing is posted
        res = ed.post(f"/admin/comments/{question['id']}/reply", {"comment": "Forged."}, csrf=False)
        self.assertEqual(res.status, 403)
        self.assertNotIn("Forged.", [c["body"] for c in self.site.comments()])

    def test_dashboard_counts(self):
        ed = AdminClient(self.site)
        ed.login("ed@example.org")
        doc = parse_html(ed.get("/admin/").body)
        text = doc.find("main").text()
        self.assertRegex(text, r"\d+\s+drafts")
        self.assertRegex(text, r"\d+\s+published")


class UsersAndSettingsTest(unittest.TestCase):
    def test_administrator_adds_users_and_changes_settings(self):
        with GazetteSite() as site:
            add_user(site, "admin@example.org", "administrator")
            a = AdminClient(site)
            a.login("admin@example.org")
            res = a.post("/admin/users/add", {"email": "new@example.org", "name": "New Person", "role": "author"})
            self.assertEqual(res.status, 200)
            m = re.search(r"shown once\): (\S+)</p>", res.body)
            self.assertTrue(m)
            AdminClient(site).login("new@example.org", m.group(1))
            res = a.post("/admin/settings", {"title": "The Harbourton Gazette", "description": "News",
                                             "url": "http://127.0.0.1:8080", "permalink": "/{yyyy}/{mm}/{dd}/{slug}/",
                                             "page_size": "10"})
            self.assertEqual(res.status, 200)
            self.assertIn('value="The Harbourton Gazette"', a.get("/admin/settings").body)
            ed = AdminClient(site)
            add_user(site, "ed@example.org", "editor")
            ed.login("ed@example.org")
            self.assertEqual(ed.get("/admin/settings").status, 403)


if __name__ == "__main__":
    unittest.main()
