"""Stored redirects: `gazette redirects add|list|remove`, 301s from old paths and "/?p=N" to the
right place (following an article's slug change), through the page cache, and 404s otherwise."""
import unittest
import urllib.parse

from admin_client import add_user, api, api_token
from harness import GazetteSite


def path_of(url):
    return urllib.parse.urlsplit(url).path


class RedirectsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite().start()
        cls.addClassCleanup(cls.site.stop)
        cls.token = api_token(cls.site, add_user(cls.site, "ed@example.org", "editor"))
        cls.articles = cls.site.articles("published")

    def redirects(self, *args):
        return self.site.cli("redirects", *args, "--db", self.site.db)

    def add(self, source, target):
        res = self.redirects("add", source, target)
        self.assertEqual(res.returncode, 0, res.stderr)
        return res

    def assert_moved(self, path, location):
        res = self.site.get(path)
        self.assertEqual((res.status, res.headers.get("location")), (301, location), f"{path}: {res.body[:200]}")

    def test_old_path_and_short_link_answer_301(self):
        first, second = self.articles[0], self.articles[1]
        self.add("http://old.example/2009/old-post/", str(first["id"]))
        self.assert_moved("/2009/old-post/", path_of(first["url"]))
        self.assert_moved("/2009/old-post", path_of(first["url"]))  # one hop, not two
        # An import's "/?p=N" names the old site's post N: it wins over Gazette's own /?p=ID.
        self.add(f"/?p={first['id']}", second["slug"])
        self.assert_moved(f"/?p={first['id']}", path_of(second["url"]))
        self.assert_moved(f"/?utm_source=mail&p={first['id']}", path_of(second["url"]))
        self.assert_moved(f"/?p={second['id']}", path_of(second["url"]))  # Gazette's own short link
        self.add("/category/politics/", "/tag/cyber-agreement/")
        self.assert_moved("/category/politics/", "/tag/cyber-agreement/")
        self.add("/away/", "https://elsewhere.example/x?y=1")
        self.assert_moved("/away/", "https://elsewhere.example/x?y=1")
        # A page that exists is never hidden by a redirect.
        self.add("/tag/cyber-agreement/", "/away/")
        self.assertEqual(self.site.get("/tag/cyber-agreement/").status, 200)

    def test_redirect_follows_the_slug_change(self):
        article = self.articles[2]
        self.add("/?p=90001", str(article["id"]))
        self.assert_moved("/?p=90001", path_of(article["url"]))  # now cached
        status, data, res = api(self.site, "PATCH", f"/api/admin/articles/{article['id']}", token=self.token,
                                body={"slug": "a-slug-changed-later"})
        self.assertEqual(status, 200, res.body)
        new_path = path_of(data["article"]["url"])
        self.assertTrue(new_path.endswith("/a-slug-changed-later/"), new_path)
        self.assert_moved("/?p=90001", new_path)

    def test_unknown_paths_still_404(self):
        for path in ("/no-such-old-post/", "/?p=987654", "/2009/never/"):
            self.assertEqual(self.site.get(path).status, 404, path)

    def test_cli_list_remove_and_refusals(self):
        article = self.articles[3]
        self.add("/list-me/", str(article["id"]))
        self.add("/list-me-too/", "/somewhere/")
        listed = self.redirects("list")
        self.assertEqual(listed.returncode, 0, listed.stderr)
        lines = listed.stdout.splitlines()
        self.assertIn(f"/list-me/\tarticle {article['id']} ({article['slug']})", lines)
        self.assertIn("/list-me-too/\t/somewhere/", lines)
        self.assert_moved("/list-me-too/", "/somewhere/")  # cached now
        removed = self.redirects("remove", "/list-me-too")
        self.assertEqual(removed.returncode, 0, removed.stderr)
        self.assertEqual(self.site.get("/list-me-too/").status, 404, "the cached 301 went with the redirect")
        self.assertNotIn("/list-me-too/\t/somewhere/", self.redirects("list").stdout)
        for args in (("remove", "/never-added/"), ("add", "/x/", "no-such-article-slug"), ("add", "/x/", "/x/"),
                     ("add", "/x/", "javascript:alert(1)")):
            res = self.redirects(*args)
            self.assertNotEqual(res.returncode, 0, args)
            self.assertTrue(res.stderr.strip(), args)


if __name__ == "__main__":
    unittest.main()
