@testable import LadderCore
@testable import LadderCLI
import Foundation
import Testing

/// A build lets go of a track's criteria once its pages are written (`CriteriaCache.forget`), which only
/// happens on a site with more pages than one batch: there, every level page and assess page must still
/// carry the criteria `ladder.json` lists, which was made before any was let go.
@Suite struct CriteriaLifetimeTests {
    @Test func pages_written_after_criteria_are_let_go_carry_the_criteria_the_data_lists() throws {
        var files = ["content/site.yml": "title: Many tracks\nbase_url: https://example.org/\n"]
        // 60 tracks of 3 levels: about 900 pages, so tracks are let go batch by batch.
        for track in 1...60 {
            for level in 1...3 {
                files["content/t\(track)/l\(level).md"] = """
                ---
                title: Engineer \(track)-\(level)
                track: t\(track)
                level: L\(level)
                order: \(level)
                ---

                ## Impact

                - Ships work of size \(level) for track \(track).
                - Explains trade-offs to \(level + track) people.

                ## Ownership

                - Owns \(track * 10 + level) services.

                """
            }
        }
        let site = try TempSite(files: files)
        defer { site.remove() }
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        let json = try JSONSerialization.jsonObject(with: Data(try site.read("public/ladder.json").utf8)) as! [String: Any]
        var checked = 0
        for track in json["tracks"] as! [[String: Any]] {
            for level in track["levels"] as! [[String: Any]] {
                let levelPath = "public" + URL(string: level["url"] as! String)!.path + "/index.html"
                let assessPath = "public" + URL(string: level["assess_url"] as! String)!.path + "/index.html"
                let levelPage = try site.read(levelPath), assessPage = try site.read(assessPath)
                for competency in level["competencies"] as! [[String: Any]] {
                    for criterion in competency["criteria"] as! [[String: Any]] {
                        let anchor = (criterion["url"] as! String).split(separator: "#").last.map(String.init) ?? ""
                        #expect(levelPage.contains("id=\"\(anchor)\""), "\(levelPath) lacks \(anchor)")
                        #expect(assessPage.contains(criterion["id"] as! String), "\(assessPath) lacks \(criterion["id"]!)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 60 * 3 * 3)
    }
}
