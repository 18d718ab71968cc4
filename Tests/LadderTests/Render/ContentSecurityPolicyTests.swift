import Foundation
import LadderServer
import Testing

/// The default theme's Content-Security-Policy: one policy in the page and in `serve`'s header, and a
/// theme with nothing inline for it to refuse.
@Suite struct ContentSecurityPolicyTests {
    @Test func every_built_page_carries_the_policy_serve_sends_and_has_no_inline_script_or_style() throws {
        // The example site, built into a folder of its own.
        let site = try TempSite()
        defer { site.remove() }
        let out = site.folder.appendingPathComponent("out").path
        let result = site.ladder(["build", Repo.root.path, "-o", out, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        let meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"\(LiveReload.contentSecurityPolicy)\">"
        var pages = 0
        for (path, data) in site.snapshot("out") where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            if html.contains("http-equiv=\"refresh\"") { continue }   // redirect stubs: no script, no policy needed
            pages += 1
            #expect(html.contains(meta), "\(path)")
            #expect(!html.contains("<script>") && !html.contains("<script type=\"module\">"), "inline script in \(path)")
            #expect(!html.contains(" style=\"") && !html.contains("<style"), "inline style in \(path)")
            #expect(!html.contains(" onclick=") && !html.contains(" onload="), "inline handler in \(path)")
        }
        #expect(pages > 20)
    }
}
