import Testing
@testable import LadderModel

/// Links that would run code are removed whatever the site's raw-HTML setting, as a browser reads them.
@Suite struct LinkResolverSchemeTests {
    @Test func script_schemes_are_found_as_browsers_read_them() {
        for url in ["javascript:alert(1)", "JavaScript:x", " javascript:x", "java\tscript:x", "java\nscript:x",
                    "vbscript:msgbox", "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", "\u{1}javascript:x"] {
            #expect(LinkResolver.scriptingScheme(url, isImage: false) != nil, "\(url)")
        }
        for url in ["https://example.com", "mailto:a@b.c", "javascript", "l3.md", "#javascript:x", "/data:x", "notes/javascript.md"] {
            #expect(LinkResolver.scriptingScheme(url, isImage: false) == nil, "\(url)")
        }
        #expect(LinkResolver.scriptingScheme("data:image/png;base64,iVBORw0KGgo=", isImage: true) == nil)
        #expect(LinkResolver.scriptingScheme("data:image/svg+xml;base64,PHN2Zz4=", isImage: true) == "data")
        #expect(LinkResolver.scriptingScheme("data:image/png;base64,iVBORw0KGgo=", isImage: false) == "data")
    }

    @Test func a_raw_html_site_still_loses_script_links_with_a_warning() throws {
        let site = try TempSite(files: [
            "content/site.yml": "raw_html: true\n",
            "content/index.md": "# Home\n\n[run](javascript:alert(1)) and [ok](https://example.com)\n",
        ])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0)
        #expect(result.err.contains("content/index.md:3:1: warning: link to a 'javascript:' URL removed"), "\(result.err)")
        let page = try site.read("public/index.html")
        #expect(page.contains("<a href=\"\">run</a>"))
        #expect(page.contains("<a href=\"https://example.com\">ok</a>"))
        #expect(site.ladder(["check", site.path, "--strict"]).status == 1)
    }
}
