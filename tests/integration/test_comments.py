"""Posting comments: the whole flow, validation, refusals, escaping and privacy."""
import json
import re
import unittest
import urllib.parse
import uuid

from comment_helpers import NO_LIMITS, set_settings
from harness import GazetteSite, parse_html

FIELDS = ("comment", "name", "email", "website")
XSS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "<svg onload=alert(1)>",
       "'><iframe src=javascript:alert(1)>")


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def form_state(body):
    """The comment form of a page: {field: (value, error text or None, aria-invalid)}, plus notices."""
    doc = parse_html(body)
    form = doc.find("form", cls="comment-form")
    if form is None:
        raise AssertionError("no comment form on the page")
    state = {}
    for field in FIELDS:
        control = form.find(None, name=field)
        value = control.text() if control.tag == "textarea" else control.attrs.get("value", "")
        err = form.find("span", cls="field-error", id=f"{field}-error")
        state[field] = (value, err.text() if err else None, control.attrs.get("aria-invalid"))
    alerts = [p.text() for p in form.find_all("p", cls="form-error")]
    return state, alerts


class CommentsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        # Rate limits and the time trap have their own tests (test_comments_rules.py).
        cls.site = GazetteSite(prepare=lambda s: set_settings(s.db, NO_LIMITS)).start()
        cls.articles = {a["id"]: a for a in cls.site.articles()}

    @classmethod
    def tearDownClass(cls):
        cls.site.stop()

    # --- helpers ----------------------------------------------------------------------------
    def url(self, article_id):
        return self.articles[article_id]["url"]

    def valid(self, article_id, **overrides):
        fields = self.site.form_fields(self.url(article_id))
        fields.update(comment=unique("A thoughtful comment"), name=unique("Reader"),
                      email=f"{unique('reader')}@example.org", website="https://example.org/me")
        fields.update(overrides)
        return fields

    def post(self, fields, headers=None):
        return self.site.post_form("/comments", fields, headers=headers)

    def origin(self):
        return {"Origin": self.site.base_url}

    def pending_with(self, body):
        return [c for c in self.site.comments("pending") if c["body"] == body]

    def all_with(self, body):
        return [c for c in self.site.comments() if c["body"] == body]

    def count_on_page(self, article_id):
        m = re.search(r"Show Comments \((\d+)\)", self.site.get(self.url(article_id)).body)
        self.assertIsNotNone(m)
        return int(m.group(1))

    def assert_no_unescaped(self, body, payloads):
        for p in payloads:
            self.assertNotIn(p, body, f"unescaped {p!r} in the page")
        self.assertNotRegex(body, r"<script>alert", "script injection")
        self.assertNotRegex(body, r"<(img|svg|iframe)[^>]*(onerror|onload|javascript:)", "tag injection")

    # --- the full flow ------------------------------------------------------------------------
    def test_full_flow_post_moderate_publish(self):
        aid = 3
        before = self.count_on_page(aid)
        fields = self.valid(aid, comment="First line of my view.\n\nSecond paragraph & more.",
                            name="Grace O'Neill")
        res = self.post(fields, headers=self.origin())
        self.assertEqual(res.status, 303, res.body[:500])
        loc = urllib.parse.urlsplit(res.headers["location"])
        self.assertEqual(loc.path, self.url(aid))
        self.assertEqual(loc.query, "comment=pending")
        self.assertEqual(loc.fragment, "comments")

        pending = self.pending_with(fields["comment"])
        self.assertEqual(len(pending), 1, "the comment is stored as pending")
        c = pending[0]
        self.assertEqual(c["article_id"], aid)
        self.assertEqual(c["name"], "Grace O'Neill")
        self.assertEqual(c["website"], "https://example.org/me")
        self.assertNotIn("email", c)

        page = self.site.get(self.url(aid))
        self.assertNotIn("Second paragraph", page.body, "pending comments are not shown")
        self.assertEqual(self.count_on_page(aid), before)

        notice = self.site.get(f"{self.url(aid)}?comment=pending")
        self.assertEqual(notice.status, 200)
        self.assertIn("awaiting moderation", notice.body)
        self.assertIn("no-store", notice.headers.get("cache-control", ""))
        self.assertNotIn("awaiting moderation", page.body)

        res = self.site.cli("comments", "approve", str(c["id"]))
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual([x["status"] for x in self.all_with(fields["comment"])], ["approved"])

        page = self.site.get(self.url(aid)).body
        self.assertEqual(self.count_on_page(aid), before + 1)
        thread = parse_html(page).find("ol", cls="comment-thread")
        li = thread.find("li", id=f"comment-{c['id']}")
        self.assertIsNotNone(li, "the approved comment is on the page")
        self.assertEqual(li.find(None, cls="comment-author").text(), "Grace O'Neill")
        self.assertEqual(li.find(None, cls="comment-author").attrs.get("href"), "https://example.org/me")
        paras = [p.text() for p in li.find("div", cls="comment-body").find_all("p")]
        self.assertEqual(paras, ["First line of my view.", "Second paragraph & more."])
        self.assertNotIn(fields["email"], page)

    def test_email_never_appears_after_approval(self):
        aid = 4
        email = f"{unique('private.person')}@example.org"
        fields = self.valid(aid, email=email)
        self.assertEqual(self.post(fields).status, 303)
        c = self.pending_with(fields["comment"])[0]
        self.assertEqual(self.site.cli("comments", "approve", str(c["id"])).returncode, 0)
        local = email.split("@")[0]
        pages = [self.url(aid), "/", f"{self.url(aid)}?comment=pending"]
        for tag in self.articles[aid]["tags"]:
            pages.append("/tag/" + re.sub(r"[^a-z0-9]+", "-", tag.lower()) + "/")
        pages += [self.url(other) for other in self.articles if other != aid]
        self.assertIn(fields["name"], self.site.get(self.url(aid)).body, "the comment is published")
        for path in pages:
            body = self.site.get(path).body
            self.assertNotIn(local, body, path)
            self.assertNotIn(urllib.parse.quote(email), body, path)
        listing = self.site.cli("comments", "list", "--format", "json").stdout
        self.assertNotIn(local, listing)
        for line in listing.splitlines():
            self.assertNotIn("email", json.loads(line))
        text_listing = self.site.cli("comments", "list").stdout
        self.assertNotIn(local, text_listing)

    def test_pending_notice_page(self):
        res = self.site.get(f"{self.url(1)}?comment=pending")
        self.assertEqual(res.status, 200)
        self.assertIn("Your comment is awaiting moderation", res.body)
        self.assertIn('role="status"', res.body)

    def test_browser_line_breaks_become_paragraphs(self):
        aid = 8
        tag = unique("crlf")
        fields = self.valid(aid, comment=f"Para one {tag}.\r\n\r\nPara two.\r\nSame para.")
        self.assertEqual(self.post(fields).status, 303)
        c = [x for x in self.site.comments("pending") if tag in x["body"]][0]
        self.assertEqual(self.site.cli("comments", "approve", str(c["id"])).returncode, 0)
        page = self.site.get(self.url(aid)).body
        self.assertIn(f"<p>Para one {tag}.</p><p>Para two.<br>Same para.</p>", page)

    def test_spam_and_trash_take_a_comment_off_the_page(self):
        aid = 8
        fields = self.valid(aid)
        self.assertEqual(self.post(fields).status, 303)
        c = self.pending_with(fields["comment"])[0]
        self.assertEqual(self.site.cli("comments", "approve", str(c["id"])).returncode, 0)
        shown = self.count_on_page(aid)
        self.assertIn(fields["comment"], self.site.get(self.url(aid)).body)
        for verdict in ("spam", "trash"):
            self.assertEqual(self.site.cli("comments", verdict, str(c["id"])).returncode, 0)
            self.assertNotIn(fields["comment"], self.site.get(self.url(aid)).body, verdict)
            self.assertEqual(self.count_on_page(aid), shown - 1)
            self.assertEqual(self.site.cli("comments", "approve", str(c["id"])).returncode, 0)
            self.assertEqual(self.count_on_page(aid), shown)

    # --- validation -------------------------------------------------------------------------
    def test_each_invalid_field_alone_is_422_and_keeps_the_rest(self):
        bad_values = {
            "comment": ["", "   \n  "],
            "name": ["", "  "],
            "email": ["", "not-an-email", "a@b", "two@@example.org", "a b@example.org", ".x@example.org"],
            "website": ["", "example.org", "ftp://example.org/", "javascript:alert(1)", "https://", "http://exa mple.org/"],
        }
        typed = {"comment": 'It\'s <b>bold</b> & "quoted"\nsecond line', "name": "Zoë O'Brien & <Co>",
                 "email": "zoe.obrien@example.org", "website": "https://example.org/zoe?a=1&b=2"}
        aid = 5
        for field, values in bad_values.items():
            for bad in values:
                with self.subTest(field=field, value=bad):
                    fields = self.site.form_fields(self.url(aid))
                    fields.update(typed)
                    fields[field] = bad
                    res = self.post(fields)
                    self.assertEqual(res.status, 422, res.body[:300])
                    self.assertIn("no-store", res.headers.get("cache-control", ""))
                    state, alerts = form_state(res.body)
                    for f in FIELDS:
                        value, error, invalid = state[f]
                        if f == field:
                            self.assertTrue(error, f"no error message for {f}")
                            self.assertEqual(invalid, "true")
                            self.assertEqual(value, bad if f != "comment" else bad.replace("\r\n", "\n"))
                        else:
                            self.assertIsNone(error, f"unexpected error on {f}: {error}")
                            self.assertIsNone(invalid)
                            self.assertEqual(value, typed[f], f"{f} was not kept")
                    self.assertTrue(alerts, "a summary of the problem is shown")
                    # Kept text is escaped.
                    self.assertNotIn("<b>bold</b>", res.body)
                    self.assertNotIn("<Co>", res.body)
                    self.assertIn('<details class="comment-list" open>', res.body)
                    self.assertEqual(self.all_with(typed["comment"]), [], "nothing is stored")

    def test_all_fields_empty_is_422_with_four_errors(self):
        fields = self.site.form_fields(self.url(6))
        fields.update({f: "" for f in FIELDS})
        res = self.post(fields)
        self.assertEqual(res.status, 422)
        state, _ = form_state(res.body)
        for f in FIELDS:
            self.assertTrue(state[f][1], f"no error for {f}")
            self.assertEqual(state[f][2], "true")
        self.assertEqual(len(re.findall(r'<span class="field-error" id="[a-z]+-error">', res.body)), 4)

    def test_missing_fields_are_like_empty_ones(self):
        res = self.post(self.site.form_fields(self.url(6)))
        self.assertEqual(res.status, 422)
        state, _ = form_state(res.body)
        self.assertTrue(all(state[f][1] for f in FIELDS))

    def test_comment_length_limits(self):
        aid = 7
        res = self.post(self.valid(aid, comment="x" * 10001))
        self.assertEqual(res.status, 422)
        state, _ = form_state(res.body)
        self.assertTrue(state["comment"][1])
        self.assertEqual(state["comment"][0], "x" * 10001, "the over-long text is kept")
        self.assertIsNone(state["name"][1])

        longest = "£" * 10000
        res = self.post(self.valid(aid, comment=longest))
        self.assertEqual(res.status, 303, "10,000 two-byte characters are exactly the limit")
        self.assertEqual(len(self.pending_with(longest)), 1)

        res = self.post(self.valid(aid, comment="€" * 10001))
        self.assertEqual(res.status, 422)

        res = self.post(self.valid(aid, comment="y" * 10000))
        self.assertEqual(res.status, 303)

    def test_name_length_limits(self):
        aid = 7
        res = self.post(self.valid(aid, name="n" * 101))
        self.assertEqual(res.status, 422)
        state, _ = form_state(res.body)
        self.assertTrue(state["name"][1])
        self.assertIsNone(state["comment"][1])
        name = "é" * 100
        fields = self.valid(aid, name=name)
        res = self.post(fields)
        self.assertEqual(res.status, 303, "100 two-byte characters are within the limit")
        self.assertEqual(self.pending_with(fields["comment"])[0]["name"], name)
        self.assertEqual(self.post(self.valid(aid, name="字" * 101)).status, 422)

    def test_invalid_utf8_is_422(self):
        aid = 7
        for field in FIELDS:
            with self.subTest(field=field):
                fields = self.valid(aid)
                raw_value = {"comment": "caf%E9", "name": "Ren%E9", "email": "ren%E9@example.org",
                             "website": "https://example.org/caf%E9"}[field]
                body = "&".join(f"{k}={urllib.parse.quote_plus(v)}" for k, v in fields.items() if k != field)
                body += f"&{field}={raw_value}"
                res = self.post(body)
                self.assertEqual(res.status, 422)
                res.raw.decode("utf-8")  # the page itself stays valid UTF-8
                state, _ = form_state(res.body)
                self.assertTrue(state[field][1], f"no error for {field}")
                others = [f for f in FIELDS if f != field]
                self.assertEqual([state[f][1] for f in others], [None] * 3)
                self.assertEqual(self.all_with(fields["comment"]), [])

    def test_surrounding_whitespace_is_trimmed(self):
        aid = 8
        body = unique("Trim me")
        res = self.post(self.valid(aid, comment=f"  \n{body}\n  ", name="  Spaced   Out  ",
                                   email="  trim@example.org ", website=" https://example.org/t "))
        self.assertEqual(res.status, 303)
        c = self.pending_with(body)
        self.assertEqual(len(c), 1)
        self.assertEqual(c[0]["name"], "Spaced Out")
        self.assertEqual(c[0]["website"], "https://example.org/t")

    # --- escaping ---------------------------------------------------------------------------
    def test_injection_in_every_field_is_escaped(self):
        aid = 6
        payload = " ".join(XSS)
        website = "https://example.org/?q='x'&y=1"
        fields = self.valid(aid, comment=f"Hi {payload} & bye", name=f"Mallory {XSS[0]}{XSS[1]}",
                            email="mallory@example.org", website=website)
        # First a refusal (bad email) that re-renders everything the visitor typed.
        refused = dict(fields, email=f"{XSS[0]}@example.org")
        res = self.post(refused)
        self.assertEqual(res.status, 422)
        self.assert_no_unescaped(res.body, XSS)
        state, _ = form_state(res.body)
        self.assertEqual(state["comment"][0], refused["comment"])
        self.assertEqual(state["name"][0], refused["name"])
        self.assertEqual(state["email"][0], refused["email"])

        # A website that would break out of the href is refused, and shown escaped.
        for bad_site in ('https://example.org/"><script>alert(1)</script>', 'https://example.org/"><script>',
                         "javascript:alert(1)", "https://example.org/<svg onload=alert(1)>",
                         'https://example.org/" onmouseover="alert(1)', "data:text/html,<script>alert(1)</script>"):
            with self.subTest(website=bad_site):
                res = self.post(dict(fields, website=bad_site))
                self.assertEqual(res.status, 422)
                state, _ = form_state(res.body)
                self.assertTrue(state["website"][1])
                self.assertEqual(state["website"][0], bad_site)
                self.assert_no_unescaped(res.body, XSS + (bad_site,) if "<" in bad_site or '"' in bad_site else XSS)

        res = self.post(fields)
        self.assertEqual(res.status, 303)
        c = self.pending_with(fields["comment"])[0]
        self.assertEqual(c["name"], fields["name"], "the text is stored as typed")
        self.assertEqual(self.site.cli("comments", "approve", str(c["id"])).returncode, 0)
        page = self.site.get(self.url(aid)).body
        self.assert_no_unescaped(page, XSS)
        li = parse_html(page).find("li", id=f"comment-{c['id']}")
        self.assertIsNotNone(li)
        self.assertEqual(li.find(None, cls="comment-author").text(), fields["name"])
        self.assertEqual(li.find(None, cls="comment-author").attrs.get("href"), website)
        self.assertEqual(li.find("div", cls="comment-body").text(), fields["comment"])
        # The author link stays a single, well-formed attribute.
        self.assertEqual(len(li.find(None, cls="comment-author").attrs), 3)

    # --- refusals ---------------------------------------------------------------------------
    def test_foreign_origin_is_403_and_keeps_the_text(self):
        aid = 2
        for headers in ({"Origin": "https://evil.example"}, {"Referer": "https://evil.example/page"},
                        {"Origin": "null"}, {"Origin": self.site.base_url + ".evil.example"},
                        {"Origin": "https://evil.example", "Referer": self.site.base_url + "/"}):
            with self.subTest(headers=headers):
                fields = self.valid(aid)
                res = self.post(fields, headers=headers)
                self.assertEqual(res.status, 403)
                self.assertTrue(res.headers["content-type"].startswith("text/html"))
                self.assertIn("no-store", res.headers.get("cache-control", ""))
                state, alerts = form_state(res.body)
                self.assertEqual(state["comment"][0], fields["comment"])
                self.assertEqual(state["name"][0], fields["name"])
                self.assertTrue(any("another website" in a for a in alerts), alerts)
                self.assertEqual(self.all_with(fields["comment"]), [])

    def test_same_origin_is_accepted(self):
        for headers in (self.origin(), {"Referer": self.site.base_url + self.url(2)}, {}):
            with self.subTest(headers=headers):
                fields = self.valid(2)
                self.assertEqual(self.post(fields, headers=headers).status, 303)

    def test_missing_token_is_held_for_moderation_not_refused(self):
        for token in (None, ""):
            with self.subTest(token=token):
                fields = self.valid(2)
                if token is None:
                    del fields["token"]
                else:
                    fields["token"] = token
                self.assertEqual(self.post(fields).status, 303)
                held = self.pending_with(fields["comment"])
                self.assertEqual(len(held), 1)
                self.assertIn("without a form token", held[0]["reason"])

    def test_forged_token_is_403(self):
        aid = 2
        good = self.site.form_fields(self.url(aid))["token"]
        issued, mac = good.split(".")
        other_article = self.site.form_fields(self.url(1))["token"]
        forged = {
            "garbage": "not-a-token", "no-mac": issued + ".",
            "wrong-mac": issued + "." + ("0" * len(mac)), "other-article": other_article,
            "future": str(int(issued) + 86400 * 30) + "." + mac, "old": "1000000000." + mac,
            "upper": issued + "." + mac.upper(), "truncated": good[:-2],
        }
        for name, token in forged.items():
            with self.subTest(token=name):
                fields = self.valid(aid, token=token)
                res = self.post(fields)
                self.assertEqual(res.status, 403, res.body[:300])
                state, alerts = form_state(res.body)
                self.assertEqual(state["comment"][0], fields["comment"], "the text is kept")
                self.assertTrue(alerts)
                self.assertEqual(self.all_with(fields["comment"]), [])

    def test_token_endpoint(self):
        aid = 1
        res = self.site.get(f"/comments/token?article={aid}")
        self.assertEqual(res.status, 200)
        self.assertTrue(res.headers["content-type"].startswith("application/json"))
        self.assertIn("no-store", res.headers.get("cache-control", ""))
        token = json.loads(res.body)["token"]
        self.assertRegex(token, r"^\d+\.[0-9a-f]{32}$")
        fields = self.valid(aid, token=token)
        self.assertEqual(self.post(fields).status, 303)
        # A token for one article does not work for another.
        self.assertEqual(self.post(self.valid(2, token=token)).status, 403)
        for bad in ("", "?article=abc", "?article=0", "?article=-1"):
            self.assertEqual(self.site.get("/comments/token" + bad).status, 400, bad)
        self.assertEqual(self.site.get("/comments/token?article=99999").status, 404)

    def test_wrong_content_type_is_415(self):
        fields = self.valid(1)
        body = urllib.parse.urlencode(fields).encode()
        for ctype in ("text/plain", "application/json", "multipart/form-data; boundary=x", None):
            with self.subTest(content_type=ctype):
                headers = {"Content-Type": ctype} if ctype else {}
                res = self.site.request("POST", "/comments", body=body, headers=headers)
                self.assertEqual(res.status, 415)
        self.assertEqual(self.all_with(fields["comment"]), [])
        res = self.post(fields, headers={"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"})
        self.assertEqual(res.status, 303)

    def test_unknown_article_is_404(self):
        fields = self.valid(1)
        for aid in ("99999", "9223372036854775807"):
            res = self.post(dict(fields, article_id=aid))
            self.assertEqual(res.status, 404, aid)
            self.assertIn("Page not found", res.body)
        self.assertEqual(self.all_with(fields["comment"]), [])
        for aid in ("", "abc", "0", "-3", "1x"):
            res = self.post(dict(fields, article_id=aid))
            self.assertIn(res.status, (400, 404), aid)
        self.assertEqual(self.all_with(fields["comment"]), [])

    def test_reply_to_unknown_parent_is_refused(self):
        fields = self.valid(2, parent="99999")
        res = self.post(fields)
        self.assertEqual(res.status, 422)
        self.assertEqual(form_state(res.body)[0]["comment"][0], fields["comment"])
        self.assertEqual(self.all_with(fields["comment"]), [])

    def test_reply_to_an_approved_comment(self):
        approved = [c for c in self.site.comments("approved") if c["article_id"] == 2]
        fields = self.valid(2, parent=str(approved[0]["id"]))
        self.assertEqual(self.post(fields).status, 303)
        self.assertEqual(self.pending_with(fields["comment"])[0]["parent_id"], approved[0]["id"])

    def test_malformed_form_body_is_refused(self):
        fields = self.valid(1)
        body = urllib.parse.urlencode(fields) + "&x=%ZZ"
        res = self.post(body)
        self.assertEqual(res.status, 400)
        self.assertEqual(self.all_with(fields["comment"]), [])


