import Foundation
@testable import LadderCore
@testable import LadderGenerate
@testable import LadderLoad
@testable import LadderMarkdown
@testable import LadderModel
import Testing

/// A track given as data is read into typed levels and appended to its page as blocks built from those
/// values (never written out as Markdown and parsed again): its criteria are the author's Markdown, one
/// fragment each, and nothing in a data string can make a level or a heading.
@Suite struct TypedDataTrackTests {
    static let generic = """
    ---
    path: /generic
    title: Generic
    levels: 2
    topics:
      - name: delivery
        title: Delivery
        content:
          - level: 1
            criteria: [Finishes small tickets with guidance.]
          - level: 2
            criteria: [Ships features without day-to-day guidance.]
    ---
    """

    static let backend = """
    ---
    path: /backend
    title: Backend
    levels:
      - level: 1
        title: Engineer I
        summary: Learns *the* platform.
      - level: 2
        title: Engineer II
    topics:
      - name: delivery
        title:
        content:
          - level: 1
            criteria:
              - Writes *careful* rollbacks.
              - criteria: Keeps the runbook current.
                id: runbook-current
            exampleCriteria:
              - Rotated certificates with a buddy.
      - name: systems
        title: Systems
        content:
          - level: all
            criteria: [Changes production only through review.]
          - level: 2
            criteria:
              - "## Not a level"
              - "Line one\\n## Not a heading either"
    ---

    ## About the backend ladder

    Prose of the page's own.
    """

    static func model() throws -> SiteModel {
        let pages = try [("frameworks/generic.md", Self.generic), ("frameworks/backend.md", Self.backend)].map { path, text in
            try ContentLoader.parsePage(text: text, displayPath: "content/" + path, contentPath: path)
        }
        let (model, diagnostics) = ModelBuilder().build(LoadedContent(config: SiteConfig(), pages: pages, staticFiles: [], diagnostics: []))
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        return model
    }

    @Test func levels_sections_criteria_ids_examples_and_inherited_criteria_are_typed_blocks() throws {
        let model = try Self.model()
        let track = try #require(model.track("backend"))
        #expect(track.levels.map(\.id) == ["L1", "L2"])
        #expect(track.levels.map(\.title) == ["Engineer I", "Engineer II"])
        #expect(track.levels[0].summary == "Learns the platform.")
        #expect(track.levels[0].location.line == 5)
        #expect(track.levels[0].sections.map(\.name) == ["Delivery"])
        #expect(track.levels[1].sections.map(\.name) == ["Delivery", "Systems"])
        #expect(track.shared != nil)

        let page = track.levels[0].pageIndex
        // The page's own body is its own: its one heading (shown at `###`) and paragraph, nothing generated.
        #expect(model.pages[page].outline.blockCount == 2)
        #expect(model.pages[page].source.body.contains("Prose of the page's own."))
        #expect(!model.pages[page].source.body.contains("Engineer I"))
        #expect(model.pages[page].outline.headings.map(\.depth) == [3])

        let appended = try #require(model.appendedBlocks[page])
        let base = model.pages[page].outline.blockCount
        // L1 Delivery: its criteria (the author's Markdown, a given id kept), then its examples apart from them.
        let delivery1: [AppendedBlock] = track.levels[0].sections[0].blocks.map { appended[$0 - base] }
        guard case .subheading("Delivery", 3, _, _) = delivery1[0] else { Issue.record("\(delivery1[0])"); return }
        guard case .fragments(let criteria, false) = delivery1[1] else { Issue.record("\(delivery1[1])"); return }
        #expect(criteria.map(\.markdown) == ["Writes *careful* rollbacks.", "Keeps the runbook current."])
        #expect(criteria.map(\.id) == [nil, "runbook-current"])
        #expect(criteria[1].line == 17)
        guard case .subheading("Examples", 4, _, _) = delivery1[2], case .fragments(let examples, _) = delivery1[3] else {
            Issue.record("\(delivery1)"); return
        }
        #expect(examples.map(\.markdown) == ["Rotated certificates with a buddy."])
        // L1 inherits the generic framework's criterion under its own sub-heading.
        guard case .subheading("From the generic framework", 4, _, _) = delivery1[4], case .fragments(let inherited, _) = delivery1[5] else {
            Issue.record("\(delivery1)"); return
        }
        #expect(inherited.map(\.markdown) == ["Finishes small tickets with guidance."])
        #expect(model.givenCriterionIDs(page)[track.levels[0].sections[0].blocks.lowerBound + 1] == [nil, "runbook-current"])
        // The generic framework itself inherits nothing.
        let genericTrack = try #require(model.track("generic"))
        let genericBlocks = model.appendedBlocks[genericTrack.levels[0].pageIndex] ?? []
        #expect(!genericBlocks.contains { if case .subheading("From the generic framework", _, _, _) = $0 { true } else { false } })
    }

