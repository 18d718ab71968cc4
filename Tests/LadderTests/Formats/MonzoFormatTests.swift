import Foundation
import Testing

/// A folder in the shape of Monzo's progression framework (fixtures of our own writing): a `/generic`
/// framework, two that inherit from it, integer levels, example objects, a tab after `-`, Markdown under
/// the data, `path:`, emoji titles, `yaml: false`.
@Suite struct MonzoFormatTests {
    static func built() throws -> TempSite {
        let site = try TempSite(copying: Repo.fixture("formats/monzo"))
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        return site
    }

    @Test func every_framework_is_a_track_at_its_path_with_integer_levels() throws {
        let site = try Self.built()
        defer { site.remove() }
        for (track, levels) in [("generic", 4), ("engineering/backend", 4), ("engineering/web", 4)] {
            #expect(site.exists("public/\(track)/index.html"), "\(track)")
            for n in 1...levels { #expect(site.exists("public/\(track)/l\(n)/index.html"), "\(track) l\(n)") }
            #expect(!site.exists("public/\(track)/l\(levels + 1)/index.html"))
            #expect(site.exists("public/\(track)/matrix/index.html"))
        }
        let level = try site.read("public/engineering/backend/l2/index.html")
        #expect(level.contains("<h1>Level 2</h1>"))
        #expect(level.contains("Level 2 of 4"))
        // The folder is not a track, and `yaml: false` is an ordinary page.
        #expect(!site.exists("public/frameworks/l1/index.html"))
        let principles = try site.read("public/principles/index.html")
        #expect(principles.contains("<h1>❤️ Acme Engineering Principles</h1>"))
        #expect(principles.contains("<h2 id=\"why-principles\">Why principles?</h2>") || principles.contains("Why principles?"))
    }

    @Test func a_topic_without_a_title_takes_title_and_criteria_from_the_generic_framework() throws {
        let site = try Self.built()
        defer { site.remove() }
        let l3 = withoutCriterionIDs(try site.read("public/engineering/backend/l3/index.html"))
        // `delivery` has no level 3 of its own: the generic criterion is shown, marked as inherited.
        #expect(l3.contains(">🚚 Delivery</h2>"))
        #expect(l3.contains("From the generic framework</h3>\n<ul>\n<li>Plans a multi-week piece of work and lands it</li>"))
        // Own criteria come first, then the generic ones.
        let l2 = withoutCriterionIDs(try site.read("public/engineering/backend/l2/index.html"))
        let own = try #require(l2.range(of: "Writes a rollback plan for each risky deploy"))
        let inherited = try #require(l2.range(of: "Ships medium-sized features without day-to-day supervision"))
        #expect(own.lowerBound < inherited.lowerBound)
        // A topic with its own title keeps it, and inherits nothing.
        #expect(l2.contains(">⚙️ Systems Mastery</h2>"))
        // The generic framework's own pages do not repeat its criteria as inherited.
        let generic = try site.read("public/generic/l1/index.html")
        #expect(!generic.contains("From the generic framework"))
        #expect(generic.contains("Finishes small, clearly scoped Acme tickets with guidance"))
        // A topic only the generic framework has is not added to the others.
        #expect(!l2.contains("🧭 Ownership"))
    }

    @Test func example_objects_tabs_and_emoji_read_as_written() throws {
        let site = try Self.built()
        defer { site.remove() }
        let l2 = withoutCriterionIDs(try site.read("public/engineering/backend/l2/index.html"))
        #expect(l2.contains("<li>Breaks a feature into small, shippable pull requests\n<ul>\n<li>Ships the database migration before the code that reads it</li>"))
        // `-<TAB>"text"` is a list item like `- "text"`.
        let web1 = withoutCriterionIDs(try site.read("public/engineering/web/l1/index.html"))
        #expect(web1.contains("<li>Publishes a small UI fix to the Acme storefront with review</li>"))
        // Plain-string and object examples side by side.
        let web2 = withoutCriterionIDs(try site.read("public/engineering/web/l2/index.html"))
        #expect(web2.contains("<li>Keeps bundle size in check when adding a dependency</li>"))
        #expect(web2.contains("<li>Visible focus ring on every control</li>"))
        // Emoji stay in titles and never reach URLs or ids.
        #expect(site.exists("public/engineering/backend/competencies/delivery/index.html"))
        #expect(site.exists("public/engineering/backend/competencies/systems-mastery/index.html"))
        for path in site.snapshot().keys { let ascii = path.utf8.allSatisfy { $0 < 0x80 }; #expect(ascii, "\(path)") }
    }

    @Test func the_markdown_under_the_data_is_the_track_introduction() throws {
        let site = try Self.built()
        defer { site.remove() }
        let overview = try site.read("public/engineering/backend/index.html")
        #expect(overview.contains("<h1>🛠️ Acme Backend Engineering</h1>"))
        #expect(overview.contains("<h3 id=\"about-the-acme-backend-ladder\">About the Acme backend ladder</h3>"))
        #expect(overview.contains("<h4 id=\"feedback\">Feedback</h4>"))
        // The levels are on their own pages, not repeated under the introduction.
        #expect(!overview.contains("Deploys a change to the Acme staging cluster with a buddy"))
        // `sidebarGroup` and `sidebarTitle` are the navigation group and label.
        let home = try site.read("public/index.html")
        #expect(home.contains(">🛠️ Backend</a>"))
        #expect(home.contains(">🌐 Web</a>"))
    }

    @Test func content_beyond_the_level_count_is_shown_and_said() throws {
        let site = try TempSite(copying: Repo.fixture("formats/monzo"))
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0)
        #expect(result.err.contains("content/frameworks/engineering/web.md:56:1: warning: topic 'frontend' has content for level L4, beyond 'levels: 3'"))
        // No other warning: Monzo's levels carry no summary, and that is not a mistake.
        #expect(result.err.split(separator: "\n").filter { $0.contains(": warning: ") }.count == 1, "\(result.err)")
    }
}
