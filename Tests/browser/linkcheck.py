"""linkchecker over a served site, shared by site_qa.py and deploy_test.py."""

import csv
import io
import subprocess


def crawl(start_url):
    """Crawls every internal link from `start_url` (no --check-extern: canonical and og: links name the
    real site's host). Returns (how many URLs were checked, the broken ones as text lines)."""
    urls, broken = crawl_urls(start_url)
    return len(urls), broken


def crawl_urls(start_url):
    """As `crawl`, but returns the URLs checked themselves (with repeats, as linkchecker lists them)."""
    run = subprocess.run(["linkchecker", "--no-status", "--no-robots", "--verbose", "-o", "csv", start_url],
                         capture_output=True, text=True)
    rows = [line for line in run.stdout.splitlines() if line.strip() and not line.startswith("#")]
    urls, broken = [], []
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        urls.append(row.get("url") or "")
        if row.get("valid") != "True":
            broken.append(f"{row.get('url')} (linked from {row.get('parentname')}): {row.get('result')}")
    if run.returncode not in (0, 1):
        broken.append(f"linkchecker exited {run.returncode}: {run.stderr.strip()[-500:]}")
    return urls, broken
