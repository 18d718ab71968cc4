"""The ladder as data: /ladder.json against its JSON Schema (jsonschema, draft 2020-12), and each
/<track>/matrix.csv read back by Python's csv module, on sites built by the real binary.

Run with LADDER=path/to/ladder (make test-data does)."""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from urllib.parse import urlparse

import jsonschema

LADDER = os.environ.get("LADDER", ".build/debug/ladder")
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

TRICKY_LEVEL = """---
level: L1
summary: "Starts out: small, \\"quoted\\" work."
---

## Impact

- Says "no", politely, when a request is unsafe.
- Handles <script>alert(1)</script> & friends as text.
- Writes ünïcödé, emoji 🚚, and a line\u2028separator.

## Craft, and care

Writes clear code. Reviews others' code, kindly.
"""


def build(site, out):
    subprocess.run([LADDER, "build", site, "-o", out, "--quiet"], check=True)


def local(out, data, url, name=""):
    """The file under `out` for a URL of ladder.json (absolute when the site has a base_url with a scheme)."""
    base = urlparse(data["url"]).path
    path = urlparse(url).path
    return os.path.join(out, path[len(base):], name) if name else os.path.join(out, path[len(base):])


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


class LadderDataTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ladder-data-")
        cls.example = os.path.join(cls.tmp, "example")
        build(REPO, cls.example)
        cls.tricky_site = os.path.join(cls.tmp, "tricky")
        os.makedirs(os.path.join(cls.tricky_site, "content", "eng"))
        with open(os.path.join(cls.tricky_site, "content", "eng", "l1.md"), "w", encoding="utf-8") as f:
            f.write(TRICKY_LEVEL)
        cls.tricky = os.path.join(cls.tmp, "tricky-out")
        build(cls.tricky_site, cls.tricky)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def ladder(self, out):
        schema = json.loads(read(os.path.join(out, "ladder.schema.json")))
        jsonschema.Draft202012Validator.check_schema(schema)
        data = json.loads(read(os.path.join(out, "ladder.json")))
        jsonschema.Draft202012Validator(schema).validate(data)
        return data

    def test_example_site_is_valid_against_the_schema_and_matches_its_pages(self):
        data = self.ladder(self.example)
        self.assertRegex(data["version"], r"^[0-9a-f]{10}$")
        tracks = {t["id"]: t for t in data["tracks"]}
        self.assertIn("engineering", tracks)
        self.assertIn("warehouse-operations", [t["id"] for t in data["tracks"]] + [t["url"].strip("/").split("/")[-1] for t in data["tracks"]])
        criteria = 0
        for track in data["tracks"]:
            for level in track["levels"]:
                page = read(local(self.example, data, level["url"], "index.html"))
                ids = set(re.findall(r' id="([^"]+)"', page))
                for competency in level["competencies"]:
                    self.assertIn(competency["url"].split("#")[1], ids, competency["url"])
                    for criterion in competency["criteria"]:
                        criteria += 1
                        anchor = criterion["url"].split("#")[1]
                        self.assertIn(anchor, ids, criterion["url"])
        self.assertGreater(criteria, 100)
        # "All levels" criteria: listed once per track, each with its id on the level pages.
        shared = [t for t in data["tracks"] if t.get("shared")]
        self.assertTrue(shared)
        for track in shared:
            page = read(local(self.example, data, track["shared"][0]["url"].split("#")[0], "index.html"))
            for criterion in track["shared"]:
                self.assertIn(' id="' + criterion["url"].split("#")[1] + '"', page)
        # The job family's own ids are kept.
        family = [t for t in data["tracks"] if t["url"].rstrip("/").endswith("warehouse-operations")][0]
        first = family["levels"][0]["competencies"][0]["criteria"][0]
        self.assertEqual(first["id"], "5b0c3e8e-2f6a-4a1e-9a53-0d1c6e1f2a01")

    def test_csv_reads_back_one_row_per_criterion(self):
        data = self.ladder(self.example)
        for track in data["tracks"]:
            if not track["levels"]:
                continue
            path = local(self.example, data, track["matrix_csv"])
            with open(path, encoding="utf-8", newline="") as f:
                rows = list(csv.reader(f))
            self.assertEqual(rows[0], ["track", "level", "competency", "criterion_id", "text", "url"])
            expected = [[track["id"], level["id"], c["name"], k["id"], k["text"], k["url"]]
                        for level in track["levels"] for c in level["competencies"] for k in c["criteria"]]
            expected += [[track["id"], "all", "At every level", k["id"], k["text"], k["url"]] for k in track.get("shared", [])]
            self.assertEqual(rows[1:], expected, track["id"])

    def test_quotes_commas_markup_and_unicode_survive_both_formats(self):
        data = self.ladder(self.tricky)
        level = data["tracks"][0]["levels"][0]
        self.assertEqual(level["summary"], 'Starts out: small, "quoted" work.')
        texts = [k["text"] for c in level["competencies"] for k in c["criteria"]]
        self.assertIn('Says "no", politely, when a request is unsafe.', texts)
        self.assertIn("Handles alert(1) & friends as text.", texts)  # the tags are dropped, as on the page
        self.assertIn("Writes ünïcödé, emoji 🚚, and a line\u2028separator.", texts)
        self.assertIn("Reviews others' code, kindly.", texts)
        raw = read(os.path.join(self.tricky, "ladder.json"))
        self.assertNotIn("\u2028", raw)  # escaped, so the file is valid JavaScript too
        with open(os.path.join(self.tricky, "eng", "matrix.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        self.assertEqual([r[4] for r in rows[1:]], texts)
        self.assertIn("Craft, and care", [r[2] for r in rows])
        with open(os.path.join(self.tricky, "eng", "matrix.csv"), "rb") as f:
            self.assertIn(b'"Says ""no"", politely, when a request is unsafe.",', f.read())

    def test_version_changes_with_the_content_and_only_then(self):
        again = os.path.join(self.tmp, "tricky-again")
        build(self.tricky_site, again)
        self.assertEqual(read(os.path.join(again, "ladder.json")), read(os.path.join(self.tricky, "ladder.json")))
        path = os.path.join(self.tricky_site, "content", "eng", "l1.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(TRICKY_LEVEL.replace("politely", "kindly"))
        try:
            changed = os.path.join(self.tmp, "tricky-changed")
            build(self.tricky_site, changed)
            self.assertNotEqual(json.loads(read(os.path.join(changed, "ladder.json")))["version"],
                                json.loads(read(os.path.join(self.tricky, "ladder.json")))["version"])
        finally:
            with open(path, "w", encoding="utf-8") as f:
                f.write(TRICKY_LEVEL)

    def test_aliases_of_reworded_criteria_are_valid_against_the_schema(self):
        """With history: in site.yml, a criterion reworded since the last tag lists its old id as an alias."""
        site = os.path.join(self.tmp, "history")
        shutil.copytree(self.tricky_site, site)
        def git(*arguments):
            subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=T", "-c", "commit.gpgsign=false",
                            "-c", "tag.gpgsign=false", *arguments], cwd=site, check=True, capture_output=True)
        git("init", "-q")
        git("add", "-A")
        git("commit", "-q", "-m", "v1")
        git("tag", "v1")
        old = self.ladder(self.tricky)
        with open(os.path.join(site, "content", "site.yml"), "w", encoding="utf-8") as f:
            f.write("title: Careers\nhistory: [v1]\n")
        with open(os.path.join(site, "content", "eng", "l1.md"), "w", encoding="utf-8") as f:
            f.write(TRICKY_LEVEL.replace("politely", "kindly"))
        out = os.path.join(self.tmp, "history-out")
        build(site, out)
        data = self.ladder(out)
        def criteria(d):
            return {c["text"]: c for t in d["tracks"] for l in t["levels"] for g in l["competencies"] for c in g["criteria"]}
        before, after = criteria(old), criteria(data)
        reworded = after['Says "no", kindly, when a request is unsafe.']
        self.assertEqual(reworded["aliases"], [before['Says "no", politely, when a request is unsafe.']["id"]])
        self.assertEqual([c for c in after.values() if "aliases" in c], [reworded])


if __name__ == "__main__":
    sys.exit(0 if unittest.main(exit=False, verbosity=2).result.wasSuccessful() else 1)
