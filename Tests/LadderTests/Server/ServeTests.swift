import Foundation
@testable import LadderCore
@testable import LadderLoad
@testable import LadderMarkdown
@testable import LadderRecognise
@testable import LadderModel
@testable import LadderRender
@testable import LadderSearch
@testable import LadderGenerate
import LadderServer
import Testing

/// `ladder serve` against a real server on an ephemeral port of 127.0.0.1, with real file edits seen
/// through inotify. Waits are bounded so a broken server fails instead of hanging; nothing is timed.
@Suite(.serialized) struct ServeTests {
    func fullBuild(_ site: TempSite) throws -> [String: Data] {
        let sink = MemorySink()
        _ = try SiteGenerator(options: BuildOptions(siteFolder: site.path, includeDrafts: true)).build(into: sink)
        return sink.files
    }

    /// Makes an edit and returns the event the server sends for it. With `untilGood`, failed builds
    /// seen on the way (an edit in several steps may be built halfway) are skipped.
    func edit(_ events: EventStreamClient, untilGood: Bool = false, _ change: () throws -> Void) async throws -> ServerEvent? {
        var seen = events.events.count
        try change()
        while let event = try await events.event(after: seen) {
            if !(untilGood && event.name == "failed") { return event }
            seen += 1
        }
        return nil
    }

    /// Starts `ladder serve` on the site, opens its event stream and reads the first event (the hello),
    /// runs `body`, then stops the server.
    func serving(_ site: TempSite, _ body: (RunningServer, EventStreamClient, ServerEvent?) async throws -> Void) async throws {
        let server = try await RunningServer.start(site)
        let events = try EventStreamClient(port: server.port)
        defer { events.close() }
        let hello = try await events.event(after: 0)
        try await body(server, events, hello)
        try await server.stop()
    }

