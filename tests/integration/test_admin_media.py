"""Image uploads over HTTP: checked by content, stored in responsive sizes, shown with srcset."""
import json
import re
import struct
import unittest
import uuid
import zlib

from admin_client import AdminClient, add_user, api_token, request
from harness import GazetteSite


def png(width, height, rgb=(200, 80, 40)):
    """A solid-colour PNG, made with the standard library."""
    row = b"\x00" + bytes(rgb) * width
    raw = row * height

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    out = b""
    for name, value in fields.items():
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").encode()
    for name, (filename, data, ctype) in files.items():
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\n"
                f"Content-Type: {ctype}\r\n\r\n").encode() + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return out, f"multipart/form-data; boundary={boundary}"


class MediaTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = GazetteSite().start()
        cls.addClassCleanup(cls.site.stop)  # also when the rest of setUpClass fails
        add_user(cls.site, "ed@example.org", "editor")
        add_user(cls.site, "con@example.org", "contributor")
        cls.ed = AdminClient(cls.site)
        cls.ed.login("ed@example.org")


    def upload(self, client, data, filename="photo.jpg", ctype="image/jpeg", csrf=True, alt="The harbour"):
        fields = {"alt": alt}
        if csrf:
            fields["csrf"] = client.csrf
        body, content_type = multipart(fields, {"file": (filename, data, ctype)})
        return request(self.site, "POST", "/admin/media/upload", body=body,
                       headers={"Content-Type": content_type, "Cookie": f"gazette_session={client.cookie}"})

    def test_non_image_named_jpg_is_refused_with_a_clear_message(self):
        res = self.upload(self.ed, b"GIF? no: this is plain text pretending to be a photo.\n" * 10)
        self.assertEqual(res.status, 422)
        self.assertIn("not an image Gazette accepts", res.body)

    def test_upload_needs_the_csrf_token_and_the_author_role(self):
        self.assertEqual(self.upload(self.ed, png(20, 20), csrf=False).status, 403)
        con = AdminClient(self.site)
        con.login("con@example.org")
        self.assertEqual(self.upload(con, png(20, 20)).status, 403)

    def test_image_in_an_article_is_served_in_several_sizes(self):
        res = self.upload(self.ed, png(1800, 900), filename="harbour.png", ctype="image/png")
        self.assertEqual(res.status, 201, res.body[:500])
        m = re.search(r'value="(!\[The harbour\]\(/media/[0-9a-f]{32}-960\.png\))"', res.body)
        self.assertTrue(m, "the library offers the image's Markdown")
        markdown = m.group(1)
        res = self.ed.post("/admin/articles/new", {"title": "Pictured: the harbour", "markdown": f"Look.\n\n{markdown}\n",
                                                   "status": "published", "action": "save"})
        self.assertEqual(res.status, 303)
        url = [a["url"] for a in self.site.articles("published") if a["title"] == "Pictured: the harbour"][0]
        page = self.site.get(url).body
        self.assertIn("<picture>", page)
        self.assertRegex(page, r'<source type="image/webp" srcset="[^"]*-480\.webp 480w, [^"]*-960\.webp 960w, '
                               r'[^"]*-1600\.webp 1600w"')
        srcset = re.search(r'<img src="[^"]+" srcset="([^"]+)"', page).group(1)
        files = [s.split()[0] for s in srcset.split(", ")]
        self.assertEqual(len(files), 3)
        for f in files:
            img = self.site.get(f)
            self.assertEqual(img.status, 200)
            self.assertEqual(img.headers["content-type"], "image/png")
            self.assertIn("immutable", img.headers["cache-control"])
            self.assertTrue(img.raw.startswith(b"\x89PNG"))
        self.assertEqual(self.site.get("/media/../site.db").status, 404)

    def test_api_upload(self):
        token = api_token(self.site, "ed@example.org")
        body, ctype = multipart({"alt": "Gulls"}, {"file": ("gulls.png", png(700, 400, (10, 90, 200)), "image/png")})
        res = request(self.site, "POST", "/api/admin/media", body=body,
                      headers={"Content-Type": ctype, "Authorization": f"Bearer {token}"})
        self.assertEqual(res.status, 201, res.body)
        data = json.loads(res.body)["media"]
        self.assertEqual((data["width"], data["height"]), (700, 400))
        self.assertEqual(sorted({v["width"] for v in data["variants"]}), [480, 700])
        body, ctype = multipart({}, {"file": ("evil.jpg", b"#!/bin/sh\necho not an image\n", "image/jpeg")})
        res = request(self.site, "POST", "/api/admin/media", body=body,
                      headers={"Content-Type": ctype, "Authorization": f"Bearer {token}"})
        self.assertEqual(res.status, 422)
        self.assertIn("not an image", json.loads(res.body)["error"]["message"])
        body, ctype = multipart({}, {"file": ("huge.png", b"\x89PNG\r\n\x1a\n" + b"\0" * (11 << 20), "image/png")})
        res = request(self.site, "POST", "/api/admin/media", body=body,
                      headers={"Content-Type": ctype, "Authorization": f"Bearer {token}"})
        self.assertEqual(res.status, 413)


if __name__ == "__main__":
    unittest.main()
