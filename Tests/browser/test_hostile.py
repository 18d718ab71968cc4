#!/usr/bin/env python3
"""Hostile content in a real browser: a site whose titles, summaries, competency names, body, links and
file names carry script (Tests/LadderTests/Fixtures/sites/hostile) is built by the real ladder binary and
opened in headless Chromium. Every payload sets `window.__pwned`; no page may ever have it set, nor show
an alert. The theme's own scripts (search, the compare picker, serve's live reload) must still run under
its Content-Security-Policy.

Run by `make test-browser`. LADDER names the binary (default .build/debug/ladder)."""

import functools
import http.server
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LADDER = os.environ.get("LADDER", os.path.join(ROOT, ".build", "debug", "ladder"))
HOSTILE = os.path.join(ROOT, "Tests", "LadderTests", "Fixtures", "sites", "hostile", "content")
HOSTILE_QUERY = "<img src=x onerror=\"window.__pwned='query'\"><script>window.__pwned='query script'</script>"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def make_site(raw_html=False):
    site = tempfile.mkdtemp(prefix="ladder-hostile-site-")
    shutil.copytree(HOSTILE, os.path.join(site, "content"))
    if raw_html:
        with open(os.path.join(site, "content", "site.yml"), "a") as f:
            f.write("raw_html: true\n")
    return site


def build(out, raw_html=False, base_url=None):
    site = make_site(raw_html)
    args = [LADDER, "build", site, "-o", out, "--quiet"] + (["--base-url", base_url] if base_url else [])
    subprocess.run(args, check=True, stderr=subprocess.DEVNULL)
    shutil.rmtree(site)


def chromium():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


class HostileContentInBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # The hostile site at /, and the same site with raw HTML opted in under /raw/.
        cls.root = tempfile.mkdtemp(prefix="ladder-hostile-")
        build(cls.root)
        build(os.path.join(cls.root, "raw"), raw_html=True, base_url="/raw/")
        handler = functools.partial(QuietHandler, directory=cls.root)
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.origin = f"http://127.0.0.1:{cls.server.server_address[1]}"
        cls.driver = chromium()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.shutdown()
        cls.server.server_close()
        shutil.rmtree(cls.root)

    # helpers

    def wait(self, condition, timeout=10):
        return WebDriverWait(self.driver, timeout).until(lambda d: condition())

    def pages(self, prefix=""):
        """Every HTML page of the build under `prefix`, as URL paths."""
        folder = os.path.join(self.root, prefix)
        found = []
        for dirpath, dirnames, filenames in os.walk(folder):
            if not prefix:
                dirnames[:] = [d for d in dirnames if d != "raw"]
            for name in filenames:
                if name.endswith(".html"):
                    rel = os.path.relpath(os.path.join(dirpath, name), self.root)
                    found.append("/" + rel.removesuffix("index.html"))
        return sorted(found)

    def settle(self):
        """Lets onerror/onload handlers and deferred scripts run before looking."""
        self.wait(lambda: self.driver.execute_script("return document.readyState") == "complete")
        time.sleep(0.3)

    def assert_no_script_ran(self, where):
        try:
            alert = self.driver.switch_to.alert
            self.fail(f"{where}: an alert opened: {alert.text}")
        except NoAlertPresentException:
            pass
        flag = self.driver.execute_script("return window.__pwned === undefined ? null : String(window.__pwned)")
        self.assertIsNone(flag, f"{where}: a hostile script ran ({flag})")
        bad = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('[href],[src]')).map(e => e.getAttribute('href') ?? e.getAttribute('src') ?? '')"
            ".filter(u => /^\\s*(javascript|vbscript|data):/i.test(u.replace(/[\\x00-\\x20]/g, '')))")
        self.assertEqual(bad, [], f"{where}: script URLs in the page")
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "[onerror],[onload],[onclick]"), [], where)

    def policy_violations(self):
        return [e["message"] for e in self.driver.get_log("browser") if "Content Security Policy" in e["message"]]

    # tests

    def test_every_page_of_the_hostile_site_runs_no_script_and_breaks_no_policy(self):
        pages = self.pages()
        kinds = {"level": "/eng/l1/", "matrix": "/eng/matrix/", "compare": "/eng/compare/l1-vs-l2/",
                 "competency": "/eng/competencies/impact/", "home": "/", "track": "/eng/"}
        for kind, path in kinds.items():
            self.assertIn(path, pages, kind)
        self.assertTrue(any(p.startswith("/eng/competencies/judgement") for p in pages), pages)
        self.driver.get_log("browser")
        for path in pages:
            self.driver.get(self.origin + urllib.parse.quote(path))
            self.settle()
            self.assert_no_script_ran(path)
            # Hostile names are shown, as text.
            if path == "/eng/matrix/":
                self.assertIn("<svg onload=window.__pwned='craft 1'>", self.driver.find_element(By.TAG_NAME, "main").text)
        # The theme has no inline script or style, so its own policy never had to refuse anything.
        self.assertEqual(self.policy_violations(), [])

    def test_titles_and_names_are_text_in_the_page(self):
        self.driver.get(self.origin + "/eng/l1/")
        self.settle()
        self.assertIn("<script>", self.driver.title)
        self.assertIn("Level 1 <script>window.__pwned='level title 1'</script>", self.driver.find_element(By.TAG_NAME, "h1").text)
        main = self.driver.find_element(By.TAG_NAME, "main").text
        self.assertIn("Judgement <img src=x onerror=\"window.__pwned='entity heading 1'\">", main)
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "main img, main svg, main script"), [])

    def test_search_with_a_hostile_query_and_hostile_results(self):
        self.driver.get(self.origin + "/search/?q=" + urllib.parse.quote(HOSTILE_QUERY))
        self.settle()
        status = self.driver.find_element(By.ID, "search-status")
        self.wait(lambda: status.text.strip() != "")
        self.assert_no_script_ran("search with a hostile query")
        self.assertEqual(self.driver.find_element(By.ID, "search-query").get_attribute("value"), HOSTILE_QUERY)
        # Results whose snippets hold the payloads as text (search.js runs under the policy).
        self.driver.get(self.origin + "/search/?q=pwnmarker")
        self.wait(lambda: len(self.driver.find_elements(By.CSS_SELECTOR, "#search-results li > a")) > 0)
        time.sleep(0.3)
        results = self.driver.find_element(By.ID, "search-results")
        self.assertEqual(results.find_elements(By.CSS_SELECTOR, "img, svg, script"), [])
        self.assertIn("onerror", results.text + self.driver.page_source.split("search-results", 1)[1])
        self.assert_no_script_ran("search results")

    def test_the_compare_picker_script_still_runs_under_the_policy(self):
        self.driver.get(self.origin + "/eng/compare/?a=l2&b=l1")
        self.wait(lambda: self.driver.current_url.endswith("/eng/compare/l1-vs-l2/"))
        self.settle()
        self.assert_no_script_ran("compare")

    def test_with_raw_html_opted_in_the_policy_still_stops_inline_script(self):
        self.driver.get_log("browser")
        self.driver.get(self.origin + "/raw/")
        self.settle()
        # The site asked for raw HTML, so its <script> is in the page: the policy is what stops it.
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "main script"), "raw HTML was kept")
        self.assert_no_script_ran_except_handlers("/raw/")
        self.assertTrue(self.policy_violations(), "the browser refused the inline script")
        for link in self.driver.find_elements(By.LINK_TEXT, "raw anchor"):
            link.click()
            time.sleep(0.3)
        self.assertIsNone(self.driver.execute_script("return window.__pwned === undefined ? null : String(window.__pwned)"))

    def assert_no_script_ran_except_handlers(self, where):
        """As assert_no_script_ran, but raw HTML may keep its (refused) handler attributes."""
        flag = self.driver.execute_script("return window.__pwned === undefined ? null : String(window.__pwned)")
        self.assertIsNone(flag, f"{where}: a hostile script ran ({flag})")
        markdown_links = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('a[href]')).filter(a => a.textContent !== 'raw anchor')"
            ".map(a => a.getAttribute('href')).filter(u => /^(javascript|vbscript|data):/i.test(u.replace(/[\\x00-\\x20]/g, '')))")
        self.assertEqual(markdown_links, [], f"{where}: Markdown links to script URLs are removed even with raw HTML")


