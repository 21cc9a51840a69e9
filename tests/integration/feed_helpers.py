"""Helpers for the article feed and author tests: fetch a feed, check that it parses as a reader
would (Debian's python3-feedparser for RSS and Atom, json for JSON Feed), and reduce its items to
one shape so that the three formats can be compared.

    items, parsed, res = read_feed(self, site, "/tag/ferries/", "atom")
    self.assertEqual([i["id"] for i in items], expected_ids(site, tag="Ferries"))
"""
import calendar
import json
import sys
import time
import urllib.parse
import xml.etree.ElementTree as ET

try:
    import feedparser
except ImportError:  # Debian's python3-feedparser, when the tests run under another Python 3
    sys.path.append("/usr/lib/python3/dist-packages")
    import feedparser

from harness import parse_html

SITE_URL = "http://news.example"

# format: (path after the archive's own path, content type, feedparser's version)
FORMATS = {
    "rss": ("feed/", "application/rss+xml", "rss20"),
    "atom": ("feed/atom/", "application/atom+xml", "atom10"),
    "json": ("feed.json", "application/feed+json", None),
}
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
NS = {"atom": "http://www.w3.org/2005/Atom", "content": "http://purl.org/rss/1.0/modules/content/",
      "dc": "http://purl.org/dc/elements/1.1/", "media": "http://search.yahoo.com/mrss/"}
VOID_ELEMENTS = ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr")


def feed_path(base, fmt):
    """The feed of the archive at `base` ("/", "/tag/x/", "/author/y/") in `fmt`."""
    return base + FORMATS[fmt][0]


def path_of(url):
    """The path of `url`, percent-encoded as pages and feeds link it (a slug may hold emoji)."""
    return urllib.parse.quote(urllib.parse.unquote(urllib.parse.urlsplit(url).path))


def absolute(url):
    """`url` (from the Admin API: SITE_URL and a path that may hold raw emoji) as feeds write it."""
    return SITE_URL + path_of(url)


def guid(article_id):
    return f"{SITE_URL}/?p={article_id}"


def iso(struct):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(calendar.timegm(struct))) if struct else None


def _xml_item(entry, fmt):
    authors = [(a.get("name"), a.get("href")) for a in entry.get("authors", [])]
    content = entry.get("content")
    media = entry.get("media_content") or []
    return {
        "id": entry.get("id"),
        "title": entry.get("title"),
        "link": entry.get("link"),
        "authors": authors if fmt == "atom" else [(name, None) for name, _ in authors],
        "tags": [t.get("term") for t in entry.get("tags", [])],
        "summary": entry.get("summary"),
        "content": content[0].value if content else None,
        "content_type": {"text/html": "html"}.get(content[0].type, content[0].type) if content else None,
        "image": media[0].get("url") if media else None,
        "published": iso(entry.get("published_parsed")),
        "updated": iso(entry.get("updated_parsed")) if fmt == "atom" else None,
    }


def _json_item(item):
    return {
        "id": item.get("id"),
        "title": item.get("title"),
        "link": item.get("url"),
        "authors": [(a.get("name"), a.get("url")) for a in item.get("authors", [])],
        "tags": item.get("tags", []),
        "summary": item.get("summary"),
        "content": item.get("content_html"),
        "content_type": "html" if "content_html" in item else ("text" if "content_text" in item else None),
        "content_text": item.get("content_text"),
        "image": item.get("image"),
        "published": item.get("date_published"),
        "updated": item.get("date_modified"),
    }


def check_json_feed(test, feed, path):
    """The JSON Feed 1.1 rules a reader depends on: version, title, items, and each item's id and content."""
    test.assertEqual(feed.get("version"), JSON_FEED_VERSION, path)
    test.assertIsInstance(feed.get("title"), str, path)
    test.assertTrue(feed["title"], path)
    test.assertIsInstance(feed.get("items"), list, path)
    for item in feed["items"]:
        test.assertIsInstance(item.get("id"), str, f"{path}: every item has a string id")
        test.assertTrue("content_html" in item or "content_text" in item, f"{path}: an item needs content")
        for a in item.get("authors", []):
            test.assertIsInstance(a.get("name"), str, path)


def read_feed(test, site, path, fmt, headers=None, canonical=None):
    """GETs the feed at `path`; checks status, type, that it parses cleanly and names itself
    (`canonical`, when `path` is another name for it); returns (items in one shape, the parsed
    feed, the response)."""
    res = site.get(path, headers=headers)
    own = canonical or path
    test.assertEqual(res.status, 200, f"{path}: {res.body[:300]}")
    ctype = FORMATS[fmt][1]
    test.assertTrue(res.headers.get("content-type", "").startswith(ctype),
                    f"{path}: {res.headers.get('content-type')} is not {ctype}")
    if fmt == "json":
        feed = json.loads(res.body)
        check_json_feed(test, feed, path)
        if "?" not in own:
            test.assertEqual(feed.get("feed_url"), SITE_URL + own, f"{path}: feed_url names the feed itself")
        return [_json_item(i) for i in feed["items"]], feed, res
    # As sent: feedparser neither resolves relative URLs itself nor cleans the HTML up.
    parsed = feedparser.parse(res.raw, resolve_relative_uris=False, sanitize_html=False)
    test.assertEqual(parsed.bozo, 0, f"{path}: {parsed.get('bozo_exception')}")
    test.assertEqual(parsed.version, FORMATS[fmt][2], path)
    ET.fromstring(res.raw)  # well-formed for a strict XML parser too
    if "?" not in own:
        selves = [l.get("href") for l in parsed.feed.get("links", []) if l.get("rel") == "self"]
        test.assertEqual(selves, [SITE_URL + own], f"{path}: the feed's rel=self link names the feed itself")
    return [_xml_item(e, fmt) for e in parsed.entries], parsed, res


def xml_titles(raw, fmt):
    """The item titles exactly as a strict XML parser reads them (no feedparser clean-up)."""
    root = ET.fromstring(raw)
    if fmt == "rss":
        return [i.findtext("title") for i in root.iter("item")]
    return [e.findtext("atom:title", namespaces=NS) for e in root.findall("atom:entry", NS)]


def published(site):
    """Published articles as the CLI lists them, newest first (as feeds and archives order them)."""
    arts = site.articles("published")
    return sorted(arts, key=lambda a: (a["published_at"], a["id"]), reverse=True)


def expected_ids(site, tag=None, author=None, limit=20):
    arts = published(site)
    if tag is not None:
        arts = [a for a in arts if tag in a["tags"]]
    if author is not None:
        arts = [a for a in arts if author in a["authors"]]
    return [guid(a["id"]) for a in arts[:limit]]


def item(test, items, article_id, where=""):
    found = [i for i in items if i["id"] == guid(article_id)]
    test.assertEqual(len(found), 1, f"{where}: article {article_id} is listed once in {[i['id'] for i in items]}")
    return found[0]


def alternates(page):
    """{(type, href)} of the page's <link rel="alternate"> elements."""
    return [(l.attrs.get("type"), l.attrs.get("href")) for l in parse_html(page).find_all("link", rel="alternate")]


def feed_alternates(base):
    """The three <link rel="alternate"> (type, href) pairs for the archive at `base`."""
    return [(FORMATS[f][1], SITE_URL + feed_path(base, f)) for f in ("rss", "atom", "json")]