class ModerationReachesTheServerTest(unittest.TestCase):
    """Moderation done by another process (the CLI) shows on the next page view, even when the
    server has the page in memory. One server thread, so that the result does not depend on which
    thread happens to answer."""

    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite(serve_args=["--threads", "1"]).start()
        cls.articles = {a["id"]: a for a in cls.site.articles()}

    @classmethod
    def tearDownClass(cls):
        cls.site.stop()

    def page(self, aid):
        return self.site.get(self.articles[aid]["url"]).body

    def test_cli_approve_then_spam_is_seen_at_once(self):
        pending = self.site.comments("pending")[0]
        aid = pending["article_id"]
        before = self.page(aid)
        self.assertEqual(before, self.page(aid))  # now in any page cache
        self.assertNotIn(pending["name"], before)
        shown = int(re.search(r"Show Comments \((\d+)\)", before).group(1))

        self.assertEqual(self.site.cli("comments", "approve", str(pending["id"])).returncode, 0)
        after = self.page(aid)
        self.assertIn(pending["name"], after, "an approved comment must appear on the next page view")
        self.assertIn(f"Show Comments ({shown + 1})", after)

        self.assertEqual(self.site.cli("comments", "spam", str(pending["id"])).returncode, 0)
        after = self.page(aid)
        self.assertNotIn(pending["name"], after, "a comment marked spam must disappear on the next page view")
        self.assertIn(f"Show Comments ({shown})", after)

    def test_cli_spam_on_an_approved_comment_is_seen_at_once(self):
        approved = [c for c in self.site.comments("approved") if c["article_id"] == 2]
        self.assertEqual(len(approved), 3)
        self.assertIn("Show Comments (3)", self.page(2))
        self.assertIn("Show Comments (3)", self.page(2))
        self.assertEqual(self.site.cli("comments", "trash", str(approved[0]["id"])).returncode, 0)
        after = self.page(2)
        self.assertIn("Show Comments (2)", after)
        self.assertNotIn(approved[0]["name"], after)


if __name__ == "__main__":
    unittest.main()
