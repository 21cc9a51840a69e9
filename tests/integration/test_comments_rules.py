"""Comments that hold up: threads, moderation rules, spam defences, closing, privacy, retention."""
import json
import re
import time
import unittest

from admin_client import AdminClient, add_user
from comment_helpers import NO_LIMITS, Poster, comments_json, db_rows, find_comment, gazette, set_settings, unique
from harness import GazetteSite, parse_html
from test_comments import form_state


def started(settings=None, **kwargs):
    """A demo site with these comment settings stored before the server starts."""
    merged = dict(NO_LIMITS)
    merged.update(settings or {})
    return GazetteSite(prepare=lambda s: set_settings(s.db, merged), **kwargs).start()


class ThreadsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.site = started()
        cls.p = Poster(cls.site)

    @classmethod
    def tearDownClass(cls):
        cls.site.stop()

    def approved_comment(self, aid, parent=None, email=None):
        overrides = {"parent": str(parent)} if parent else {}
        if email:
            overrides["email"] = email
        fields, res = self.p.post_new(aid, **overrides)
        self.assertEqual(res.status, 303, res.body[:300])
        c = find_comment(self.site, fields["comment"])
        self.assertEqual(gazette(self.site, "comments", "approve", str(c["id"])).returncode, 0)
        return c, fields

    def test_reply_link_form_and_nested_display(self):
        aid = 3
        top, top_fields = self.approved_comment(aid)
        page = self.site.get(self.p.url(aid))
        li = parse_html(page.body).find("li", id=f"comment-{top['id']}")
        link = li.find("a", cls="comment-reply-link")
        self.assertIsNotNone(link, "an approved comment has a Reply link")
        self.assertEqual(link.attrs["href"], f"?replytocom={top['id']}#comment-form")
        self.assertIsNotNone(li.find("svg", cls="avatar"), "a local identicon")
        self.assertNotIn(top_fields["email"], page.body)
        self.assertNotIn("gravatar", page.body.lower())

        # The Reply link's page: the form carries the parent, and is never cached.
        reply_page = self.site.get(self.p.url(aid) + f"?replytocom={top['id']}")
        self.assertEqual(reply_page.status, 200)
        self.assertEqual(reply_page.headers["cache-control"], "no-store")
        form = parse_html(reply_page.body).find("form", cls="comment-form")
        parent = form.find("input", name="parent")
        self.assertEqual(parent.attrs["value"], str(top["id"]))
        self.assertIn(top["name"], form.find("p", cls="replying-to").text())
        self.assertNotIn('name="parent"', self.site.get(self.p.url(aid)).body, "the plain page has no parent")

        reply, _ = self.approved_comment(aid, parent=top["id"])
        doc = parse_html(self.site.get(self.p.url(aid)).body)
        top_li = doc.find("li", id=f"comment-{top['id']}")
        nested = top_li.find("ol", cls="children")
        self.assertIsNotNone(nested)
        self.assertIsNotNone(nested.find("li", id=f"comment-{reply['id']}"), "the reply is nested under its parent")
        permalink = nested.find("li", id=f"comment-{reply['id']}").find("a", cls="comment-permalink")
        self.assertEqual(permalink.attrs["href"], f"#comment-{reply['id']}")
        self.assertTrue(doc.find("time") is not None)

    def test_depth_setting_limits_nesting_and_reply_links(self):
        aid = 4
        a, _ = self.approved_comment(aid)
        b, _ = self.approved_comment(aid, parent=a["id"])
        c, _ = self.approved_comment(aid, parent=b["id"])
        d, _ = self.approved_comment(aid, parent=c["id"])  # depth 4: shown at depth 3
        doc = parse_html(self.site.get(self.p.url(aid)).body)
        for cid, depth in ((a, 1), (b, 2), (c, 3), (d, 3)):
            li = doc.find("li", id=f"comment-{cid['id']}")
            self.assertIn(f"depth-{depth}", li.attrs["class"])
        self.assertIsNone(doc.find("li", id=f"comment-{c['id']}").find("a", cls="comment-reply-link"),
                          "no Reply link at the maximum depth (3 by default)")
        set_settings(self.site.db, {"comments.thread_depth": "2"})
        try:
            doc = parse_html(self.site.get(self.p.url(aid)).body)
            self.assertIn("depth-2", doc.find("li", id=f"comment-{d['id']}").attrs["class"])
            self.assertIsNone(doc.find("li", id=f"comment-{b['id']}").find("a", cls="comment-reply-link"))
        finally:
            set_settings(self.site.db, {"comments.thread_depth": "3"})

    def test_oldest_first_and_count_is_approved_only(self):
        aid = 5
        first, _ = self.approved_comment(aid)
        second, _ = self.approved_comment(aid)
        fields, res = self.p.post_new(aid)  # stays pending
        body = self.site.get(self.p.url(aid)).body
        self.assertLess(body.index(f'id="comment-{first["id"]}"'), body.index(f'id="comment-{second["id"]}"'))
        approved = [c for c in comments_json(self.site, "approved") if c["article_id"] == aid]
        self.assertIn(f"Show Comments ({len(approved)})", body)
        self.assertNotIn(fields["comment"], body)

    def test_reply_to_pending_or_other_articles_comment_is_refused(self):
        other, _ = self.approved_comment(1)
        fields, _ = self.p.post_new(2)
        pending = find_comment(self.site, fields["comment"])
        for parent in (other["id"], pending["id"], 99999, "abc"):
            with self.subTest(parent=parent):
                fields, res = self.p.post_new(2, parent=str(parent))
                self.assertEqual(res.status, 422, res.body[:300])
                self.assertEqual(form_state(res.body)[0]["comment"][0], fields["comment"], "the text is kept")
                self.assertIsNone(find_comment(self.site, fields["comment"]))

    def test_urls_are_linked_ugc_nofollow_noopener_and_html_escaped(self):
        fields, res = self.p.post_new(6, comment="Read https://example.org/a?b=1&c=2 <b>now</b> javascript:alert(1)")
        c = find_comment(self.site, fields["comment"])
        gazette(self.site, "comments", "approve", str(c["id"]))
        li = parse_html(self.site.get(self.p.url(6)).body).find("li", id=f"comment-{c['id']}")
        links = li.find("div", cls="comment-body").find_all("a")
        self.assertEqual([a.attrs["href"] for a in links], ["https://example.org/a?b=1&c=2"])
        self.assertEqual(links[0].attrs["rel"], "ugc nofollow noopener")
        self.assertIsNone(li.find("b"), "no markup from visitors")
        self.assertIn("<b>now</b>", li.find("div", cls="comment-body").text())
        self.assertEqual(li.find("a", cls="comment-author").attrs["rel"], "ugc nofollow")


class ModerationRulesTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.site = started({"comments.moderation_words": "casino, lottery",
                            "comments.disallowed_words": "viagra"})
        cls.p = Poster(cls.site)

    @classmethod
    def tearDownClass(cls):
        cls.site.stop()

    def outcome(self, **overrides):
        fields, res = self.p.post_new(overrides.pop("aid", 2), **overrides)
        self.assertEqual(res.status, 303, res.body[:300])
        return find_comment(self.site, fields["comment"])

    def known_email(self):
        email = f"{unique('regular')}@example.org"
        c = self.outcome(email=email)
        gazette(self.site, "comments", "approve", str(c["id"]))
        return email

    def test_first_comment_is_held_then_the_author_is_trusted(self):
        email = f"{unique('new')}@example.org"
        c = self.outcome(email=email)
        self.assertEqual(c["status"], "pending")
        self.assertIn("first comment", c["reason"])
        gazette(self.site, "comments", "approve", str(c["id"]))
        again = self.outcome(email=email.upper())
        self.assertEqual(again["status"], "approved", again["reason"])
        self.assertEqual(again["reason"], "")
        self.assertIn(again["body"], self.site.get(self.p.url(2)).body, "approved at once, on the page")

    def test_too_many_links_and_moderation_words_are_held_with_the_reason(self):
        email = self.known_email()
        c = self.outcome(email=email, comment=unique("x") + " http://a.example http://b.example http://c.example")
        self.assertEqual(c["status"], "pending")
        self.assertIn("3 links", c["reason"])
        c = self.outcome(email=email, comment=unique("Two links are fine") + " http://a.example www.b.example")
        self.assertEqual(c["status"], "approved", c["reason"])
        c = self.outcome(email=email, comment=unique("Best Casino deals"))
        self.assertEqual(c["status"], "pending")
        self.assertIn('moderation word "casino"', c["reason"])

    def test_disallowed_words_and_honeypot_go_to_spam(self):
        email = self.known_email()
        c = self.outcome(email=email, comment=unique("cheap VIAGRA here"))
        self.assertEqual(c["status"], "spam")
        self.assertIn('disallowed word "viagra"', c["reason"])
        c = self.outcome(email=email, homepage="http://bot.example")
        self.assertEqual(c["status"], "spam")
        self.assertIn("honeypot", c["reason"])
        self.assertNotIn(c["body"], self.site.get(self.p.url(2)).body)

    def test_moderate_all(self):
        email = self.known_email()
        set_settings(self.site.db, {"comments.moderate_all": "true"})
        try:
            c = self.outcome(email=email)
            self.assertEqual(c["status"], "pending")
            self.assertIn("every comment is held", c["reason"])
        finally:
            set_settings(self.site.db, {"comments.moderate_all": "false"})

    def test_no_token_is_held_not_refused(self):
        email = self.known_email()
        for token in (None, ""):
            with self.subTest(token=token):
                c = self.outcome(email=email, token=token)
                self.assertEqual(c["status"], "pending")
                self.assertIn("without a form token", c["reason"])

    def test_a_form_sent_back_too_fast_is_held(self):
        email = self.known_email()
        set_settings(self.site.db, {"comments.min_seconds": "30"})
        try:
            c = self.outcome(email=email, fresh_token=True)
            self.assertEqual(c["status"], "pending")
            self.assertIn("faster than 30 s", c["reason"])
        finally:
            set_settings(self.site.db, {"comments.min_seconds": "0"})
        # The same token still works later (the Back button must not break the form).
        c = self.outcome(email=email, fresh_token=True)
        self.assertEqual(c["status"], "approved", c["reason"])

    def test_moderators_actions_are_logged_and_restore_returns_the_old_status(self):
        c = self.outcome()
        cid = str(c["id"])
        for action in ("approve", "trash"):
            self.assertEqual(gazette(self.site, "comments", action, cid, "--by", "editor:mary").returncode, 0)
        res = gazette(self.site, "comments", "restore", cid, "--by", "editor:joe")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(find_comment(self.site, c["body"])["status"], "approved")
        log = [json.loads(line) for line in
               gazette(self.site, "comments", "log", "--comment", cid, "--format", "json").stdout.splitlines()]
        self.assertEqual([(e["action"], e["actor"], e["from_status"]) for e in log],
                         [("approve", "editor:mary", "pending"), ("trash", "editor:mary", "approved"),
                          ("restore", "editor:joe", "trash")])
        self.assertTrue(all(re.match(r"\d{4}-\d\d-\d\dT", e["at"]) for e in log))
        self.assertNotEqual(gazette(self.site, "comments", "restore", cid).returncode, 0, "not in trash any more")


class SpamDefenceTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.site = started({"comments.rate_ip_per_minute": "5", "comments.rate_ip_per_hour": "30",
                            "comments.rate_email_per_hour": "10"})
        cls.p = Poster(cls.site)

    @classmethod
    def tearDownClass(cls):
        cls.site.stop()

    def test_rate_limit_per_ip_answers_429_with_retry_after_and_keeps_the_text(self):
        for i in range(5):
            _, res = self.p.post_new(1, ip="203.0.113.10")
            self.assertEqual(res.status, 303, f"comment {i + 1}: {res.body[:200]}")
        fields, res = self.p.post_new(1, ip="203.0.113.10")
        self.assertEqual(res.status, 429)
        self.assertGreaterEqual(int(res.headers["retry-after"]), 1)
        state, alerts = form_state(res.body)
        self.assertEqual(state["comment"][0], fields["comment"])
        self.assertEqual(state["email"][0], fields["email"])
        self.assertTrue(any("too quickly" in a for a in alerts), alerts)
        self.assertIsNone(find_comment(self.site, fields["comment"]))
        _, res = self.p.post_new(1, ip="203.0.113.11")
        self.assertEqual(res.status, 303, "another client is not affected")

    def test_rate_limit_per_email(self):
        email = f"{unique('busy')}@example.org"
        for i in range(10):
            _, res = self.p.post_new(2, ip=f"198.51.100.{i + 1}", email=email)
            self.assertEqual(res.status, 303, f"comment {i + 1}: {res.body[:200]}")
        _, res = self.p.post_new(2, ip="198.51.100.200", email=email)
        self.assertEqual(res.status, 429)
        self.assertIn("retry-after", res.headers)

    def test_x_forwarded_for_is_ignored_from_untrusted_peers(self):
        set_settings(self.site.db, {"comments.trusted_proxies": "10.9.9.9"})
        try:
            fields, res = self.p.post_new(3, ip="192.0.2.77")
            self.assertEqual(res.status, 303)
            ip = db_rows(self.site, "SELECT ip FROM comments WHERE body = ?", fields["comment"])[0][0]
            self.assertEqual(ip, "127.0.0.1")
        finally:
            set_settings(self.site.db, {"comments.trusted_proxies": "127.0.0.1, ::1"})
        fields, res = self.p.post_new(3, ip="192.0.2.78")
        ip = db_rows(self.site, "SELECT ip FROM comments WHERE body = ?", fields["comment"])[0][0]
        self.assertEqual(ip, "192.0.2.78")

    def test_duplicate_is_refused_with_the_text_kept(self):
        fields, res = self.p.post_new(4, ip="203.0.113.50")
        self.assertEqual(res.status, 303)
        again = dict(fields)
        res = self.p.post(again, ip="203.0.113.51")
        self.assertEqual(res.status, 409)
        self.assertEqual(form_state(res.body)[0]["comment"][0], fields["comment"])
        self.assertEqual(len([c for c in comments_json(self.site) if c["body"] == fields["comment"]]), 1)

    def test_learning_filter_sends_spam_to_spam_once_trained(self):
        set_settings(self.site.db, {"comments.spam_min_training": "5", "comments.rate_email_per_hour": "0",
                                    "comments.rate_ip_per_minute": "0", "comments.rate_ip_per_hour": "0"})
        try:
            spam_words = "check out my channel subscribe free gift card http://spam.example"
            for i in range(6):
                fields, _ = self.p.post_new(5, comment=f"{spam_words} {i}")
                gazette(self.site, "comments", "spam", str(find_comment(self.site, fields["comment"])["id"]))
                fields, _ = self.p.post_new(5, comment=f"The council budget vote was close and fair {i}")
                gazette(self.site, "comments", "approve", str(find_comment(self.site, fields["comment"])["id"]))
            fields, res = self.p.post_new(5, comment="subscribe to my channel for a free gift card http://spam.example")
            c = find_comment(self.site, fields["comment"])
            self.assertEqual(c["status"], "spam")
            self.assertIn("spam filter scored", c["reason"])
            self.assertGreater(c["spam_score"], 0.9)
            fields, res = self.p.post_new(5, comment="A fair point about the council budget")
            c = find_comment(self.site, fields["comment"])
            self.assertNotEqual(c["status"], "spam")
            self.assertLess(c["spam_score"], 0.5)
            self.assertEqual(db_rows(self.site, "SELECT COUNT(*) FROM spam_training")[0][0], 12)
        finally:
            set_settings(self.site.db, {"comments.rate_ip_per_minute": "5", "comments.rate_ip_per_hour": "30",
                                        "comments.rate_email_per_hour": "10"})


class ClosingTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.site = started()
        cls.p = Poster(cls.site)

    @classmethod
    def tearDownClass(cls):
        cls.site.stop()

    def test_closed_article_says_so_and_refuses_with_the_text_kept(self):
        fields = self.p.fields(1)
        self.assertEqual(gazette(self.site, "comments", "close", "1").returncode, 0)
        try:
            page = self.site.get(self.p.url(1)).body
            self.assertIn("Comments are closed.", page)
            self.assertIsNone(parse_html(page).find("form", cls="comment-form"))
            res = self.p.post(fields)
            self.assertEqual(res.status, 403)
            self.assertEqual(form_state(res.body)[0]["comment"][0], fields["comment"])
            self.assertIsNone(find_comment(self.site, fields["comment"]))
        finally:
            self.assertEqual(gazette(self.site, "comments", "open", "1").returncode, 0)
        self.assertIsNotNone(parse_html(self.site.get(self.p.url(1)).body).find("form", cls="comment-form"))
        self.assertEqual(self.p.post(self.p.fields(1)).status, 303)
        # `open` is explicit now (it would outlast close_after_days); give the site's rules back.
        self.assertEqual(gazette(self.site, "comments", "default", "1").returncode, 0)

    def test_closed_by_default_from_the_admin_settings(self):
        add_user(self.site, "admin-closing@example.org", "administrator")
        admin = AdminClient(self.site)
        admin.login("admin-closing@example.org")

        def save(default):
            form = admin.get("/admin/settings").body
            fields = {k: re.search(rf'name="{k}"[^>]*value="([^"]*)"', form).group(1)
                      for k in ("title", "description", "url", "permalink", "page_size")}
            fields["comments_default"] = default
            res = admin.post("/admin/settings", fields)
            self.assertEqual(res.status, 200)
            return res.body

        fields = self.p.fields(2)  # the page is now in the cache, with its form
        self.assertIn('value="closed" checked', save("closed"))
        try:
            page = self.site.get(self.p.url(2)).body
            self.assertIn("Comments are closed.", page)
            self.assertIsNone(parse_html(page).find("form", cls="comment-form"))
            res = self.p.post(fields)
            self.assertEqual(res.status, 403)
            self.assertEqual(form_state(res.body)[0]["comment"][0], fields["comment"], "the text is kept")
            self.assertIsNone(find_comment(self.site, fields["comment"]))
        finally:
            self.assertIn('value="open" checked', save("open"))
        self.assertIsNotNone(parse_html(self.site.get(self.p.url(2)).body).find("form", cls="comment-form"))
        self.assertEqual(self.p.post(self.p.fields(2)).status, 303)

    def test_close_after_n_days(self):
        set_settings(self.site.db, {"comments.close_after_days": "1"})
        try:
            old = next(a for a in self.p.articles.values())
            page = self.site.get(old["url"]).body
            self.assertIn("Comments are closed.", page)
            token = json.loads(self.site.get(f"/comments/token?article={old['id']}").body)["token"]
            fields = {"article_id": old["id"], "token": token, "comment": unique("Too late"), "name": "Late",
                      "email": "late@example.org", "website": "https://example.org/"}
            res = self.p.post(fields)
            self.assertEqual(res.status, 403)
            self.assertEqual(form_state(res.body)[0]["comment"][0], fields["comment"], "the text is kept")
        finally:
            set_settings(self.site.db, {"comments.close_after_days": "0"})
        self.assertNotIn("Comments are closed.", self.site.get(old["url"]).body)


class PrivacyTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.site = started()
        cls.p = Poster(cls.site)

    @classmethod
    def tearDownClass(cls):
        cls.site.stop()

    def post_as(self, email, aid=2, approve=True):
        fields, res = self.p.post_new(aid, email=email, ip="203.0.113.99")
        self.assertEqual(res.status, 303)
        c = find_comment(self.site, fields["comment"])
        if approve:
            gazette(self.site, "comments", "approve", str(c["id"]))
        return c

    def test_export_lists_everything_for_the_email(self):
        email = f"{unique('person')}@example.org"
        a, b = self.post_as(email), self.post_as(email.upper(), aid=3, approve=False)
        self.post_as(f"{unique('other')}@example.org")
        res = gazette(self.site, "privacy", "export", email)
        self.assertEqual(res.returncode, 0, res.stderr)
        data = json.loads(res.stdout)
        self.assertEqual(sorted(c["id"] for c in data["comments"]), sorted([a["id"], b["id"]]))
        first = data["comments"][0]
        for key in ("name", "email", "website", "body", "status", "created_at", "ip", "user_agent", "article_id"):
            self.assertIn(key, first)
        self.assertEqual(first["ip"], "203.0.113.99")

    def test_erase_anonymises_and_keeps_the_text(self):
        email = f"{unique('forget.me')}@example.org"
        c = self.post_as(email)
        res = gazette(self.site, "privacy", "erase", email)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn("Anonymised 1 comment", res.stdout)
        row = db_rows(self.site, "SELECT name, email, website, ip, user_agent, body FROM comments WHERE id = ?", c["id"])[0]
        self.assertEqual(row[:5], ("Anonymous", "", "", "", ""))
        self.assertEqual(row[5], c["body"])
        li = parse_html(self.site.get(self.p.url(2)).body).find("li", id=f"comment-{c['id']}")
        self.assertEqual(li.find(None, cls="comment-author").text(), "Anonymous")
        self.assertEqual(json.loads(gazette(self.site, "privacy", "export", email).stdout)["comments"], [])

    def test_erase_can_remove_the_text_and_replies_move_up(self):
        email = f"{unique('remove.me')}@example.org"
        c = self.post_as(email, aid=4)
        fields, _ = self.p.post_new(4, parent=str(c["id"]))
        reply = find_comment(self.site, fields["comment"])
        res = gazette(self.site, "privacy", "erase", email, "--remove-text")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(db_rows(self.site, "SELECT COUNT(*) FROM comments WHERE id = ?", c["id"])[0][0], 0)
        self.assertEqual(db_rows(self.site, "SELECT parent_id FROM comments WHERE id = ?", reply["id"])[0][0], None)
        self.assertNotIn(c["body"], self.site.get(self.p.url(4)).body)

    def test_email_never_in_pages_feeds_or_listings(self):
        email = f"{unique('secret.address')}@example.org"
        c = self.post_as(email)
        for path in (self.p.url(2), "/comments/feed/", "/comments/feed/2/", self.p.url(2) + f"?replytocom={c['id']}"):
            body = self.site.get(path).body
            self.assertNotIn(email, body, path)
            self.assertNotIn(email.split("@")[0], body, path)
        self.assertNotIn(email, gazette(self.site, "comments", "list", "--format", "json").stdout)