class HostileContentInServe(unittest.TestCase):
    """`ladder serve`: the policy header, the live-reload script and the error overlay under it."""

    def setUp(self):
        self.site = make_site()
        self.process = subprocess.Popen([LADDER, "serve", self.site, "--port", "0"], stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True)
        # Warnings about the hostile links come first; then the line with the URL.
        seen = []
        match = None
        while match is None and len(seen) < 100:
            line = self.process.stdout.readline()
            self.assertTrue(line, f"serve exited: {seen}")
            seen.append(line)
            match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        self.origin = match.group(0).rstrip("/")
        self.driver = chromium()

    def tearDown(self):
        self.driver.quit()
        self.process.terminate()
        self.process.wait(timeout=20)
        shutil.rmtree(self.site)

    def wait(self, condition, timeout=20):
        return WebDriverWait(self.driver, timeout).until(lambda d: condition())

    def test_policy_header_live_reload_and_an_escaped_overlay(self):
        with urllib.request.urlopen(self.origin + "/eng/l1/") as response:
            self.assertIn("script-src 'self'", response.headers["Content-Security-Policy"])
        self.driver.get_log("browser")
        self.driver.get(self.origin + "/eng/l1/")
        self.wait(lambda: self.driver.execute_script("return document.readyState") == "complete")
        self.driver.execute_script("window.__before_reload = 1")
        time.sleep(0.5)
        # A valid edit reloads the page: the live-reload script runs under the policy.
        with open(os.path.join(self.site, "content", "eng", "l1.md"), "a") as f:
            f.write("\nAn edit after start.\n")
        self.wait(lambda: self.driver.execute_script("return window.__before_reload === undefined"))
        self.wait(lambda: "An edit after start." in self.driver.page_source)
        # A broken page whose name and key are hostile: the overlay shows them as text, styled by its
        # own stylesheet (no inline style), and nothing runs.
        name = "\"><svg onload=window.__pwned='path'>.md"
        with open(os.path.join(self.site, "content", name), "w") as f:
            f.write("---\n\"<img src=x onerror=window.__pwned='key'>\": 1\n\"<img src=x onerror=window.__pwned='key'>\": 2\n---\n")
        self.wait(lambda: self.driver.find_elements(By.ID, "ladder-overlay"))
        time.sleep(0.5)
        overlay = self.driver.find_element(By.ID, "ladder-overlay")
        self.assertIn("<svg onload=window.__pwned='path'>", overlay.text)
        self.assertIn("<img src=x onerror=window.__pwned='key'>", overlay.text)
        self.assertEqual(overlay.value_of_css_property("position"), "fixed", "overlay.css loaded")
        self.assertEqual(overlay.find_elements(By.CSS_SELECTOR, "img, svg, script"), [])
        self.assertIsNone(self.driver.execute_script("return window.__pwned === undefined ? null : String(window.__pwned)"))
        violations = [e["message"] for e in self.driver.get_log("browser") if "Content Security Policy" in e["message"]]
        self.assertEqual(violations, [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
