"""The manual (docs/), as `make docs` built it, served on 127.0.0.1 and crawled by linkchecker: every internal
link, stylesheet, script and image must resolve, and the crawl must reach every page the build wrote. The
manual holds no ladder: its ladder.json must list no track (a page of it read as a ladder by mistake would)."""
import functools
import json
import http.server
import pathlib
import sys
import threading

# Importing Tests/browser/linkcheck.py leaves no __pycache__ in the tree.
sys.dont_write_bytecode = True
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "browser"))
import linkcheck  # noqa: E402


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main(out):
    root = pathlib.Path(out)
    # The pages a crawl from the home page must reach (redirect pages, 404 and assess pages aside).
    pages = [p for p in root.rglob("index.html") if "assess" not in p.parts]
    if len(pages) < 10:
        sys.exit(f"{out}: only {len(pages)} pages; was the manual built?")
    tracks = json.loads((root / "ladder.json").read_text())["tracks"]
    if tracks:
        sys.exit("the manual was read as holding a ladder: " + ", ".join(f"{t['id']} at {t['url']}" for t in tracks)
                 + " (see `ladder check docs --explain`)")
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_port}"
    try:
        urls, broken = linkcheck.crawl_urls(origin + "/")
    finally:
        server.shutdown()
    print(f"linkchecker checked {len(urls)} URLs of the manual ({len(pages)} pages)")
    reached = {u.removeprefix(origin) for u in urls}
    for page in sorted(pages):
        url = "/" + str(page.parent.relative_to(root)).removeprefix(".").strip("/") + "/"
        url = url.replace("//", "/")
        if url not in reached:
            broken.append(f"{url}: no link leads to this page from the home page")
    for line in broken:
        print("FAIL " + line)
    sys.exit(1 if broken else 0)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/public")
