"""The comment page variants pass the Nu HTML Checker: threads with avatars and Reply links, the
reply form, a closed article, a rate-limited refusal."""
import shutil
import tempfile
import unittest

from comment_helpers import NO_LIMITS, Poster, find_comment, gazette, set_settings
from harness import GazetteSite
from nu_checker import nu_problems


class CommentPagesAreValidHtmlTest(unittest.TestCase):

    def test_comment_page_variants_are_valid_html(self):
        tmp = tempfile.mkdtemp(prefix="gazette-vnu-comments-")
        site = GazetteSite(prepare=lambda s: set_settings(s.db, NO_LIMITS)).start()
        try:
            problems = nu_problems(self, self.fetch(site), tmp)
            self.assertEqual(problems, [], "HTML errors:\n" + "\n".join(problems))
        finally:
            site.stop()
            shutil.rmtree(tmp, ignore_errors=True)

    def fetch(self, site):
        p = Poster(site)
        aid = 2
        ids = []
        parent = None
        for _ in range(4):  # a chain deeper than the default depth of 3
            fields, res = p.post_new(aid, **({"parent": str(parent)} if parent else {}))
            self.assertEqual(res.status, 303, res.body[:300])
            parent = find_comment(site, fields["comment"])["id"]
            gazette(site, "comments", "approve", str(parent))
            ids.append(parent)
        pages = {"thread": site.get(p.url(aid)).body,
                 "reply-form": site.get(p.url(aid) + f"?replytocom={ids[0]}").body}
        res = p.post(p.fields(aid, parent=str(ids[1]), email="not-an-email"))
        self.assertEqual(res.status, 422)
        pages["reply-422"] = res.body
        set_settings(site.db, {"comments.rate_ip_per_minute": "1"})
        p.post_new(3, ip="203.0.113.1")
        _, res = p.post_new(3, ip="203.0.113.1")
        self.assertEqual(res.status, 429)
        pages["rate-limited-429"] = res.body
        gazette(site, "comments", "close", "4")
        pages["closed"] = site.get(p.url(4)).body
        return pages


if __name__ == "__main__":
    unittest.main()