    @Test func an_edit_reaches_an_open_event_stream_after_the_new_build_is_served() async throws {
        let site = try TempSite(copying: Repo.fixture("sites/ladder"))
        defer { site.remove() }
        try await serving(site) { server, events, hello in
            #expect(hello?.name == "hello")

            let event = try await edit(events) {
                try site.save("content/eng/l2.md", try site.read("content/eng/l2.md") + "\n- Mentors new joiners.\n")
            }
            #expect(event?.name == "reload")
            // The event comes only once the new build is the one being served.
            let page = try await server.get(server.basePath + "eng/l2/")
            #expect(page.status == 200)
            #expect(page.text.contains("Mentors new joiners."))
            // So is the search index the search page loads: it has the edit's new word.
            let searchPage = try await server.get(server.basePath + "search/")
            let indexURL = searchPage.text.firstMatch(#"search/index\.[0-9a-f]+\.json"#)?[0] ?? "missing"
            let index = try await server.get(server.basePath + indexURL)
            #expect(index.status == 200)
            #expect(index.text.contains("\"joiners\""), "\(indexURL)")
            // The script is a file, so the theme's Content-Security-Policy (also sent as a header) lets it run.
            #expect(page.text.contains("<script src=\"/__ladder/live.js\" data-version=\"\(server.server.snapshot.version)\"></script>"))
            #expect(page.headers["content-security-policy"]?.contains("script-src 'self'") == true)
            let script = try await server.get(LiveReload.scriptPath)
            #expect(script.status == 200)
            #expect(script.headers["content-type"]?.hasPrefix("text/javascript") == true)
            #expect(script.text.contains("new EventSource(\"/__ladder/events\")"))
            #expect(Int(event?.data ?? "") == server.server.snapshot.version)

            // A stylesheet-only change swaps stylesheets instead of reloading.
            let css = try await edit(events) { try site.save("templates/assets/style.css", "body { color: rebeccapurple }\n") }
            #expect(css?.name == "css")
            #expect(css?.data.contains("\"/assets/style.css\"") == true)
            let sheet = try await server.get(server.basePath + "assets/style.css")
            #expect(sheet.headers["content-type"] == "text/css; charset=utf-8")
            #expect(sheet.text == "body { color: rebeccapurple }\n")
        }
    }

    @Test func after_adds_changes_renames_deletes_and_a_partial_the_served_site_is_a_full_build() async throws {
        let site = try TempSite(copying: Repo.fixture("sites/ladder"))
        defer { site.remove() }
        try await serving(site) { server, events, _ in

            let l4 = "---\ntrack: eng\nlevel: L4\nsummary: Fourth.\n---\n\n## Impact\n\n- Leads work of size 4.\n\n## Craft\n\n- Sets standards.\n"
            var event = try await edit(events) { try site.save("content/eng/l4.md", l4) }
            #expect(event?.name == "reload")
            event = try await edit(events) {
                try site.save("content/eng/l1.md", try site.read("content/eng/l1.md") + "\nA new closing paragraph.\n")
            }
            #expect(event?.name == "reload")
            // Rename a level and fix the link to it, as an editor's "rename file" refactoring does. (The link
            // text changes too: a rename that keeps every URL changes no output and so sends no event.)
            event = try await edit(events, untilGood: true) {
                try FileManager.default.moveItem(atPath: site.path + "/content/eng/l3.md", toPath: site.path + "/content/eng/senior.md")
                try site.save("content/eng/l2.md", try site.read("content/eng/l2.md")
                    .replacingOccurrences(of: "[the next level](l3.md", with: "[the senior level](senior.md"))
            }
            #expect(event?.name == "reload")
            event = try await edit(events) { try FileManager.default.removeItem(atPath: site.path + "/content/eng/l4.md") }
            #expect(event?.name == "reload")
            event = try await edit(events) { try site.save("templates/partials/footer.mustache", "<footer class=\"edited\">Edited</footer>\n") }
            #expect(event?.name == "reload")

            // Byte for byte: the snapshot, and every file fetched over HTTP (HTML minus the live-reload addition).
            let expected = try fullBuild(site)
            let served = server.server.snapshot
            #expect(served.failure == nil)
            #expect(Set(served.files.keys) == Set(expected.keys))
            #expect(expected.keys.sorted().filter { served.files[$0] != expected[$0] } == [])
            #expect(expected["eng/l4/index.html"] == nil && expected["eng/l3/index.html"] != nil)
            #expect(String(decoding: expected["eng/l1/index.html"] ?? Data(), as: UTF8.self).contains("Edited"))
            for (path, bytes) in expected {
                let reply = try await server.get(server.basePath + path)
                #expect(reply.status == 200, "\(path)")
                let body = path.hasSuffix(".html") ? withoutLiveReload(reply.body) : reply.body
                #expect(body == bytes, "\(path) differs from a full build")
            }
            // Pretty URLs: the folder serves its index.html; without the slash, a redirect to it.
            let pretty = try await server.get(server.basePath + "eng/l2/")
            #expect(withoutLiveReload(pretty.body) == expected["eng/l2/index.html"])
            let bare = try await server.get(server.basePath + "eng/l2?x=1")
            #expect(bare.status == 301)
            #expect(bare.headers["location"] == server.basePath + "eng/l2/?x=1")
            let base = try await server.get(String(server.basePath.dropLast()))
            #expect(base.status == 301 && base.headers["location"] == server.basePath)
        }
    }

    @Test func broken_front_matter_shows_an_escaped_overlay_until_fixed() async throws {
        let site = try TempSite(copying: Repo.fixture("sites/ladder"))
        defer { site.remove() }
        try await serving(site) { server, events, _ in
            let good = try site.read("content/eng/l2.md")

            let failed = try await edit(events) {
                try site.save("content/eng/l2.md", good.replacingOccurrences(of: "summary: Summary of level 2.", with: "summary: [<b>unclosed"))
            }
            #expect(failed?.name == "failed")
            #expect(failed?.data.contains("\"file\":\"\(site.path)/content/eng/l2.md\"") == true)
            #expect(failed?.data.contains("\"line\":") == true)

            // Every page, including the 404 page, shows the error over the last good build.
            for target in ["", "eng/l1/", "no/such/page/"] {
                let page = try await server.get(server.basePath + target)
                #expect(page.text.contains("id=\"ladder-overlay\""), "\(target)")
                #expect(page.text.contains("\(site.path)/content/eng/l2.md:6:1"), "\(target)")
                #expect(!page.text.contains("<b>unclosed"), "the message is escaped")
            }
            let stale = try await server.get(server.basePath + "eng/l2/")
            #expect(stale.text.contains("Summary of level 2."), "the last good build is still served")

            let fixed = try await edit(events) { try site.save("content/eng/l2.md", good) }
            #expect(fixed?.name == "reload")
            let page = try await server.get(server.basePath + "eng/l1/")
            #expect(!page.text.contains("ladder-overlay"))
            // What a failed build left in the memo does not leak into the next good one.
            #expect(server.server.snapshot.files == (try fullBuild(site)))
        }
    }

    @Test func the_overlay_speaks_the_sites_language() async throws {
        let site = try TempSite(copying: Repo.fixture("sites/ladder"))
        defer { site.remove() }
        try site.write("content/site.yml", try site.read("content/site.yml").replacingOccurrences(of: "title: Acme Careers", with: "title: Acme Careers\nlanguage: de"))
        try await serving(site) { server, events, _ in
            let good = try site.read("content/eng/l2.md")
            let failed = try await edit(events) {
                try site.save("content/eng/l2.md", good.replacingOccurrences(of: "summary: Summary of level 2.", with: "summary: [unclosed"))
            }
            #expect(failed?.name == "failed")
            let page = try await server.get(server.basePath + "eng/l1/")
            #expect(page.text.contains("aria-label=\"Build fehlgeschlagen\""), "\(page.text)")
            #expect(page.text.contains("Der Kasten verschwindet von selbst, sobald die Fehler behoben sind."))
            #expect(!page.text.contains("It goes away by itself"))
        }
    }

    @Test func a_site_broken_from_the_start_shows_its_errors_until_fixed() async throws {
        let site = try TempSite(copying: Repo.fixture("sites/ladder"))
        defer { site.remove() }
        let good = try site.read("content/eng/l1.md")
        try site.write("content/eng/l1.md", "---\ntitle: \"unclosed\n---\n")
        try await serving(site) { server, events, _ in

            let page = try await server.get(server.basePath + "eng/l1/")
            #expect(page.status == 503)
            #expect(page.text.contains("id=\"ladder-overlay\""))
            #expect(page.text.contains("content/eng/l1.md:"))
            #expect(page.text.contains(LiveReload.scriptPath))

            let fixed = try await edit(events) { try site.save("content/eng/l1.md", good) }
            #expect(fixed?.name == "reload")
            // Only a good build tells the server the site's base path (the fixture's base_url is /careers/).
            let served = try await server.get("/careers/eng/l1/")
            #expect(served.status == 200)
            #expect(withoutLiveReload(served.body) == (try fullBuild(site))["eng/l1/index.html"])
        }
    }

    @Test func requests_outside_the_site_get_404() async throws {
        let site = try TempSite(copying: Repo.fixture("sites/ladder"))
        defer { site.remove() }
        // A secret next to the site, and symbolic links out of content/ (a folder is skipped by the build).
        try site.write("secret.txt", "do not serve")
        try FileManager.default.createSymbolicLink(atPath: site.path + "/content/outside", withDestinationPath: site.path)
        let server = try await RunningServer.start(site)
        let base = server.basePath
        let targets = [
            base + "../secret.txt", base + "../../secret.txt", "/../secret.txt", base + "%2e%2e/secret.txt",
            base + "%2E%2E/%2e%2E/secret.txt", base + "..%2fsecret.txt", base + "eng%2fl1/", base + "eng%2Fl1%2Findex.html",
            base + "eng/..%5c..%5csecret.txt", base + "eng/./l1/", "//etc/passwd", base + "/etc/passwd", "/etc/passwd",
            base + "outside/secret.txt", base + "outside/content/eng/l1.md", base + "%00", base + "eng/l1/%00index.html",
            base + "%zz", "*",
        ]
        for target in targets {
            let reply = try await server.get(target)
            #expect(reply.status == 404, "\(target) → \(reply.status)")
            #expect(!reply.text.contains("do not serve"))
        }
        // The site's own 404 page, with status 404.
        let missing = try await server.get(base + "missing/")
        #expect(missing.status == 404)
        #expect(withoutLiveReload(missing.body) == server.server.snapshot.files["404.html"])
        let ok = try await server.get(base + "sitemap.xml")
        #expect(ok.status == 200 && ok.headers["content-type"] == "application/xml")
        try await server.stop()
    }

    @Test func the_script_goes_before_the_last_body_close_or_at_the_end() {
        let page = Data("<p>no head, no body</p>".utf8)
        let injected = String(decoding: LiveReload.inject(into: page, version: 3, failure: nil), as: UTF8.self)
        #expect(injected.hasPrefix("<p>no head, no body</p>" + LiveReload.beginMarker))
        #expect(injected.hasSuffix(LiveReload.endMarker))
        let upper = String(decoding: LiveReload.inject(into: Data("<BODY>x</BODY></HTML>".utf8), version: 3, failure: nil), as: UTF8.self)
        #expect(upper.hasSuffix(LiveReload.endMarker + "</BODY></HTML>"))
    }

    /// The real executable: prints its URL, serves, and stops on SIGTERM although an event stream is open.
    @Test func the_command_stops_on_sigterm_with_an_open_event_stream() async throws {
        let site = try TempSite(copying: Repo.fixture("sites/ladder"))
        defer { site.remove() }
        let process = Process()
        process.executableURL = Repo.binary
        process.arguments = ["serve", site.path, "--port", "0"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let reader = LineReader(out.fileHandleForReading)
        let line = try await reader.line(containing: "http://127.0.0.1:")
        let url = line.flatMap { $0.split(separator: " ").first { $0.hasPrefix("http://") } }.flatMap { URL(string: String($0)) }
        let port = try #require(url?.port)
        let events = try EventStreamClient(port: port)
        defer { events.close() }
        #expect(try await events.event(after: 0)?.name == "hello")
        #expect(try await RawHTTP.get(port: port, "/careers/eng/l1/").status == 200)

        process.terminate()  // SIGTERM
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
        #expect(!process.isRunning, "still running 20 s after SIGTERM")
        if !process.isRunning { #expect(process.terminationStatus == 0) }
    }
}

/// Reads a pipe line by line off the cooperative pool.
final class LineReader: @unchecked Sendable {
    let handle: FileHandle
    init(_ handle: FileHandle) { self.handle = handle }

    func line(containing text: String) async throws -> String? {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                var buffer = Data()
                while true {
                    let chunk = self.handle.availableData
                    if chunk.isEmpty { continuation.resume(returning: nil); return }
                    buffer.append(chunk)
                    for line in String(decoding: buffer, as: UTF8.self).split(separator: "\n") where line.contains(text) {
                        continuation.resume(returning: String(line)); return
                    }
                }
            }
        }
    }
}
