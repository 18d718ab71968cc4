"""The manual (docs/), as `make docs` built it, served on 127.0.0.1 and crawled by linkchecker: every internal
link, stylesheet, script and image must resolve, and the crawl must reach every page the build wrote."""
import functools
import http.server
import pathlib
import sys
import threading

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
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        checked, broken = linkcheck.crawl(f"http://127.0.0.1:{server.server_port}/")
    finally:
        server.shutdown()
    print(f"linkchecker checked {checked} URLs of the manual ({len(pages)} pages)")
    if checked < len(pages):
        broken.append(f"only {checked} URLs were checked for {len(pages)} pages: the crawl did not get through the site")
    for line in broken:
        print("FAIL " + line)
    sys.exit(1 if broken else 0)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/public")
