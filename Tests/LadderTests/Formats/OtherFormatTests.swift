import Foundation
import Testing

/// Job-family YAML, other generators' front matter, line endings, tabs in YAML and near-miss keys.
@Suite struct OtherFormatTests {
    @Test func a_job_family_yaml_file_is_a_track_in_the_order_listed() throws {
        let site = try TempSite(copying: Repo.fixture("formats/jobfamily"))
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        let overview = try site.read("public/families/engineering/index.html")
        // Each level's label once: its id is its title's start or slug (issue 32).
        let order = ["associate/\">Associate Engineer", "engineer/\">Engineer", "senior/\">Senior Engineer"]
        let positions = try order.map { try #require(overview.range(of: $0), "\($0)").lowerBound }
        #expect(positions == positions.sorted())
        #expect(overview.contains("Competencies for engineers in the Acme product organisation."))
        // Themes are the competencies; each competency entry a criterion, with its proficiency and examples.
        for theme in ["delivery", "communication", "technical"] {
            #expect(site.exists("public/families/engineering/competencies/\(theme)/index.html"))
        }
        let engineer = withoutCriterionIDs(try site.read("public/families/engineering/engineer/index.html"))
        #expect(engineer.contains("<li>Estimates their own tasks and delivers them close to the estimate. <em>(Foundational)</em></li>"))
        #expect(engineer.contains("<li>Keeps the README's setup steps current</li>"))
        #expect(site.exists("public/families/engineering/compare/associate-vs-senior/index.html"))
        // `isLegacy` marks the track on its pages; the YAML files are not copied as static files.
        let legacy = try site.read("public/families/legacy/senior/index.html")
        #expect(legacy.contains("Engineering (Legacy) (legacy)"))
        #expect(!site.exists("public/families/engineering.yml"))
    }

    @Test func a_page_written_for_jekyll_builds_with_a_warning_and_fails_strict() throws {
        let site = try TempSite(copying: Repo.fixture("formats/jekyll"))
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.contains("content/ladder/senior-engineer.html.md:3:1: warning: unknown layout 'framework_docs', using 'page'"))
        #expect(result.err.contains("content/ladder/index.md:2:1: warning: unknown layout 'default', using 'page'"))
        // `permalink` sets the URL; Jekyll's own keys (`parent`, `objective`) are params, not typos.
        let page = try site.read("public/ladder/senior-engineer/index.html")
        #expect(page.contains("<h1>Senior Engineer</h1>"))
        #expect(page.contains("Turns a fuzzy goal into a plan the team can deliver"))
        #expect(!result.err.contains("unknown key"))
        let check = site.ladder(["check", site.path, "--strict"])
        #expect(check.status == 1)
    }

    @Test func an_html_md_file_maps_to_the_url_of_its_md_twin() throws {
        let site = try TempSite(files: [
            "content/docs/setup.html.md": "---\ntitle: Setup\n---\nHello.\n",
            "content/docs/other.html.markdown": "---\ntitle: Other\n---\nSee [setup](setup.html.md).\n",
        ])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(try site.read("public/docs/other/index.html").contains("<a href=\"/docs/setup/\">setup</a>"))
        #expect(site.exists("public/docs/setup/index.html"))
    }

    static let levelFile = "---\ntrack: eng\nlevel: L1\ntitle: One\nsummary: First level.\n---\n\n## Impact\n\n- Ships [work](missing.md).\n"

    @Test func crlf_cr_and_bom_files_read_exactly_like_their_lf_twins() throws {
        let variants = [
            "lf": Self.levelFile,
            "crlf": Self.levelFile.replacingOccurrences(of: "\n", with: "\r\n"),
            "cr": Self.levelFile.replacingOccurrences(of: "\n", with: "\r"),
            "bom": "\u{FEFF}" + Self.levelFile,
            "mixed": Self.levelFile.replacingOccurrences(of: "title: One\n", with: "title: One\r\n")
                .replacingOccurrences(of: "## Impact\n\n", with: "## Impact\r\r"),
        ]
        for (name, text) in variants.sorted(by: { $0.key < $1.key }) {
            let site = try TempSite(files: ["content/eng/l1.md": text])
            defer { site.remove() }
            let result = site.ladder(["build", site.path])
            // The same error at the same place: the front matter was read, the body's lines counted alike.
            #expect(result.status == 1, "\(name)")
            #expect(result.err.contains("content/eng/l1.md:10:9: error: link to missing page 'missing.md'"), "\(name): \(result.err)")
            try site.write("content/eng/l1.md", text.replacingOccurrences(of: "[work](missing.md)", with: "work"))
            #expect(site.ladder(["build", site.path]).status == 0, "\(name)")
            let page = try site.read("public/eng/l1/index.html")
            #expect(page.contains("<span class=\"level-id\">L1</span> One"), "\(name)")
            #expect(page.contains("<h2 id=\"impact\">Impact</h2>"), "\(name)")
        }
    }

    @Test func a_tab_after_a_dash_separates_and_a_tab_that_indents_is_an_error_with_a_hint() throws {
        let good = try TempSite(files: ["content/p.md": "---\ntitle: P\ntags:\n  -\t\"one\"\n  - two\n---\nBody.\n"])
        defer { good.remove() }
        #expect(good.ladder(["build", good.path]).status == 0)
        #expect(good.exists("public/tags/one/index.html"))
        let bad = try TempSite(files: ["content/p.md": "---\ntitle: P\ntags:\n\t- one\n---\nBody.\n"])
        defer { bad.remove() }
        let result = bad.ladder(["build", bad.path])
        #expect(result.status == 1)
        #expect(result.err.contains("content/p.md:4:"), "\(result.err)")
        #expect(result.err.contains("YAML forbids tabs for indentation; indent with spaces"), "\(result.err)")
    }

    @Test func yaml_mistakes_get_a_hint() throws {
        let cases = [
            ("---\ntitle: Levels: an overview\n---\n", "must be quoted"),
            ("---\ntitle: \"Levels\nsummary: x\n---\n", "the quote opened at line 2 is never closed"),
        ]
        for (text, hint) in cases {
            let site = try TempSite(files: ["content/p.md": text])
            defer { site.remove() }
            let result = site.ladder(["build", site.path])
            #expect(result.status == 1)
            #expect(result.err.contains(hint), "\(result.err)")
        }
    }

    @Test func a_near_miss_of_a_key_is_a_warning_at_its_line() throws {
        let site = try TempSite(files: [
            "content/site.yml": "title: Acme\ndescriptoin: Our ladder\n",
            "content/eng/l2.md": "---\ntitle: Two\ntrack: eng\nlevle: L2\nequivalnet: M1\nteam: platform\nsumary: x\n---\nText.\n",
        ])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.contains("content/site.yml:2:1: warning: unknown key 'descriptoin' (did you mean 'description'?)"), "\(result.err)")
        #expect(result.err.contains("content/eng/l2.md:7:1: warning: unknown key 'sumary' (did you mean 'summary'?)"))
        #expect(result.err.contains("content/eng/l2.md:4:1: warning: unknown key 'levle' (did you mean 'level'?)"))
        #expect(result.err.contains("content/eng/l2.md:5:1: warning: unknown key 'equivalnet' (did you mean 'equivalent'?)"))
        // A key of the site's own is a param, silently.
        #expect(!result.err.contains("'team'"))
        #expect(site.ladder(["check", site.path, "--strict"]).status == 1)
    }
}
