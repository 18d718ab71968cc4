import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderRecognise

/// A folder of competency pages — one page per skill, each with the same level sections (`### Junior
/// level`, `### Mid level`, `### Senior level`), the shape of a learning pathway — read as ONE track.
///
/// The track is written out as the Markdown of a `levels: headings` page rather than built a second way
/// (unlike a track given as data, which is read into typed levels): `## Junior level`, under it `### Testing your
/// work` with what that page says for juniors, and so on for each page and level. Every view — level
/// pages, matrix, comparisons, search — then treats it like prose. The folder's `index.md` (if any) is
/// the introduction above the levels; the competency pages stay plain pages, where their links are checked.
enum CompetencyPagesTrack {
    /// A page's run of level sections.
    struct Run {
        /// Heading depth of the level sections.
        var depth: Int
        /// Indices into the page's headings: the levels, and a shared "All levels" section if any.
        var levels: [Int]
        var shared: Int?
        /// What levels are compared by across pages: `junior`, `l2`.
        var key: [String]
    }

    struct Found {
        var pages: [(page: ScannedPage, run: Run)]
        /// The level headings as the first page writes them, and their ids when the text is no id.
        var labels: [String]
        var ids: [String]?
    }

    /// The pages holding the same run of levels (the largest such group, two pages at least).
    static func find(_ pages: [ScannedPage]) -> Found? {
        var groups: [[String]: [(page: ScannedPage, run: Run)]] = [:]
        for page in pages {
            // A page whose levels each hold the same sections is a ladder of its own, not one competency.
            if let run = run(in: page), !hasSectionsUnderEveryLevel(page, run) { groups[run.key, default: []].append((page, run)) }
        }
        guard let best = groups.values.max(by: { ($0.count, $1[0].page.source.contentPath) < ($1.count, $0[0].page.source.contentPath) }),
              best.count >= 2 else { return nil }
        let first = best[0]
        let texts = first.run.levels.map { first.page.headings[$0].text }
        let labels = texts.compactMap { LevelLabel($0) }
        // Bare ids and numbers (`L1`, `Level 1`) need a word about careers in the pages' own text; seniority
        // words in order (`Junior`, `Mid`, `Senior`) on two pages or more are that word.
        if labels.contains(where: { $0.needsContext && $0.family != "words" }) {
            let text = best.map { entry in
                let levelLines = Set(entry.run.levels.map { entry.page.headings[$0].line })
                return entry.page.lines().enumerated().filter { !levelLines.contains($0.offset) }.map { $0.element.lowercased() }
                    .joined(separator: " ")
            }.joined(separator: " ")
            if !LadderRecognition.mentionsCareers(text) { return nil }
        }
        let ordered = best.sorted { ($0.page.explicitOrder ?? Int.max, $0.page.source.contentPath) < ($1.page.explicitOrder ?? Int.max, $1.page.source.contentPath) }
        return Found(pages: ordered, labels: texts, ids: LadderRecognition.ids(for: texts, labels: labels))
    }

    /// Whether two section names at least recur under every level of the run (`### Knowledge`,
    /// `### Ownership` under each `## Level N`): the page then holds competencies of its own.
    static func hasSectionsUnderEveryLevel(_ page: ScannedPage, _ run: Run) -> Bool {
        let headings = page.headings
        let sets = run.levels.map { i -> Set<String> in
            var names: Set<String> = []
            var j = i + 1
            while j < headings.count, headings[j].depth > headings[i].depth {
                if headings[j].depth == headings[i].depth + 1 { names.insert(headings[j].text.lowercased()) }
                j += 1
            }
            return names
        }
        guard var common = sets.first else { return false }
        for set in sets.dropFirst() { common.formIntersection(set) }
        return common.count >= 2
    }

