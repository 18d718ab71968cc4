import Foundation
import LadderServer
import Testing

/// Folders that appear after `ladder serve` starts (`templates/`, `templates/layouts/`,
/// `templates/assets/`, new content folders) are watched like the rest: a real server on 127.0.0.1,
/// real files, the change seen over HTTP.
@Suite(.serialized) struct ServeNewFolderTests {
    /// Polls `target` until its body contains `text` (20 s at most: a hang guard, not a speed test).
    func waitFor(_ server: RunningServer, _ target: String, toContain text: String) async throws -> HTTPReply {
        let deadline = Date().addingTimeInterval(20)
        var reply = try await server.get(target)
        while !reply.text.contains(text), Date() < deadline {
            try await Task.sleep(nanoseconds: 50_000_000)
            reply = try await server.get(target)
        }
        return reply
    }

    @Test func templates_layouts_assets_and_content_folders_created_after_start_take_effect() async throws {
        let site = try TempSite(files: ["content/index.md": "# Home\n", "content/about.md": "# About\n\nAbout us.\n"])
        defer { site.remove() }
        #expect(!site.exists("templates"))
        let server = try await RunningServer.start(site)
        let before = try await server.get("/about/")
        #expect(before.status == 200)
        #expect(!before.text.contains("custom layout"))

        // templates/ and templates/layouts/ do not exist when the server starts.
        try site.save("templates/layouts/page.mustache",
                      "<!DOCTYPE html>\n<html><head><title>{{page.title}}</title></head><body><p>custom layout</p>{{{page.content}}}</body></html>\n")
        let custom = try await waitFor(server, "/about/", toContain: "custom layout")
        #expect(custom.text.contains("<p>custom layout</p>"), "\(custom.text.prefix(300))")
        #expect(custom.text.contains("About us."))

        // A file in a templates/assets/ folder made after start is served.
        try site.save("templates/assets/extra.css", "body { color: rebeccapurple; }\n")
        let css = try await waitFor(server, "/assets/extra.css", toContain: "rebeccapurple")
        #expect(css.status == 200)

        // A content folder made after start, two levels deep.
        try site.save("content/teams/platform/index.md", "# Platform\n\nThe platform team.\n")
        let team = try await waitFor(server, "/teams/platform/", toContain: "The platform team.")
        #expect(team.status == 200)

        // Removing the layout brings back the built-in one.
        try FileManager.default.removeItem(atPath: site.path + "/templates/layouts/page.mustache")
        let back = try await waitFor(server, "/about/", toContain: "skip-link")
        #expect(!back.text.contains("custom layout"))
        try await server.stop()
    }
}
