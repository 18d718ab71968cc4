import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The home page's career-path diagram on a site built by the real binary: the `<svg>` is read back by an
/// XML parser, so markup that a level's name smuggled in would show up as an element, not as text.
@Suite struct CareerPathDiagramTests {
    static let files = [
        "content/site.yml": "title: Acme\nbase_url: /careers/\ntracks: [eng, mgmt, ops]\n",
        "content/eng/l1.md": "---\ntitle: Engineer 1\nlevel: L1\n---\n\n## Impact\n\n- Ships.\n",
        "content/eng/l2.md": "---\ntitle: Engineer 2\nlevel: L2\n---\n\n## Impact\n\n- Ships more.\n",
        "content/eng/l3.md": "---\ntitle: Senior Engineer\nlevel: L3\nequivalent: M1\n---\n\n## Impact\n\n- Leads.\n",
        "content/eng/l4.md": "---\ntitle: Staff Engineer\nlevel: L4\nequivalent: M2\n---\n\n## Impact\n\n- Leads teams.\n",
        "content/mgmt/m1.md": "---\ntitle: Manager\nlevel: M1\n---\n\n## Impact\n\n- Runs a team.\n",
        "content/mgmt/m2.md": "---\ntitle: '<script>alert(1)</script>'\nlevel: M2\n---\n\n## Impact\n\n- Runs teams.\n",
        "content/ops/o1.md": "---\ntitle: 'Ops & \"Friends\"'\nlevel: O1\n---\n\n## Impact\n\n- Runs things.\n",
    ]

    /// What the parser saw: each level link (href, accessible name) in document order, with its column
    /// (the `cp-track` group) and its box's top; the equivalence lines; and every element's name.
    struct Drawing {
        var links: [(href: String, name: String, column: Int, top: Int)] = []
        var columns = 0
        var lines: [(x1: Int, y1: Int, x2: Int, y2: Int)] = []
        var elements: Set<String> = []
    }

    final class Reader: NSObject, XMLParserDelegate {
        var drawing = Drawing()
        private var groups: [String] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            drawing.elements.insert(name)
            switch name {
            case "g":
                groups.append(attributes["class"] ?? "")
                if attributes["class"] == "cp-track" { drawing.columns += 1 }
            case "a" where attributes["class"] == "cp-level":
                drawing.links.append((attributes["href"] ?? "", attributes["aria-label"] ?? "", drawing.columns - 1, -1))
            case "rect":
                if !drawing.links.isEmpty { drawing.links[drawing.links.count - 1].top = Int(attributes["y"] ?? "") ?? -1 }
            case "line" where groups.last == "cp-equivalents":
                let n = { Int(attributes[$0] ?? "") ?? -1 }
                drawing.lines.append((n("x1"), n("y1"), n("x2"), n("y2")))
            default: break
            }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "g" { groups.removeLast() }
        }
    }

    static func svg(in html: String) -> String? {
        guard let start = html.range(of: "<svg class=\"career-paths-svg\""), let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    static func read(_ svg: String) throws -> Drawing {
        let reader = Reader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "the SVG is well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
        return reader.drawing
    }

    @Test func the_home_page_draws_each_track_as_a_column_of_links_with_equivalents_joined() throws {
        let site = try TempSite(files: Self.files)
        defer { site.remove() }
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        let home = try site.read("public/index.html")
        let svg = try #require(Self.svg(in: home))
        #expect(home.components(separatedBy: "<svg class=\"career-paths-svg\"").count == 2, "one diagram")
        let drawing = try Self.read(svg)

        // One link per level, column by column, each column lowest level first.
        #expect(drawing.links.map(\.href) == ["/careers/eng/l1/", "/careers/eng/l2/", "/careers/eng/l3/", "/careers/eng/l4/",
                                              "/careers/mgmt/m1/", "/careers/mgmt/m2/", "/careers/ops/o1/"])
        #expect(drawing.columns == 3)
        #expect(drawing.links.map(\.column) == [0, 0, 0, 0, 1, 1, 2])
        // Bottom to top: each level's box above the one before it in its column.
        for (a, b) in zip(drawing.links, drawing.links.dropFirst()) where a.column == b.column {
            #expect(b.top < a.top, "\(b.href) is drawn above \(a.href)")
        }
        // L3 ≈ M1 and L4 ≈ M2: management is raised so each pair sits on one row, and joined by a line.
        #expect(drawing.links[4].top == drawing.links[2].top)
        #expect(drawing.links[5].top == drawing.links[3].top)
        #expect(drawing.lines.count == 2)
        for line in drawing.lines { #expect(line.y1 == line.y2 && line.x1 < line.x2) }

        // Names stay text: the parser saw no script element, and the names come back as written.
        #expect(!drawing.elements.contains("script"))
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(drawing.links[5].name == "M2 · <script>alert(1)</script>")
        #expect(drawing.links[6].name == "O1 · Ops & \"Friends\"")

        // The text alternative lists the same links and the pairs.
        let list = try #require(home.range(of: "<details class=\"career-paths-text\">").map { String(home[$0.lowerBound...]) })
        for link in drawing.links { #expect(list.contains("<a href=\"\(link.href)\">")) }
        #expect(list.contains("<a href=\"/careers/eng/l3/\">L3 · Senior Engineer</a> (Eng) and <a href=\"/careers/mgmt/m1/\">M1 · Manager</a> (Mgmt)"))

        // The same bytes from a second build.
        #expect(site.ladder(["build", site.path, "--quiet", "-o", site.path + "/again"]).status == 0)
        #expect(try site.read("again/index.html") == home)
    }

    @Test func a_site_without_levels_draws_nothing() throws {
        let site = try TempSite(files: ["content/index.md": "# Home\n\nHello.\n"])
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let home = try site.read("public/index.html")
        #expect(!home.contains("<svg"))
        #expect(!home.contains("career-paths"))
    }
}
