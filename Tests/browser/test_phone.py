#!/usr/bin/env python3
"""Every page of the default theme on a phone, in headless Chromium over HTTP on 127.0.0.1.

Two sites are built by the real ladder binary: the example site (content/) and a fixture site written
here, a git repository with two tags and `history: [v1, v2]` (the only way to get `/changes/`), whose
pages are made to be hard on a narrow screen: long unbroken words, long links and code, a wide Markdown
table, a level named `<script>`, an alias (a redirect page), a docs page, an article with tags.

- Every layout in templates/layouts/ must be the layout of at least one page tested: a layout no page
  uses fails the test, so a new layout cannot go untested. A page's layout is read from what the
  templates write (each layout's `bodyclass`, the 404 page, tag pages, redirects' refresh).
- Every HTML page of both sites (and the search page with a query) is opened at 375 px (CDP device
  metrics: a headless window cannot be that narrow) in light and in dark mode (`prefers-color-scheme`
  emulated), and `document.documentElement.scrollWidth` must be at most 375. A redirect page is also
  opened without its refresh, so its own text is measured and not only where it leads.
- The matrix, with the site's scripts blocked: at 375 px each competency is a card listing every level in order,
  the header row out of sight, the list of competencies above; opened at a competency's anchor, that
  card alone shows, with all levels; axe-core finds nothing, light and dark.
- The home page's career-path diagram: visible, inside the screen's width (it scrolls in its own box),
  one link per level; axe-core finds nothing.
- Screenshots of the phone matrix and of the home page's diagram go to PHONE_SHOTS (/tmp/ladder-shots).

Run by `make test-browser`. LADDER names the binary (default .build/debug/ladder)."""

import base64
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from site_qa import axe_script, make_driver, run_axe, set_view, wait_ready  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LADDER = os.environ.get("LADDER", os.path.join(ROOT, ".build", "debug", "ladder"))
SHOTS = os.environ.get("PHONE_SHOTS", "/tmp/ladder-shots")
PHONE = (375, 812)
LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis-and-antidisestablishmentarianism"
LONG_URL = "https://example.com/" + "very-long-path-segment/" * 8 + "end"


def fixture_files(version):
    """The fixture site's files at `version` (1 or 2): v2 rewords, adds and removes criteria."""
    impact = ["Ships changes to " + LONG_WORD + " every week.", "Writes `" + "a" * 90 + "` in code review."]
    if version == 2:
        impact = ["Ships reviewed changes to " + LONG_WORD + " every week.", "Mentors one engineer."]
    files = {
        "content/site.yml": ("title: The Extraordinarily Long-Named Interplanetary Logistics Company Careers\n"
                             "description: Where we grow.\nhistory: [v1, v2]\n"
                             "tracks:\n  - id: eng\n    title: Engineering " + LONG_WORD + "\n  - id: ops\n    title: Operations\n"),
        "content/index.md": "# Welcome\n\nOur ladder. See " + LONG_URL + " and `" + "b" * 80 + "`.\n",
        "content/guide/start.md": "---\ntitle: Getting started " + LONG_WORD + "\nnav: guide\nlayout: docs\n---\n\n"
                                  "A guide with a long link: <" + LONG_URL + ">.\n\n## One\n\nText.\n\n## Two\n\nText.\n\n## Three\n\n"
                                  "```\n" + "x = 1; " * 40 + "\n```\n",
        "content/about.md": "---\ntitle: About\naliases: [/old/about/" + "deep/" * 12 + "]\n---\n\n"
                            "| " + " | ".join(f"Column {n} heading" for n in range(12)) + " |\n"
                            "|" + "---|" * 12 + "\n| " + " | ".join(LONG_WORD[:20] for _ in range(12)) + " |\n",
        "content/blog/news.md": "---\ntitle: News about " + LONG_WORD + "\ndate: 2026-03-14\ntags: [growth, " + LONG_WORD + "]\n"
                                "authors: [A. Person]\n---\n\nText with " + LONG_URL + ".\n",
    }
    for n in (1, 2, 3):
        title = "Senior Principal Distinguished " + LONG_WORD if n == 3 else f"Engineer {n}"
        extra = "equivalent: O2\n" if n == 3 else ""
        criteria = impact if n == 2 else [f"Does level {n} work.", "Reads " + LONG_URL]
        files[f"content/eng/l{n}.md"] = (f"---\ntitle: {title}\nlevel: L{n}\n{extra}---\n\n## Impact " + LONG_WORD[:30] + "\n\n"
                                         + "".join(f"- {c}\n" for c in criteria) + "\n## Craft\n\n- Writes code.\n")
    for n, title in ((1, "<script>alert(1)</script>"), (2, "Operator & \"Lead\"")):
        files[f"content/ops/o{n}.md"] = f"---\ntitle: '{title}'\nlevel: O{n}\n---\n\n## Impact\n\n- Runs things.\n"
    return files


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a site; `?no-refresh` serves an HTML page without its `<meta http-equiv="refresh">`."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = urllib.parse.urlsplit(self.path)
        if parts.query != "no-refresh":
            return super().do_GET()
        path = self.translate_path(parts.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        with open(path, encoding="utf-8") as f:
            html = re.sub(r'<meta http-equiv="refresh"[^>]*>', "", f.read())
        body = html.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(directory):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def layout_classes():
    """Each layout's body class, from its `{{$bodyclass}}` (a layout without one has the base's `page`)."""
    classes = {}
    for name in sorted(os.listdir(os.path.join(ROOT, "templates", "layouts"))):
        if not name.endswith(".mustache"):
            continue
        with open(os.path.join(ROOT, "templates", "layouts", name), encoding="utf-8") as f:
            found = re.search(r"\{\{\$bodyclass\}\}(.*?)\{\{/bodyclass\}\}", f.read())
        classes[name[:-len(".mustache")]] = found.group(1) if found else None
    return classes


def layout_of(out, path, classes):
    """The layout a built page was written with."""
    with open(os.path.join(out, path), encoding="utf-8") as f:
        html = f.read()
    if path == "404.html":
        return "404"
    if 'http-equiv="refresh"' in html:
        return "redirect"
    if path.startswith("tags/"):
        return "tag"
    body = re.search(r'<body class="([^"]*)"', html).group(1)
    named = [layout for layout, cls in classes.items() if cls == body]
    return named[0] if named else "page"


def url_of(path):
    return "/" + path[:-len("index.html")] if path.endswith("index.html") else "/" + path


def screenshot(driver, file, width, selector=None):
    """The whole page (at most 6000 px), or the box of the first element `selector` matches."""
    if selector:
        box = driver.execute_script("""const r = document.querySelector(arguments[0]).getBoundingClientRect();
            return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height};""", selector)
        clip = {"x": 0, "y": max(0, box["y"] - 16), "width": width, "height": box["height"] + 32, "scale": 1}
    else:
        height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 6000)")
        clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip})
    with open(file, "wb") as f:
        f.write(base64.b64decode(shot["data"]))