    @Test func criteria_render_as_the_authors_markdown_and_never_as_levels_or_headings() throws {
        let site = try TempSite(files: ["content/frameworks/generic.md": Self.generic, "content/frameworks/backend.md": Self.backend])
        defer { site.remove() }
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        let l1 = try site.read("public/backend/l1/index.html")
        #expect(l1.contains("<p class=\"lead\">Learns the platform.</p>"))
        #expect(l1.contains(">Writes <em>careful</em> rollbacks.</li>"))
        #expect(l1.contains("<li id=\"c-runbook-current\">Keeps the runbook current.</li>"))
        let plain = withoutCriterionIDs(l1)
        #expect(plain.contains("<h3 id=\"examples\">Examples</h3>\n<ul>\n<li>Rotated certificates with a buddy.</li>"))
        #expect(plain.contains("From the generic framework</h3>\n<ul>\n<li>Finishes small tickets with guidance.</li>"))
        #expect(plain.contains("<li>Changes production only through review.</li>"))
        // A data string that looks like a heading is text: no level, no heading, in the criterion as written.
        let l2 = withoutCriterionIDs(try site.read("public/backend/l2/index.html"))
        #expect(l2.contains("<li>## Not a level</li>"))
        #expect(l2.contains("<li>Line one\n## Not a heading either</li>"))
        #expect(!l2.contains("<h2 id=\"not-a-level\""))
        #expect(!site.exists("public/backend/not-a-level/index.html"))
        let levels = try FileManager.default.contentsOfDirectory(atPath: site.path + "/public/backend")
        #expect(Set(levels).isSuperset(of: ["l1", "l2"]))
        #expect(!levels.contains { $0.contains("not") })
        // The page's own prose is the track's introduction, its heading kept below the levels'.
        let overview = try site.read("public/backend/index.html")
        #expect(overview.contains("<h3 id=\"about-the-backend-ladder\">About the backend ladder</h3>"))
        #expect(overview.contains("Prose of the page's own."))
        #expect(!overview.contains("Writes <em>careful</em> rollbacks."))
    }

    @Test func a_level_named_by_a_word_keeps_that_id_beside_its_title() throws {
        let text = "---\ntitle: Ops\nlevels:\n  - level: Senior\n    title: Senior Engineer\ntopics:\n  - name: Ops\n    content:\n      - level: Senior\n        criteria: [Runs on-call.]\n---\n"
        let page = try ContentLoader.parsePage(text: text, displayPath: "content/ops.md", contentPath: "ops.md")
        let (model, _) = ModelBuilder().build(LoadedContent(config: SiteConfig(), pages: [page], staticFiles: [], diagnostics: []))
        let level = try #require(model.track("ops")?.levels.first)
        // Read from a heading `senior: Senior Engineer` it was `senior-senior-engineer`, titled with the whole line.
        #expect((level.id, level.title, level.url) == ("senior", "Senior Engineer", "/ops/senior/"))
    }

    @Test func a_level_count_of_a_billion_is_an_error_at_its_line_not_a_billion_levels() throws {
        let site = try TempSite(files: ["content/t/f.md": "---\nlevels: 1000000000\ntopics:\n  - name: A\n    content:\n      - level: 1\n        criteria: [x]\n---\n"])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 1)
        #expect(result.err.contains("content/t/f.md:2:9: error: 'levels' counts the levels of the track: at most 1000, found 1000000000"), "\(result.err)")
    }

    @Test func an_edit_to_the_generic_framework_reaches_the_pages_that_inherit_from_it_in_an_incremental_build() throws {
        let site = try TempSite(copying: Repo.fixture("formats/monzo"))
        defer { site.remove() }
        func build(_ memo: BuildMemo?) throws -> [String: Data] {
            let sink = MemorySink()
            let generator = SiteGenerator(options: BuildOptions(siteFolder: site.path, includeDrafts: true))
            if let memo { _ = try generator.build(into: sink, memo: memo) } else { _ = try generator.build(into: sink) }
            return sink.files
        }
        let memo = BuildMemo()
        _ = try build(memo)
        let generic = try site.read("content/frameworks/generic.md")
        try site.write("content/frameworks/generic.md", generic.replacingOccurrences(of: "Plans a multi-week piece of work and lands it",
                                                                                    with: "Plans a *quarter* of work and lands it"))
        let out = try build(memo)
        let full = try build(nil)
        #expect(Set(out.keys).union(full.keys).filter { out[$0] != full[$0] }.isEmpty)
        let l3 = String(decoding: out["engineering/backend/l3/index.html"] ?? Data(), as: UTF8.self)
        #expect(l3.contains("Plans a <em>quarter</em> of work and lands it"))
    }

    /// A file cannot hold so many (the YAML reader stops at 100,000 values), but the reading must not be
    /// quadratic in them: the front matter is made directly, and the whole model built from it.
    @Test func a_hundred_thousand_topics_are_read_and_assembled() throws {
        func entry(_ key: String, _ value: YAMLValue, line: Int) -> YAMLMap.Entry {
            let at = LadderCore.SourceLocation(path: "content/big.md", line: line)
            return YAMLMap.Entry(key: key, value: value, keyLocation: at, valueLocation: at)
        }
        var topics: [YAMLValue] = []
        topics.reserveCapacity(100_000)
        for n in 0..<100_000 {
            var level = YAMLMap()
            level.append(entry("level", .int(n % 4 + 1), line: n + 3))
            level.append(entry("criteria", .list([.string("Does *thing* \(n).")]), line: n + 3))
            var topic = YAMLMap()
            topic.append(entry("name", .string("topic \(n)"), line: n + 3))
            topic.append(entry("content", .list([.map(level)]), line: n + 3))
            topics.append(.map(topic))
        }
        var fm = FrontMatter(location: LadderCore.SourceLocation(path: "content/big.md", line: 1))
        fm.map.append(entry("title", .string("Big"), line: 2))
        fm.map.append(entry("topics", .list(topics), line: 3))
        let source = PageSource(displayPath: "content/big.md", contentPath: "big.md", frontMatter: fm, body: "", bodyLine: 100_005)
        let start = Date()
        let reading = try DataTrack.levels(of: source)
        #expect(reading.levels.map(\.sections.count) == [25_000, 25_000, 25_000, 25_000])
        let (model, diagnostics) = ModelBuilder().build(LoadedContent(config: SiteConfig(), pages: [source], staticFiles: [], diagnostics: []))
        #expect(!diagnostics.contains { $0.severity == .error })
        #expect(model.track("big")?.levels.count == 4)
        #expect(model.track("big")?.competencies.count == 100_000)
        #expect(Date().timeIntervalSince(start) < 60)
    }
}
