import Foundation
import Testing

/// Data kept as a database keeps it: levels and competencies in lists with keys, expectations tagged with
/// both — in one file, or in a folder's files read together. Which field is which comes from what the fields
/// hold (a field whose values are all keys of one list refers to it), never from their names.
@Suite struct TaggedRecordsTests {
    func build(_ fixture: String) throws -> (TempSite, (status: Int32, out: String, err: String)) {
        let site = try TempSite(copying: Repo.fixture("recognise/\(fixture)"))
        return (site, site.ladder(["build", site.path]))
    }

    func levels(_ site: TempSite) throws -> [(id: String, competencies: [String: [String]])] {
        let data = try JSONSerialization.jsonObject(with: Data(try site.read("public/ladder.json").utf8)) as? [String: Any]
        let tracks = data?["tracks"] as? [[String: Any]] ?? []
        return (tracks.first?["levels"] as? [[String: Any]] ?? []).map { level in
            var competencies: [String: [String]] = [:]
            for competency in level["competencies"] as? [[String: Any]] ?? [] {
                let criteria = (competency["criteria"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
                competencies[competency["name"] as? String ?? ""] = criteria
            }
            return (level["id"] as? String ?? "", competencies)
        }
    }

    @Test func expectations_tagged_with_a_grade_and_an_area_by_key_are_the_matrix() throws {
        let (site, result) = try build("data-tagged-records")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        let read = try levels(site)
        #expect(read.map(\.id) == ["engineer-i", "engineer-ii", "engineer-iii"])
        #expect(read[1].competencies["Craft"] == ["Keeps the modules they own easy to change.", "Reviews teammates' changes with care."])
        #expect(read[2].competencies["Delivery"] == ["Plans and delivers projects across a team."])
        #expect(site.exists("public/platform/competencies/craft/index.html"))
    }

    @Test func a_folders_data_files_that_refer_to_each_other_are_one_track() throws {
        let (site, result) = try build("folder-related-data")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("content/framework/data/: track 'data', 3 levels novice–leader from its data files read together"), "\(result.out)")
        let read = try levels(site)
        // Ordered by the stages' own numbers; each behaviour under its stage and skill.
        #expect(read.map(\.id) == ["novice", "practitioner", "leader"])
        #expect(read[1].competencies["Teamwork"] == ["Pairs with newer engineers every week."])
        // The files are published as they are.
        #expect(site.exists("public/framework/data/behaviours.json"))
    }

    @Test func orders_that_refer_to_customers_and_products_are_no_ladder() throws {
        let (site, result) = try build("neg-tagged-orders")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(!result.out.contains("track 'orders'"), "\(result.out)")
        #expect(!site.exists("public/orders/matrix/index.html"))
    }
}

extension TaggedRecordsTests {
    @Test func a_data_file_named_ladder_json_is_read_and_the_builds_ladder_json_kept() throws {
        let site = try TempSite(files: ["content/ladder.json": try String(contentsOf: Repo.fixture("recognise/data-tagged-records/content/platform.json"), encoding: .utf8)])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.contains("content/ladder.json: warning: /ladder.json is the ladder as data, which the build writes"), "\(result.err)")
        // The build's data, holding the file's ladder, not the file.
        #expect(try levels(site).map(\.id) == ["engineer-i", "engineer-ii", "engineer-iii"])
    }
}
