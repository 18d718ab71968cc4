"""The publishing recipes under deploy/, the Dockerfile among them: read as their hosts read them (YAML, TOML), with
the jobs and settings each host needs, and all of them installing the version `ladder --version` prints.
actionlint and hadolint check the GitHub workflow and the Dockerfile themselves (make test-recipes)."""
import pathlib
import re
import sys
import tomllib

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
VERSION = re.search(r'static let current = "([^"]+)"', (ROOT / "Sources/LadderCLI/NewCommand.swift").read_text()).group(1)
ARCHIVE = "ladder-$LADDER_VERSION-linux-x86_64.tar.gz"
results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"))


def test_github():
    workflow = yaml.safe_load((ROOT / "deploy/github-pages.yml").read_text())
    check("github: the version is ladder's", workflow["env"]["LADDER_VERSION"] == VERSION, workflow["env"])
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    uses = [step.get("uses", "") for step in build["steps"]]
    runs = "\n".join(step.get("run", "") for step in build["steps"])
    check("github: downloads the release archive and checks it",
          "releases/download/v${LADDER_VERSION}" in runs and "sha256sum" in runs, runs)
    check("github: builds with --strict", "ladder build . --strict" in runs, runs)
    upload = [s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    check("github: uploads public/ as the Pages artifact", upload and upload[0]["with"]["path"] == "public", uses)
    check("github: deploys with actions/deploy-pages",
          any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"]), deploy)
    check("github: the deploy job may write Pages and mint the OIDC token",
          deploy["permissions"] == {"pages": "write", "id-token": "write"}, deploy["permissions"])
    check("github: pull requests do not deploy", "pull_request" in deploy["if"], deploy["if"])


def test_gitlab():
    ci = yaml.safe_load((ROOT / "deploy/gitlab-ci.yml").read_text())
    check("gitlab: the version is ladder's", ci["variables"]["LADDER_VERSION"] == VERSION, ci["variables"])
    before = "\n".join(ci["default"]["before_script"])
    check("gitlab: downloads the release archive and checks it",
          "releases/download/v${LADDER_VERSION}" in before and "sha256sum" in before, before)
    pages = ci["pages"]
    check("gitlab: a job named pages publishes public/", pages["artifacts"]["paths"] == ["public"], pages)
    check("gitlab: pages builds with --strict", any("ladder build . --strict" in line for line in pages["script"]), pages)
    check("gitlab: only the default branch publishes",
          pages["rules"][0]["if"] == "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", pages["rules"])


def test_netlify():
    config = tomllib.loads((ROOT / "deploy/netlify.toml").read_text())
    build = config["build"]
    check("netlify: the version is ladder's", build["environment"]["LADDER_VERSION"] == VERSION, build["environment"])
    check("netlify: publishes public/", build["publish"] == "public", build)
    command = build["command"]
    check("netlify: the command is one line", "\n" not in command, command)
    check("netlify: downloads the release archive and checks it",
          ARCHIVE in command and "sha256sum" in command, command)
    check("netlify: builds with --strict", "ladder build . --strict" in command, command)


def test_dockerfile():
    text = (ROOT / "deploy/Dockerfile").read_text()
    stages = re.findall(r"^FROM (\S+)", text, re.M)
    check("docker: a Swift build stage, then a slim runtime stage",
          len(stages) == 2 and stages[0].startswith("swift:6.") and stages[1] == "debian:bookworm-slim", stages)
    check("docker: the runtime stage holds the binary, ladder is the entry point, /site the folder",
          'ENTRYPOINT ["ladder"]' in text and "WORKDIR /site" in text
          and "COPY --from=build /out/ladder /usr/local/bin/ladder" in text, text)
    ignored = (ROOT / ".dockerignore").read_text().split()
    check("docker: the build context leaves out builds and outputs",
          {".build*/", "dist/", "public/", "docs/public/"} <= set(ignored), ignored)


for test in (test_github, test_gitlab, test_netlify, test_dockerfile):
    test()
passed = sum(results)
print(f"{passed} passed, {len(results) - passed} failed")
sys.exit(0 if passed == len(results) else 1)
