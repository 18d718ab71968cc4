#!/usr/bin/env python3
"""The example site published as the manual says (docs/content/publishing.md): built with `--base-url http://127.0.0.1:PORT/careers/`
and served by Debian's nginx with deploy/nginx.conf, on 127.0.0.1 under /careers/.

Checks through nginx: pretty URLs and the slash redirect, the site's 404 page with status 404, cache
headers (no cache for HTML, a year for content-hashed files), linkchecker finds no broken link, an
`aliases` entry leads to its page in Chromium, and the search page finds results. Stops nginx.

Run by `make deploy-test` (which installs what is missing). LADDER names the binary."""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

import linkcheck
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from site_qa import make_driver

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LADDER = os.environ.get("LADDER", os.path.join(ROOT, ".build", "debug", "ladder"))
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url):
    """(status, headers, body) without following redirects."""
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=10) as r:
            return r.status, r.headers, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8", "replace")


class DeployedBehindNginx(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.port = free_port()
        cls.origin = f"http://127.0.0.1:{cls.port}"
        cls.tmp = tempfile.mkdtemp(prefix="ladder-deploy-")
        os.chmod(cls.tmp, 0o755)   # nginx's workers run as another user
        site = os.path.join(cls.tmp, "site")
        shutil.copytree(os.path.join(ROOT, "content"), os.path.join(site, "content"))
        cls.www = os.path.join(cls.tmp, "www")
        cls.out = os.path.join(cls.www, "careers")
        subprocess.run([LADDER, "build", site, "-o", cls.out, "--quiet",
                        "--base-url", f"{cls.origin}/careers/"], check=True)
        for folder, dirs, files in os.walk(cls.www):
            os.chmod(folder, 0o755)
            for name in files:
                os.chmod(os.path.join(folder, name), 0o644)

        with open(os.path.join(ROOT, "deploy", "nginx.conf"), encoding="utf-8") as f:
            server = f.read()
        for old, new in (("listen 8080;", f"listen 127.0.0.1:{cls.port};"), ("root /var/www;", f"root {cls.www};")):
            assert old in server, f"deploy/nginx.conf no longer has `{old}`"
            server = server.replace(old, new)
        mime = "/etc/nginx/mime.types"
        conf = os.path.join(cls.tmp, "nginx.conf")
        temp = os.path.join(cls.tmp, "temp")
        os.makedirs(temp)
        with open(conf, "w", encoding="utf-8") as f:
            f.write(f"""daemon off;
pid {cls.tmp}/nginx.pid;
error_log {cls.tmp}/error.log;
events {{ worker_connections 256; }}
http {{
    include {mime};
    types {{ application/manifest+json webmanifest; }}
    access_log off;
    client_body_temp_path {temp}/body; proxy_temp_path {temp}/proxy; fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi; scgi_temp_path {temp}/scgi;
{server}
}}
""")
        cls.nginx = subprocess.Popen([NGINX, "-c", conf, "-p", cls.tmp], stderr=subprocess.PIPE)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", cls.port), timeout=0.2).close()
                break
            except OSError:
                if cls.nginx.poll() is not None:
                    raise RuntimeError("nginx did not start: " + cls.nginx.stderr.read().decode())
                time.sleep(0.1)

    @classmethod
    def tearDownClass(cls):
        cls.nginx.send_signal(signal.SIGQUIT)   # graceful stop
        try:
            cls.nginx.wait(timeout=10)
        except subprocess.TimeoutExpired:
            cls.nginx.kill()
            cls.nginx.wait()
        shutil.rmtree(cls.tmp)

    def test_pages_and_pretty_urls(self):
        status, headers, body = fetch(self.origin + "/careers/")
        self.assertEqual(status, 200)
        self.assertIn("no-cache", headers.get("Cache-Control", ""))
        self.assertIn(f'href="{self.origin}/careers/"', body)   # canonical link of the home page
        status, _, body = fetch(self.origin + "/careers/engineering/l3/")
        self.assertEqual(status, 200)
        self.assertIn("Senior Software Engineer", body)
        status, headers, _ = fetch(self.origin + "/careers/engineering/l3")
        self.assertEqual(status, 301)
        self.assertEqual(headers["Location"], "/careers/engineering/l3/")

    def test_missing_page_is_the_sites_404(self):
        status, _, body = fetch(self.origin + "/careers/no/such/page/")
        self.assertEqual(status, 404)
        with open(os.path.join(self.out, "404.html"), encoding="utf-8") as f:
            self.assertEqual(body, f.read())

    def test_hashed_files_are_cached_for_a_year(self):
        hashed = [os.path.relpath(os.path.join(d, n), self.out) for d, _, names in os.walk(self.out)
                  for n in names if re.search(r"\.[0-9a-f]{8,}\.(css|js|json)$", n)]
        self.assertTrue(hashed, "the build has no content-hashed files")
        for path in hashed[:3]:
            status, headers, _ = fetch(f"{self.origin}/careers/{path}")
            self.assertEqual(status, 200, path)
            self.assertIn("immutable", headers.get("Cache-Control", ""), path)

    def test_no_broken_links(self):
        checked, broken = linkcheck.crawl(self.origin + "/careers/")
        self.assertEqual(broken, [])
        self.assertGreater(checked, 100, "the crawl went through the whole site")

    def test_alias_and_search_in_chromium(self):
        driver = make_driver()
        try:
            # open-roles.md has `aliases: [/jobs/]`.
            driver.get(self.origin + "/careers/jobs/")
            WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/careers/hiring/open-roles/"))
            self.assertIn("Open Roles", driver.title)
            driver.get(self.origin + "/careers/search/?q=ownership")
            WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li > a"))
            links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li > a")]
            self.assertTrue(all(l.startswith(self.origin + "/careers/") for l in links), links)
            driver.get(links[0])
            self.assertNotIn("Page not found", driver.title)
        finally:
            driver.quit()


if __name__ == "__main__":
    sys.exit(0 if unittest.main(exit=False, verbosity=2).result.wasSuccessful() else 1)