class PhoneLayouts(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ladder-phone-")
        cls.sites = {}
        example = os.path.join(cls.tmp, "example")
        shutil.copytree(os.path.join(ROOT, "content"), os.path.join(example, "content"))
        cls.sites["example"] = cls.build(example)
        fixture = os.path.join(cls.tmp, "fixture")
        cls.write_fixture(fixture)
        cls.sites["fixture"] = cls.build(fixture)
        cls.servers = {}
        for name, out in cls.sites.items():
            cls.servers[name] = serve(out)
        cls.axe = axe_script()
        cls.driver = make_driver()
        os.makedirs(SHOTS, exist_ok=True)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        for server, _ in cls.servers.values():
            server.shutdown()
            server.server_close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def build(cls, site):
        out = site + "-public"
        subprocess.run([LADDER, "build", site, "-o", out, "--quiet"], check=True)
        return out

    @classmethod
    def write_fixture(cls, site):
        def git(*arguments, date):
            env = dict(os.environ, GIT_COMMITTER_DATE=date, GIT_AUTHOR_DATE=date)
            subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=T", "-c", "commit.gpgsign=false",
                            "-c", "tag.gpgsign=false", *arguments], cwd=site, env=env, check=True, capture_output=True)
        for version, date in ((1, "2026-03-14T12:00:00Z"), (2, "2026-05-02T09:30:00Z")):
            for path, text in fixture_files(version).items():
                os.makedirs(os.path.dirname(os.path.join(site, path)), exist_ok=True)
                with open(os.path.join(site, path), "w", encoding="utf-8") as f:
                    f.write(text)
            if version == 1:
                git("init", "-q", date=date)
            git("add", "-A", date=date)
            git("commit", "-q", "-m", f"v{version}", date=date)
            git("tag", f"v{version}", date=date)

    def pages(self):
        """(site, url, layout) for every HTML page of both sites, and the search page with a query."""
        classes = layout_classes()
        found = []
        for name, out in self.sites.items():
            for folder, _, files in os.walk(out):
                for file in sorted(files):
                    if file.endswith(".html"):
                        path = os.path.relpath(os.path.join(folder, file), out)
                        found.append((name, url_of(path), layout_of(out, path, classes)))
            found.append((name, "/search/?q=impact", "search"))
        return sorted(found)

    def open(self, site, url, scheme="light", name="page"):
        set_view(self.driver, *PHONE, scheme)
        self.driver.get(self.servers[site][1] + url)
        wait_ready(self.driver, name)

    def scheme(self, scheme):
        """Switches the colour scheme of the open page and waits for it to be drawn again."""
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
            "media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})
        self.driver.execute_async_script("const done = arguments[arguments.length - 1];"
                                         "requestAnimationFrame(() => requestAnimationFrame(() => done(true)));")

    def test_every_layout_is_covered_and_no_page_scrolls_sideways(self):
        pages = self.pages()
        layouts = set(layout_classes())
        covered = {layout for _, _, layout in pages}
        self.assertEqual(layouts - covered, set(), "layouts no page of the two sites uses")
        wide = []
        for site, url, layout in pages:
            targets = [url]
            if layout == "redirect":
                targets.append(url + "?no-refresh")
            for target in targets:
                self.open(site, target, name="search" if layout == "search" else "page")
                if layout == "redirect" and target == url:
                    # Followed: it lands on its target, which is measured as itself too.
                    self.assertNotEqual(self.driver.execute_script("return location.pathname"), url)
                for scheme in ("light", "dark"):
                    self.scheme(scheme)
                    width = self.driver.execute_script("return document.documentElement.scrollWidth")
                    if width > PHONE[0]:
                        wide.append(f"{site} {target} ({layout}, {scheme}): {width} px")
        print(f"{len(pages)} pages of {len(covered)} layouts at {PHONE[0]} px, light and dark")
        self.assertEqual(wide, [], "pages wider than the phone:\n" + "\n".join(wide))

    def test_the_matrix_is_a_card_per_competency_without_script(self):
        # No script of the site's runs: every .js request is blocked (WebDriver's own scripts still run).
        self.driver.execute_cdp_cmd("Network.enable", {})
        self.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*.js"]})
        try:
            for scheme in ("light", "dark"):
                self.open("example", "/engineering/matrix/", scheme)
                self.assertEqual(self.driver.execute_script("return document.documentElement.scrollWidth"), PHONE[0])
                cards = self.driver.execute_script("""
                    const levels = [...document.querySelectorAll(".matrix thead th[scope=col] a")].map(a => a.textContent.trim());
                    const head = document.querySelector(".matrix thead").getBoundingClientRect();
                    return {levels, headHeight: head.height, jump: [...document.querySelectorAll(".matrix-jump a")]
                              .filter(a => a.getBoundingClientRect().width > 0).map(a => a.getAttribute("href")),
                            rows: [...document.querySelectorAll(".matrix tbody tr")].map(tr => {
                              const r = tr.getBoundingClientRect();
                              return {id: tr.id, display: getComputedStyle(tr).display, left: r.left, right: r.right,
                                      labels: [...tr.querySelectorAll(".stack-label")].filter(s => s.getBoundingClientRect().height > 0)
                                                .map(s => s.textContent)};
                            })};""")
                self.assertLessEqual(cards["headHeight"], 1, "the header row is out of sight")
                self.assertEqual(len(cards["levels"]), 5)
                self.assertEqual(len(cards["rows"]), 5)
                self.assertEqual(cards["jump"], ["#" + row["id"] for row in cards["rows"]] + ["#matrix-all"])
                for row in cards["rows"]:
                    self.assertEqual(row["display"], "block")
                    self.assertGreaterEqual(row["left"], 0)
                    self.assertLessEqual(row["right"], PHONE[0])
                    # Every level, in order, named above its cell: "L1 · …" up to "L5 · …".
                    self.assertEqual([label.split(" · ")[0] for label in row["labels"]],
                                     [level.split(" ")[0] for level in cards["levels"]])
                # Picked from the list: that competency alone, every level in it.
                self.driver.get(self.servers["example"][1] + "/engineering/matrix/#competency-ownership")
                shown = self.driver.execute_script("""return [...document.querySelectorAll(".matrix tbody tr")]
                    .filter(tr => tr.getBoundingClientRect().height > 0)
                    .map(tr => [tr.id, tr.querySelectorAll(".stack-label").length]);""")
                self.assertEqual(shown, [["competency-ownership", 5]])
                if scheme == "light":
                    screenshot(self.driver, os.path.join(SHOTS, "matrix-375-one-competency.png"), PHONE[0])
                self.driver.get(self.servers["example"][1] + "/engineering/matrix/#matrix-all")
                self.assertEqual(self.driver.execute_script(
                    "return [...document.querySelectorAll('.matrix tbody tr')].filter(tr => tr.offsetHeight > 0).length"), 5)
        finally:
            self.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
        for scheme in ("light", "dark"):
            self.open("example", "/engineering/matrix/", scheme)
            screenshot(self.driver, os.path.join(SHOTS, f"matrix-375-{scheme}.png"), PHONE[0])
            violations = run_axe(self.driver, self.axe)
            self.assertEqual([v["id"] for v in violations], [], f"axe on the phone matrix ({scheme})")

    def test_the_home_page_diagram_on_a_phone(self):
        """Visible, inside the screen (it scrolls in its own box), one link per level of ladder.json in the
        site's level order within each track, coloured by the theme in each mode, axe clean, printed."""
        with open(os.path.join(self.sites["example"], "ladder.json"), encoding="utf-8") as f:
            ladder = json.load(f)
        path = lambda url: urllib.parse.urlsplit(url).path  # ladder.json's URLs are absolute (base_url)
        levels = {path(track["url"]): [path(level["url"]) for level in track["levels"]]
                  for track in ladder["tracks"] if track["levels"]}
        colours = {}
        self.driver.execute_cdp_cmd("Network.enable", {})
        self.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*.js"]})
        try:
            for scheme in ("light", "dark"):
                self.open("example", "/", scheme)
                seen = self.driver.execute_script("""
                    const svg = document.querySelector(".career-paths-svg"), box = svg.parentElement;
                    const r = svg.getBoundingClientRect(), b = box.getBoundingClientRect();
                    const rect = svg.querySelector(".cp-level rect"), text = svg.querySelector(".cp-level text");
                    return {width: r.width, height: r.height, boxLeft: b.left, boxRight: b.right,
                            scrolls: box.scrollWidth > box.clientWidth, tabindex: box.getAttribute("tabindex"),
                            visible: svg.checkVisibility({opacityProperty: true, visibilityProperty: true}),
                            columns: [...svg.querySelectorAll(".cp-track")].map(g => ({
                                track: g.querySelector(".cp-track-link").getAttribute("href"),
                                levels: [...g.querySelectorAll("a.cp-level")].map(a => a.getAttribute("href"))})),
                            fill: getComputedStyle(rect).fill, text: getComputedStyle(text).fill,
                            page: getComputedStyle(document.body).backgroundColor,
                            listed: [...document.querySelectorAll(".career-paths-text ol a")].map(a => a.getAttribute("href"))};""")
                self.assertTrue(seen["visible"])
                self.assertGreater(seen["width"], 300)
                self.assertGreater(seen["height"], 200)
                self.assertGreaterEqual(seen["boxLeft"], 0)
                self.assertLessEqual(seen["boxRight"], PHONE[0])
                self.assertTrue(seen["scrolls"], "wider than a phone: it scrolls in its own box")
                self.assertEqual(seen["tabindex"], "0", "the box scrolls from the keyboard")
                # Each track a column, its levels in order; every level once, and the list says the same.
                self.assertEqual({c["track"]: c["levels"] for c in seen["columns"]}, levels)
                self.assertEqual(sorted(seen["listed"]), sorted(url for urls in levels.values() for url in urls))
                colours[scheme] = (seen["fill"], seen["text"], seen["page"])
                violations = run_axe(self.driver, self.axe)
                self.assertEqual([v["id"] for v in violations], [], f"axe on the home page ({scheme})")
                self.driver.execute_script("document.querySelector('.career-paths').scrollIntoView()")
                screenshot(self.driver, os.path.join(SHOTS, f"home-diagram-375-{scheme}.png"), PHONE[0], ".career-paths")
            self.assertNotEqual(colours["light"], colours["dark"], "the diagram follows dark mode")
            set_view(self.driver, 1280, 900, "light")
            self.driver.get(self.servers["example"][1] + "/")
            wait_ready(self.driver, "page")
            screenshot(self.driver, os.path.join(SHOTS, "home-diagram-1280-light.png"), 1280, ".career-paths")
            # Printed: the diagram's words are in the PDF (SVG text stays text), inside the page's width.
            pdf = self.driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True})
            file = os.path.join(self.tmp, "home.pdf")
            with open(file, "wb") as f:
                f.write(base64.b64decode(pdf["data"]))
            text = subprocess.run(["pdftotext", "-layout", file, "-"], capture_output=True, text=True).stdout
            self.assertIn("Career paths", text)
            self.assertIn("Engineering Manager", text)
        finally:
            self.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})


if __name__ == "__main__":
    unittest.main(verbosity=2)
