"""Webhooks and WebSub pings over HTTPS: a hub whose certificate the system trusts (here through
SSL_CERT_FILE, as OpenSSL reads it) gets the notification; one with a certificate nobody vouches
for gets nothing, and the server says why."""
import http.server
import os
import ssl
import subprocess
import tempfile
import threading
import time
import unittest

from admin_client import add_user, api, api_token
from comment_helpers import set_settings
from harness import GazetteSite


def make_cert(folder, name):
    cert, key = os.path.join(folder, f"{name}.pem"), os.path.join(folder, f"{name}-key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
                   check=True, capture_output=True)
    return cert, key


class TlsHub:
    def __init__(self, cert, key):
        self.requests = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                outer.requests.append(self.rfile.read(int(self.headers["Content-Length"])))
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.url = f"https://localhost:{self.server.server_address[1]}/hub"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@unittest.skipUnless(subprocess.run(["which", "openssl"], capture_output=True).returncode == 0, "needs openssl")
class WebhookTlsTest(unittest.TestCase):
    def publish_with_hub(self, hub):
        site = GazetteSite(prepare=lambda s: set_settings(s.db, {"feed.websub_hub": hub.url})).start()
        self.addCleanup(site.stop)
        token = api_token(site, add_user(site, "ed@example.org", "editor"))
        status, data, _ = api(site, "POST", "/api/admin/articles", token=token,
                              body={"title": "Tide tables", "markdown": "High water at 6.", "status": "published"})
        self.assertEqual(status, 201, data)
        return site

    def test_a_trusted_hub_gets_the_ping_and_an_untrusted_one_nothing(self):
        folder = tempfile.mkdtemp()
        trusted_cert, trusted_key = make_cert(folder, "trusted")
        other_cert, other_key = make_cert(folder, "other")
        old = os.environ.get("SSL_CERT_FILE")
        os.environ["SSL_CERT_FILE"] = trusted_cert  # the servers started below trust only this one
        self.addCleanup(lambda: os.environ.pop("SSL_CERT_FILE") if old is None else os.environ.update(SSL_CERT_FILE=old))
        trusted, untrusted = TlsHub(trusted_cert, trusted_key), TlsHub(other_cert, other_key)
        self.addCleanup(trusted.close)
        self.addCleanup(untrusted.close)

        self.publish_with_hub(trusted)
        deadline = time.monotonic() + 10
        while not trusted.requests and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertTrue(trusted.requests, "the trusted hub heard nothing")
        self.assertIn(b"hub.mode=publish", trusted.requests[0])

        site = self.publish_with_hub(untrusted)
        deadline = time.monotonic() + 10
        while "TLS" not in site.server_log() and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertEqual(untrusted.requests, [])
        self.assertIn("TLS with localhost failed", site.server_log())


if __name__ == "__main__":
    unittest.main()