    /// The first run of at least three sibling headings naming levels of one ladder, in order.
    static func run(in page: ScannedPage) -> Run? {
        let headings = page.headings
        // A run is three level labels at least: most pages (an article, a how-to) have none, and are
        // done with after one label test per heading.
        let labels = headings.map { LevelLabel($0.text) }
        guard labels.lazy.filter({ $0 != nil }).count >= 3 else { return nil }
        for depth in Set(headings.map(\.depth)).sorted() {
            var stretch: [Int] = []
            var family: String?
            for i in Array(headings.indices) + [-1] {
                if i >= 0, headings[i].depth > depth { continue }
                let label = i >= 0 && headings[i].depth == depth ? labels[i] : nil
                if i >= 0, headings[i].depth == depth, TrackAssembler.isSharedHeading(headings[i].text) {
                    stretch.append(i)
                    continue
                }
                // A section named like a role before the levels ("Your role as developer") starts no run.
                if let label, family == nil || label.family == family {
                    stretch.append(i)
                    family = label.family
                    continue
                }
                let levels = stretch.filter { !TrackAssembler.isSharedHeading(headings[$0].text) }
                let labels = levels.compactMap { LevelLabel(headings[$0].text) }
                if levels.count >= 3, stretch.count - levels.count <= 1, LevelLabel.isRun(labels) {
                    let texts = levels.map { headings[$0].text }
                    let key = (LadderRecognition.ids(for: texts, labels: labels) ?? texts.map { LevelName.split($0).id })
                        .map { $0.lowercased() }
                    return Run(depth: depth, levels: levels, shared: stretch.first { !levels.contains($0) }, key: key)
                }
                (stretch, family) = label.map { ([i], $0.family) } ?? ([], nil)
            }
        }
        return nil
    }

