#!/usr/bin/env python3
"""The ladder's history in a real browser: headless Chromium (Selenium) against sites built by the real
ladder binary from a git repository and served over HTTP on 127.0.0.1. An assessment link is made on the
site as tagged v1; v2 rewords the ticked criterion (and adds one, removes one) and the site is built again
with `history: [v1, v2]`. The v1 link, opened in a fresh browser, shows the tick on the reworded criterion,
marked "reworded since you ticked it"; /changes/ lists the three changes.

Run by `make test-browser`. LADDER names the binary (default .build/debug/ladder)."""

import functools
import http.server
import os
import shutil
import subprocess
import tempfile
import threading
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LADDER = os.environ.get("LADDER", os.path.join(ROOT, ".build", "debug", "ladder"))

OLD = "Impact is measured at the level of projects and the team's goals."
NEW = "Impact is measured at the level of a group of teams and their goals."
KEPT = "Writes tests for every change."
GONE = "Ships small changes every week."
ADDED = "Mentors two engineers outside the team."


def level(criteria):
    return "---\ntitle: Senior\ntrack: eng\nlevel: L3\n---\n\n## Impact\n\n" + "".join(f"- {c}\n" for c in criteria)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def make_driver(profile):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


class HistoryInBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ladder-history-")
        cls.site = os.path.join(cls.tmp, "site")
        cls.out = os.path.join(cls.tmp, "public")
        os.makedirs(os.path.join(cls.site, "content", "eng"))
        handler = functools.partial(QuietHandler, directory=cls.out)
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.origin = f"http://127.0.0.1:{cls.server.server_address[1]}"
        cls.drivers = []

    @classmethod
    def tearDownClass(cls):
        for driver in cls.drivers:
            driver.quit()
        cls.server.shutdown()
        cls.server.server_close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def git(self, *arguments, date="2026-03-14T12:00:00Z"):
        env = dict(os.environ, GIT_COMMITTER_DATE=date, GIT_AUTHOR_DATE=date)
        subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=T", "-c", "commit.gpgsign=false",
                        "-c", "tag.gpgsign=false", *arguments], cwd=self.site, env=env, check=True, capture_output=True)

    def write(self, path, text):
        with open(os.path.join(self.site, path), "w", encoding="utf-8") as f:
            f.write(text)

    def build(self):
        subprocess.run([LADDER, "build", self.site, "-o", self.out, "--quiet"], check=True)

    def fresh_browser(self):
        driver = make_driver(tempfile.mkdtemp(prefix="profile-", dir=self.tmp))
        self.drivers.append(driver)
        return driver

    @staticmethod
    def wait(driver, condition, timeout=10):
        return WebDriverWait(driver, timeout).until(lambda d: condition())

    def open_assess(self, driver, url):
        driver.get(url)
        self.wait(driver, lambda: driver.find_element(By.ID, "assess-form").get_attribute("data-ready") == "true")

    @staticmethod
    def item(driver, text):
        return driver.find_element(By.XPATH, f"//li[contains(@class, 'assess-criterion')][label[normalize-space()=\"{text}\"]]")

    def test_an_assessment_link_from_v1_keeps_its_tick_on_the_reworded_criterion(self):
        # v1: three criteria, tagged.
        self.write("content/site.yml", "title: Careers\n")
        self.write("content/eng/l3.md", level([OLD, GONE, KEPT]))
        self.git("init", "-q")
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "v1")
        self.git("tag", "v1")
        self.build()

        # An assessment against v1: the criterion that will be reworded ticked, with a note.
        first = self.fresh_browser()
        self.open_assess(first, self.origin + "/eng/l3/assess/")
        self.item(first, OLD).find_element(By.CSS_SELECTOR, "input[type=checkbox]").click()
        self.item(first, OLD).find_element(By.CSS_SELECTOR, "textarea").send_keys("Led the billing migration.")
        self.wait(first, lambda: first.execute_script("return location.hash").startswith("#s="))
        self.wait(first, lambda: first.execute_script("return location.hash") == first.execute_script(
            "return new Promise(r => setTimeout(() => r(location.hash), 400))"))
        link = first.current_url
        old_id = self.item(first, OLD).get_attribute("data-id")

        # v2: reworded, one added, one removed; built with the history of both tags.
        self.write("content/site.yml", "title: Careers\nhistory: [v1, v2]\n")
        self.write("content/eng/l3.md", level([NEW, KEPT, ADDED]))
        self.git("commit", "-q", "-a", "-m", "v2", date="2026-05-02T09:30:00Z")
        self.git("tag", "v2", date="2026-05-02T09:30:00Z")
        self.build()

        later = self.fresh_browser()
        self.open_assess(later, link)
        reworded = self.item(later, NEW)
        self.assertNotEqual(reworded.get_attribute("data-id"), old_id)
        self.assertTrue(reworded.find_element(By.CSS_SELECTOR, "input[type=checkbox]").is_selected())
        mark = reworded.find_element(By.CSS_SELECTOR, ".assess-reworded")
        self.assertTrue(mark.is_displayed())
        self.assertIn("reworded since you ticked it", mark.text)
        self.assertIn(OLD, mark.text)  # what it read when it was ticked
        self.assertEqual(reworded.find_element(By.CSS_SELECTOR, "textarea").get_attribute("value"), "Led the billing migration.")
        # Nothing else ticked, no criterion reported as gone.
        for text in (KEPT, ADDED):
            self.assertFalse(self.item(later, text).find_element(By.CSS_SELECTOR, "input[type=checkbox]").is_selected())
        self.assertTrue(later.find_element(By.ID, "assess-notice").get_attribute("hidden"))
        # Saved again, the link names the new id: opened once more it needs no alias.
        reworded.find_element(By.CSS_SELECTOR, "textarea").send_keys(" And the invoices.")
        self.wait(later, lambda: later.current_url != link)
        self.wait(later, lambda: later.execute_script("return location.hash") == later.execute_script(
            "return new Promise(r => setTimeout(() => r(location.hash), 400))"))
        again = self.fresh_browser()
        self.open_assess(again, later.current_url)
        self.assertTrue(self.item(again, NEW).find_element(By.CSS_SELECTOR, "input[type=checkbox]").is_selected())
        self.assertEqual(len(again.find_elements(By.CSS_SELECTOR, ".assess-reworded")), 0)

        # /changes/: v2 first, with the reworded, added and removed criteria.
        later.get(self.origin + "/changes/")
        versions = [h.text for h in later.find_elements(By.CSS_SELECTOR, "section.changes-version > h2")]
        self.assertEqual(versions, ["v2", "v1"])
        v2 = later.find_elements(By.CSS_SELECTOR, "section.changes-version")[0]
        self.assertIn("2 May 2026", v2.text)
        changes = {li.get_attribute("class").split()[-1]: li for li in v2.find_elements(By.CSS_SELECTOR, "li.change")}
        self.assertEqual(sorted(changes), ["change-added", "change-removed", "change-reworded"])
        marks = [i.get_attribute("textContent") for i in changes["change-reworded"].find_elements(By.TAG_NAME, "ins")]
        self.assertEqual(marks, ["added: a group of teams and their"])
        marks = [d.get_attribute("textContent") for d in changes["change-reworded"].find_elements(By.TAG_NAME, "del")]
        self.assertEqual(marks, ["removed: projects and the team's"])
        self.assertIn(ADDED, changes["change-added"].text)
        self.assertIn(GONE, changes["change-removed"].text)
        # The reworded criterion's link opens it on the level page.
        changes["change-reworded"].find_element(By.CSS_SELECTOR, "a.change-link").click()
        self.wait(later, lambda: "/eng/l3/" in later.current_url)
        self.assertEqual(later.execute_script("return document.querySelector(location.hash).textContent.trim()"), NEW)


if __name__ == "__main__":
    unittest.main(verbosity=2)