def backdate_and_tag(site):
    set_settings(site.db, NO_LIMITS)
    set_settings(site.db, {"comments.ip_retention_days": "7"})
    import sqlite3
    con = sqlite3.connect(site.db)
    con.execute("UPDATE comments SET ip = '192.0.2.1', user_agent = 'OldBrowser/1', "
                "created_at = unixepoch() - 8 * 86400 WHERE id IN (SELECT id FROM comments ORDER BY id LIMIT 2)")
    con.execute("UPDATE comments SET ip = '192.0.2.2', user_agent = 'NewBrowser/1', created_at = unixepoch() - 86400 "
                "WHERE id = (SELECT MAX(id) FROM comments)")
    con.commit()
    con.close()


class RetentionTest(unittest.TestCase):

    def test_ip_and_user_agent_are_cleared_after_the_retention_period(self):
        site = GazetteSite(prepare=backdate_and_tag).start()
        try:
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                old = db_rows(site, "SELECT ip, user_agent FROM comments WHERE ip = '192.0.2.1'")
                if not old:
                    break
                time.sleep(0.1)
            self.assertEqual(old, [], "the server clears old IP addresses by itself")
            self.assertEqual(db_rows(site, "SELECT COUNT(*) FROM comments WHERE ip = '192.0.2.2' "
                                           "AND user_agent = 'NewBrowser/1'")[0][0], 1, "recent ones are kept")
        finally:
            site.stop()


if __name__ == "__main__":
    unittest.main()