    /// The track page: the folder's index page (if any) as its introduction, then the shared section and
    /// each level with every page's section for it. Each line remembers the file line it came from.
    static func source(_ found: Found, intro: PageSource?, folder: String, display: String) -> PageSource {
        var writer = BodyWriter()
        var frontMatter = intro?.frontMatter ?? FrontMatter(location: SourceLocation(path: display, line: 1))
        if var intro {
            // A `# Title` first line is the page's title, not a heading of its introduction.
            let scanned = ScannedPage(intro, index: 0)
            if frontMatter["title"] == nil, let h = scanned.headings.first, h.depth == 1,
               scanned.lines()[..<h.line].allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                frontMatter.map.append(entry("title", h.text, at: SourceLocation(path: intro.displayPath, line: intro.fileLine(h.line + 1))))
                var lines = scanned.lines().map(String.init)
                lines[h.line] = ""
                intro.body = lines.joined(separator: "\n")
            }
            writer.introduction(intro)
            writer.blank(line: intro.bodyLine)
        } else {
            let name = String(folder.split(separator: "/").last ?? "")
            frontMatter.map.append(entry("title", Page.titleFromFileName(name), at: SourceLocation(path: display, line: 1)))
        }
        if found.pages.contains(where: { $0.run.shared != nil }) {
            let line = found.pages.first { $0.run.shared != nil }.map { $0.page.source.fileLine($0.page.headings[$0.run.shared!].line + 1) } ?? 1
            writer.add("## All levels", line: line)
            writer.blank(line: line)
            for (page, run) in found.pages { if let shared = run.shared { section(shared, of: page, depth: run.depth, into: &writer) } }
        }
        for (n, label) in found.labels.enumerated() {
            let first = found.pages[0]
            let line = first.page.source.fileLine(first.page.headings[first.run.levels[n]].line + 1)
            writer.add("## " + escapeInline(label), line: line)
            writer.blank(line: line)
            for (page, run) in found.pages { section(run.levels[n], of: page, depth: run.depth, into: &writer) }
        }
        let contentPath = intro?.contentPath ?? folder + "/_index.md"
        var source = PageSource(displayPath: intro?.displayPath ?? display, contentPath: contentPath,
                                frontMatter: frontMatter, body: writer.text, bodyLine: 1, lineMap: writer.lineMap)
        source.levelIDs = found.ids
        return source
    }

    /// One page's section for one level, under a `###` heading with the page's name; nothing when empty.
    private static func section(_ heading: Int, of page: ScannedPage, depth: Int, into writer: inout BodyWriter) {
        let headings = page.headings
        let start = headings[heading].line + 1
        let pageLines = page.lines()
        let end = headings[(heading + 1)...].first { $0.depth <= depth }?.line ?? pageLines.count
        let name = competencyName(page, depth: depth)
        var lines: [(String, Int)] = []
        var deeper = headings[(heading + 1)...].filter { $0.line < end }.makeIterator()
        var next = deeper.next()
        for n in start..<max(start, end) {
            var text = String(pageLines[n])
            if let h = next, h.line == n {
                next = deeper.next()
                // A pasted page repeats its own name under each level (`### Testing`): said once already.
                if h.depth == depth + 1, h.text == name { continue }
                text = String(repeating: "#", count: min(6, 3 + h.depth - depth)) + " " + escapeInline(h.text)
            }
            lines.append((text, page.source.fileLine(n + 1)))
        }
        while lines.last?.0.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        while lines.first?.0.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeFirst() }
        guard !lines.isEmpty else { return }
        let line = page.source.fileLine(headings[heading].line + 1)
        writer.add("### " + escapeInline(name), line: line)
        writer.blank(line: line)
        for (text, line) in lines { writer.add(text, line: line) }
        writer.blank(line: lines.last?.1 ?? line)
    }

    /// `title:`, else a first heading above the levels, else the file name.
    static func competencyName(_ page: ScannedPage, depth: Int) -> String {
        if let title = (try? page.source.frontMatter.string("title")) ?? nil { return title }
        if let first = page.headings.first, first.depth < depth {
            return first.text
        }
        return Page.titleFromFileName(page.source.contentPath)
    }

    private static func entry(_ key: String, _ value: String, at location: SourceLocation) -> YAMLMap.Entry {
        return YAMLMap.Entry(key: key, value: .string(value), keyLocation: location, valueLocation: location)
    }

    /// Text placed in a heading is shown as written: every ASCII punctuation mark is escaped.
    static func escapeInline(_ text: String) -> String {
        var out = ""
        for ch in text.replacingOccurrences(of: "\n", with: " ") {
            if ch.isASCII, ch.isPunctuation || ch.isSymbol { out += "\\" }
            out.append(ch)
        }
        return out
    }

    /// Lines of Markdown with the file line each came from.
    struct BodyWriter {
        var lines: [String] = []
        var lineMap: [Int] = []
        var text: String { lines.joined(separator: "\n") + "\n" }

        mutating func add(_ line: String, line fileLine: Int) {
            lines.append(line)
            lineMap.append(fileLine)
        }

        mutating func blank(line: Int) { add("", line: line) }

        /// The page's own Markdown, each heading made at least `###` so it stays apart from the levels.
        mutating func introduction(_ source: PageSource) {
            let outline = Outline(body: source.body, bodyLine: source.bodyLine)
            var lines = source.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let shift = outline.headings.map(\.depth).min().map { max(0, 3 - $0) } ?? 0
            for heading in outline.headings where shift > 0 {
                let n = heading.line - source.bodyLine
                guard n >= 0, n < lines.count else { continue }
                let depth = min(6, heading.depth + shift)
                let text = lines[n].drop { $0 == " " }
                if text.hasPrefix("#") {
                    lines[n] = String(repeating: "#", count: depth) + text.drop { $0 == "#" }
                } else if n + 1 < lines.count {
                    // A setext heading (text over `===` or `---`) becomes an ATX one; its underline goes.
                    lines[n] = String(repeating: "#", count: depth) + " " + text
                    lines[n + 1] = ""
                }
            }
            for (n, line) in lines.enumerated() { add(line, line: source.bodyLine + n) }
        }
    }
}
