"""linkchecker over a served site, shared by site_qa.py and deploy_test.py."""

import csv
import io
import subprocess


def crawl(start_url):
    """Crawls every internal link from `start_url` (no --check-extern: canonical and og: links name the
    real site's host). Returns (how many URLs were checked, the broken ones as text lines)."""
    run = subprocess.run(["linkchecker", "--no-status", "--no-robots", "--verbose", "-o", "csv", start_url],
                         capture_output=True, text=True)
    rows = [line for line in run.stdout.splitlines() if line.strip() and not line.startswith("#")]
    checked, broken = 0, []
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        checked += 1
        if row.get("valid") != "True":
            broken.append(f"{row.get('url')} (linked from {row.get('parentname')}): {row.get('result')}")
    if run.returncode not in (0, 1):
        broken.append(f"linkchecker exited {run.returncode}: {run.stderr.strip()[-500:]}")
    return checked, broken
