#!/usr/bin/env python3
"""What changes between two levels, in a real browser: the example site (content/) is built by the real
ladder binary and its L3 vs L4 comparison opened in headless Chromium over HTTP on 127.0.0.1.

- the Impact criterion is a reworded pair, with "a group of teams." marked as added (in <ins>, underlined,
  with its visually hidden "added:" word), and "projects and the team's goals." as removed;
- axe-core (the axe.min.js that axe-playwright-python ships, injected as site_qa.py does) finds no
  violation, on a wide screen and at 375 px;
- at 375 px (Emulation.setDeviceMetricsOverride: headless windows are never that narrow) nothing scrolls
  sideways and the two levels stack, L4 (its changes) above L3;
- "Show only what changes" hides unchanged rows and items without any script;
- printed, the marks keep their words.

Run by `make test-browser`. LADDER names the binary (default .build/debug/ladder)."""

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from site_qa import axe_script, make_driver, run_axe, set_view, wait_ready  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LADDER = os.environ.get("LADDER", os.path.join(ROOT, ".build", "debug", "ladder"))
PAGE = "/engineering/compare/l3-vs-l4/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class CompareInBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.out = tempfile.mkdtemp(prefix="ladder-compare-")
        site = tempfile.mkdtemp(prefix="ladder-compare-site-")
        shutil.copytree(os.path.join(ROOT, "content"), os.path.join(site, "content"))
        subprocess.run([LADDER, "build", site, "-o", cls.out, "--quiet"], check=True)
        shutil.rmtree(site)
        handler = functools.partial(QuietHandler, directory=cls.out)
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.origin = f"http://127.0.0.1:{cls.server.server_address[1]}"
        cls.axe = axe_script()
        cls.driver = make_driver()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.shutdown()
        cls.server.server_close()
        shutil.rmtree(cls.out)

    def open(self, width, height=900, path=PAGE):
        set_view(self.driver, width, height, "light")
        self.driver.get(self.origin + path)
        wait_ready(self.driver, "compare")

    def test_the_reworded_pair_shows_its_added_words(self):
        self.open(1280)
        pair = self.driver.execute_script("""
            const row = [...document.querySelectorAll("table.compare tbody tr")]
                .find(tr => tr.querySelector("th").textContent.startsWith("Impact"));
            const li = [...row.querySelectorAll("td.higher li.diff-reworded")]
                .find(li => li.textContent.includes("Impact at"));
            const ins = [...li.querySelectorAll("ins")].map(e => e.textContent);
            const del = [...li.querySelectorAll("del")].map(e => e.textContent);
            const mark = li.querySelector("ins");
            return {ins, del,
                    insLine: getComputedStyle(mark).textDecorationLine,
                    delLine: getComputedStyle(li.querySelector("del")).textDecorationLine,
                    hidden: mark.querySelector(".visually-hidden").getBoundingClientRect().width};""")
        self.assertIn("added: a group of teams.", pair["ins"])
        self.assertIn("removed: projects and the team's goals.", pair["del"])
        # The marks are not colour alone: underlined and struck through, and named for screen readers.
        self.assertIn("underline", pair["insLine"])
        self.assertIn("line-through", pair["delLine"])
        self.assertLessEqual(pair["hidden"], 1)  # on screen only for screen readers

    def test_axe_finds_no_violation_wide_and_narrow(self):
        for width in (1280, 375):
            self.open(width)
            violations = run_axe(self.driver, self.axe)
            self.assertEqual([], [f"{v['id']}: {v['help']}" for v in violations], f"at {width} px")
        # The level page's "What changes from L3" too.
        self.open(1280, path="/engineering/l4/")
        violations = run_axe(self.driver, self.axe)
        self.assertEqual([], [f"{v['id']}: {v['help']}" for v in violations], "level page")

    def test_at_375_px_the_levels_stack_with_no_sideways_scroll(self):
        self.open(375, 812)
        widths = self.driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]")
        self.assertLessEqual(widths[0], 375, f"page is {widths[0]} px wide")
        boxes = self.driver.execute_script("""
            const row = document.querySelector("table.compare tbody tr");
            const box = e => e.getBoundingClientRect();
            const region = document.querySelector(".table-scroll");
            return {higher: box(row.querySelector("td.higher")), lower: box(row.querySelector("td.lower")),
                    scroll: [region.scrollWidth, region.clientWidth]};""")
        self.assertLess(boxes["higher"]["top"], boxes["lower"]["top"], "L4 comes first")
        self.assertLessEqual(boxes["higher"]["right"], 375)
        self.assertLessEqual(boxes["scroll"][0], boxes["scroll"][1], "the table box scrolls sideways")

    def test_only_what_changes_without_script(self):
        self.open(1280)
        self.assertFalse(self.driver.execute_script("return document.getElementById('only-changes').checked"))
        shown = "return [...document.querySelectorAll('table.compare li.diff-same, table.compare tr.row-same')]" \
                ".filter(e => e.offsetParent !== null).length"
        self.driver.find_element("css selector", "label[for=only-changes]").click()
        self.assertTrue(self.driver.execute_script("return document.getElementById('only-changes').checked"))
        self.assertEqual(0, self.driver.execute_script(shown))
        # Reworded and new expectations are still there.
        self.assertGreater(self.driver.execute_script(
            "return [...document.querySelectorAll('li.diff-reworded, li.diff-added')].filter(e => e.offsetParent !== null).length"), 0)

    def test_print_keeps_the_words_of_the_marks(self):
        self.open(1280)
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            width = self.driver.execute_script(
                "return document.querySelector('li.diff-reworded ins .visually-hidden').getBoundingClientRect().width")
            self.assertGreater(width, 5)
        finally:
            self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


if __name__ == "__main__":
    unittest.main(verbosity=2)
