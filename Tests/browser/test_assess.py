#!/usr/bin/env python3
"""The self-assessment page in a real browser: headless Chromium (Selenium) against a site built by the
real ladder binary and served over HTTP on 127.0.0.1. Ticks and a note go into the address; the address
opened in a fresh browser profile shows the same; the page printed to PDF (Page.printToPDF, read back with
pdftotext) has the ticks; a link made before a criterion was reworded says that one changed.

Run by `make test-browser`. LADDER names the binary (default .build/debug/ladder)."""

import base64
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
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LADDER = os.environ.get("LADDER", os.path.join(ROOT, ".build", "debug", "ladder"))

SHIPS = "Ships small features end to end."
TESTS = "Writes tests alongside every change."
ASKS = "Asks for help after an hour stuck."
REWORDED = "Writes tests before every change."


def level_one(tests_text):
    return f"""---
level: L1
summary: Learning the codebase.
---

## Impact

- {SHIPS}
- {tests_text}

## Collaboration

- {ASKS}
- Reviews a teammate's pull request each week.
"""


LEVEL_TWO = """---
level: L2
summary: Works independently.
---

## Impact

- Ships features of a few weeks.
- Writes tests alongside every change.
"""


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


class AssessInBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ladder-assess-")
        cls.site = os.path.join(cls.tmp, "site")
        cls.out = os.path.join(cls.tmp, "public")
        os.makedirs(os.path.join(cls.site, "content", "eng"))
        cls.write_site(TESTS)
        handler = functools.partial(QuietHandler, directory=cls.out)
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.origin = f"http://127.0.0.1:{cls.server.server_address[1]}"
        cls.drivers = []

    @classmethod
    def write_site(cls, tests_text):
        with open(os.path.join(cls.site, "content", "eng", "l1.md"), "w", encoding="utf-8") as f:
            f.write(level_one(tests_text))
        with open(os.path.join(cls.site, "content", "eng", "l2.md"), "w", encoding="utf-8") as f:
            f.write(LEVEL_TWO)
        subprocess.run([LADDER, "build", cls.site, "-o", cls.out, "--quiet"], check=True)

    @classmethod
    def tearDownClass(cls):
        for driver in cls.drivers:
            driver.quit()
        cls.server.shutdown()
        cls.server.server_close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def fresh_browser(self):
        """A browser with a profile of its own: no localStorage, no history."""
        driver = make_driver(tempfile.mkdtemp(prefix="profile-", dir=self.tmp))
        self.drivers.append(driver)
        return driver

    @staticmethod
    def wait(driver, condition, timeout=10):
        return WebDriverWait(driver, timeout).until(lambda d: condition())

    def open_assess(self, driver, url=None):
        driver.get(url or self.origin + "/eng/l1/assess/")
        self.wait(driver, lambda: driver.find_element(By.ID, "assess-form").get_attribute("data-ready") == "true")

    @staticmethod
    def box(driver, text):
        label = driver.find_element(By.XPATH, f"//label[normalize-space()='{text}']")
        return driver.find_element(By.ID, label.get_attribute("for"))

    @staticmethod
    def note(driver, text):
        item = driver.find_element(By.XPATH, f"//label[normalize-space()='{text}']/..")
        return item.find_element(By.CSS_SELECTOR, "textarea")

    def make_link(self):
        """Ticks two criteria (one with the keyboard) and writes a note; returns the address."""
        driver = self.fresh_browser()
        self.open_assess(driver)
        self.box(driver, SHIPS).click()
        tests = self.box(driver, TESTS)
        tests.send_keys(Keys.SPACE)  # keyboard: a real checkbox toggles with Space
        self.note(driver, SHIPS).send_keys("Shipped the CSV export, PR #1234, \"on time\".")
        self.wait(driver, lambda: driver.execute_script("return location.hash").startswith("#s="))
        self.wait(driver, lambda: "Shipped" in driver.execute_script(
            "return JSON.stringify(localStorage)"))
        # Let the last save (debounced note) reach the address.
        self.wait(driver, lambda: driver.execute_script("return location.hash") == driver.execute_script(
            "return new Promise(r => setTimeout(() => r(location.hash), 400))"))
        return driver, driver.current_url

    def test_a_portuguese_site_counts_and_answers_in_portuguese(self):
        # The pt-BR fixture (language: pt-BR), with counts on, under /pt/ beside the English site.
        site = os.path.join(self.tmp, "pt-site")
        shutil.copytree(os.path.join(ROOT, "Tests", "LadderTests", "Fixtures", "sites", "pt-BR", "content"),
                        os.path.join(site, "content"))
        with open(os.path.join(site, "content", "site.yml"), "a", encoding="utf-8") as f:
            f.write("assess:\n  counts: true\n")
        subprocess.run([LADDER, "build", site, "-o", os.path.join(self.out, "pt"), "--base-url", "/pt/", "--quiet"], check=True)
        driver = self.fresh_browser()
        self.open_assess(driver, self.origin + "/pt/engenharia/n1/assess/")
        self.box(driver, "Escreve código legível com revisão.").click()
        count = driver.find_element(By.XPATH, "//fieldset[.//label[normalize-space()='Escreve código legível com revisão.']]"
                                              "//span[contains(@class, 'assess-count')]")
        self.wait(driver, lambda: count.text == "1 de 2")
        driver.execute_script("window.dispatchEvent(new Event('beforeprint'))")
        self.assertTrue(driver.find_element(By.ID, "assess-print-date").get_attribute("textContent").startswith("Impresso em "))
        driver.find_element(By.CSS_SELECTOR, "button[data-action=copy]").click()
        status = driver.find_element(By.ID, "assess-status")
        self.wait(driver, lambda: status.text in ("Link copiado.", "Copie o endereço desta página para compartilhá-la."))

    def test_a_link_opens_with_the_same_ticks_and_note_in_a_fresh_browser_and_prints_them(self):
        first, link = self.make_link()
        self.assertTrue(self.box(first, SHIPS).is_selected())
        # The same browser restores from localStorage without the fragment.
        self.open_assess(first, self.origin + "/eng/l1/assess/")
        self.assertTrue(self.box(first, TESTS).is_selected())

        other = self.fresh_browser()
        self.open_assess(other, link)
        self.assertTrue(self.box(other, SHIPS).is_selected())
        self.assertTrue(self.box(other, TESTS).is_selected())
        self.assertFalse(self.box(other, ASKS).is_selected())
        self.assertEqual(self.note(other, SHIPS).get_attribute("value"), "Shipped the CSV export, PR #1234, \"on time\".")
        self.assertTrue(other.find_element(By.ID, "assess-notice").get_attribute("hidden"))

        # Print to PDF: the ticks are in the document, the unticked are empty boxes, the note is printed.
        pdf = base64.b64decode(other.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})["data"])
        path = os.path.join(self.tmp, "assess.pdf")
        with open(path, "wb") as f:
            f.write(pdf)
        text = " ".join(subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True,
                                       text=True).stdout.split())
        self.assertIn("[x] " + SHIPS, text)
        self.assertIn("[x] " + TESTS, text)
        self.assertIn("[ ] " + ASKS, text)
        self.assertIn("Shipped the CSV export", text)
        self.assertNotIn("Copy link", text)  # the toolbar is not printed

    def test_a_link_made_before_a_criterion_was_reworded_says_that_one_changed(self):
        _, link = self.make_link()
        try:
            self.write_site(REWORDED)
            later = self.fresh_browser()
            self.open_assess(later, link)
            notice = later.find_element(By.ID, "assess-notice")
            self.assertFalse(notice.get_attribute("hidden"))
            changed = [li.text for li in notice.find_elements(By.CSS_SELECTOR, "li.assess-changed")]
            self.assertEqual(len(changed), 1, changed)
            self.assertIn(TESTS, changed[0])
            self.assertIn("earlier version", notice.text)
            # The criterion that did not change keeps its tick and its note; the reworded one is unticked.
            self.assertTrue(self.box(later, SHIPS).is_selected())
            self.assertIn("CSV export", self.note(later, SHIPS).get_attribute("value"))
            self.assertFalse(self.box(later, REWORDED).is_selected())
        finally:
            self.write_site(TESTS)

    def test_the_next_levels_new_expectations_are_a_section_of_their_own(self):
        driver = self.fresh_browser()
        self.open_assess(driver)
        section = driver.find_element(By.CSS_SELECTOR, "section.assess-next")
        labels = [l.text for l in section.find_elements(By.CSS_SELECTOR, "li.assess-criterion > label:first-of-type")]
        self.assertEqual(labels, ["Ships features of a few weeks."])
        # Every checkbox has a label and every competency is a fieldset with a legend.
        for box in driver.find_elements(By.CSS_SELECTOR, "input[type=checkbox]"):
            self.assertEqual(len(driver.find_elements(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']")), 1)
        self.assertEqual(len(driver.find_elements(By.CSS_SELECTOR, "fieldset.assess-competency > legend")), 3)


if __name__ == "__main__":
    unittest.main(verbosity=2)
