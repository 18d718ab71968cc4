import Foundation
import LadderCore
import LadderLoad
import LadderRecognise

/// Ladders found in a folder as a whole, among pages that say nothing about levels (no `level:`,
/// `levels:` or `topics:` key anywhere in the folder):
///
/// - **a folder of level pages**: one page per level, each with the same competency sections. At least
///   two pages whose titles name levels of one ladder (`L5 Senior Engineer`, `Engineer II`, `Staff
///   Engineer`) and that share at least two section names at their top depth; or, with no level titles,
///   at least three pages that all give `order:`/`weight:` and share two section names that are
///   competencies (Impact, Delivery…). A how-to folder (`## Prerequisites`, `## Steps` on every page) has
///   neither level titles nor competency sections and stays plain; so does one level page alone.
/// - **a folder of competency pages**: at least two pages holding the same run of level sections
///   (`### Junior level` … `### Senior level`, `## L1` …). They become one track whose levels are cut from
///   the pages' blocks (see `CompetencyPagesTrack`); the pages themselves stay plain pages.
/// - **a folder of competency files**: at least two JSON or YAML files keyed by the same run of level
///   labels (`{"name": "Mentoring", "L1": {…}, "L2": {…}}`), one competency each. Their records, as
///   they are, make one track's data (see `competencyFilesSource`); the files are published as they are.
///
/// Decided over the folder's sources together, before pages are interpreted one by one; what each page
/// is travels with its source as a `FolderLadderNote`. Headings are found by a line scan (ATX headings
/// outside fences), which is all a decision needs and costs far less than parsing every page twice.
/// Folders found to hold no ladder, by a fingerprint of their files: what one build tells the next.
package struct PlainFolders: Sendable {
    var fingerprints: [String: Int] = [:]
    package init() {}
}

package enum FolderRecognition {
    /// The sources with each recognised folder's notes set, and a track page added for each folder of
    /// competency pages that has no index page to hold it.
    ///
    /// A folder is decided from its own sources alone, so one whose files are all unchanged since a
    /// build that found no ladder in it (`plain`, fingerprints by `fileKey`) is not read again: the
    /// preview server decides only the folder of the page saved.
    static func apply(_ sources: [PageSource], plain: inout PlainFolders, fileKey: (PageSource) -> Int?) -> [PageSource] {
        var byFolder: [String: [Int]] = [:]
        for (i, source) in sources.enumerated() {
            byFolder[folder(of: source.contentPath), default: []].append(i)
        }
        // Each folder is decided on its own, in parallel (reading the pages is the costly part); ids and
        // notes are then given in folder order, so the result does not depend on the schedule.
        var folders = byFolder.keys.sorted().filter { !$0.isEmpty && (byFolder[$0]?.count ?? 0) >= 2 }
        let summary = summaryOrder(sources)
        let fingerprints = folders.map { folder -> Int? in
            var h = Hasher()
            for index in byFolder[folder] ?? [] {
                let source = sources[index]
                h.combine(summary[source.contentPath])
                // A data track's Markdown also depends on the generic framework, wherever that is.
                guard let key = fileKey(source), !DataTrack.isDataTrack(source.frontMatter) else { return nil }
                h.combine(source.contentPath); h.combine(source.displayPath); h.combine(key)
            }
            return h.finalize()
        }
        let known = plain
        var decisions = Array(folders.indices).parallelMap { n -> Decision? in
            if let fingerprint = fingerprints[n], known.fingerprints[folders[n]] == fingerprint { return nil }
            return decide(folders[n], indices: byFolder[folders[n]] ?? [], sources: sources, summary: summary)
        }
        plain = PlainFolders()
        for (n, decision) in decisions.enumerated() where decision == nil {
            if let fingerprint = fingerprints[n] { plain.fingerprints[folders[n]] = fingerprint }
        }
        mergeCompetencyFolders(&folders, &decisions, byFolder: byFolder, sources: sources)
        var out = sources
        guard decisions.contains(where: { $0 != nil }) else { return out }
        // A folder's track is named after the folder, unless pages that say what they are already use that
        // name (`engineering/l1.md` with `level:` is track `engineering`): then after its whole path.
        var usedIDs: Set<String> = []
        let decided = Set(zip(folders, decisions).filter { $0.1 != nil }.map(\.0))
        for source in sources where !source.isDataCandidate
            && (!LadderRecognition.mayRecognise(source.frontMatter) || source.frontMatter["track"] != nil) {
            if decided.contains(folder(of: source.contentPath)) { continue }
            if let track = (try? source.frontMatter.string("track")) ?? nil { usedIDs.insert(Slug.make(track)) }
            let parts = source.contentPath.split(separator: "/")
            if parts.count > 1 { usedIDs.insert(Slug.make(String(parts[0]))) }
        }
        for (folder, decision) in zip(folders, decisions) {
            guard let decision else { continue }
            // `content/career-path/`: the folder as diagnostics name it (a merged track's first page is deeper).
            let first = sources[decision.firstPage]
            let display = first.displayPath.hasSuffix(first.contentPath)
                ? String(decoding: first.displayPath.utf8.dropLast(first.contentPath.utf8.count), as: UTF8.self) + folder + "/" : folderDisplay(first.displayPath)
            let url = Page.url(forContentPath: folder + "/_index.md")
            var id = Slug.make(String(folder.split(separator: "/").last ?? ""))
            if id.isEmpty || usedIDs.contains(id) { id = Slug.make(folder.replacingOccurrences(of: "/", with: "-")) }
            var n = 2
            while usedIDs.contains(id) { id = Slug.make(folder.replacingOccurrences(of: "/", with: "-")) + "-\(n)"; n += 1 }
            usedIDs.insert(id)
            switch decision.shape {
            case .competencies(let found):
                let note = { (role: FolderLadderNote.Role) in
                    FolderLadderNote(role: role, folder: display, trackID: id, trackURL: url, origin: "its competency pages")
                }
                for page in found.pages { out[page.page.index].folderLadder = note(.competency) }
                var track = CompetencyPagesTrack.source(found, intro: decision.indexPage.map { sources[$0] },
                                                        folder: folder, display: display)
                track.folderLadder = note(.track)
                if let indexPage = decision.indexPage { out[indexPage] = track } else { out.append(track) }
            case .dataCompetencies(let files):
                // A folder with an index page keeps it at the folder's URL: the files stay files there.
                guard decision.indexPage == nil else { continue }
                var track = competencyFilesSource(files.map { sources[$0] }, folder: folder, display: display)
                track.folderLadder = FolderLadderNote(role: .track, folder: display, trackID: id, trackURL: url, origin: "its competency files")
                out.append(track)
            case .levels(let levels):
                for (n, level) in levels.enumerated() {
                    out[level.index].folderLadder = FolderLadderNote(
                        role: .level, folder: display, trackID: id, trackURL: url, levelID: level.id, order: n + 1,
                        origin: "its level pages")
                }
                if let indexPage = decision.indexPage {
                    out[indexPage].folderLadder = FolderLadderNote(role: .intro, folder: display, trackID: id,
                                                                   trackURL: url, origin: "its level pages")
                }
            }
        }
        return out
    }

    /// Competency pages kept in sub-folders by group (`career-path/technical-skills/`,
    /// `career-path/working-practices/`) with the same run of levels are one track: the sub-folders'
    /// decisions become one at their parent folder, whose index page (if any) introduces it.
    static func mergeCompetencyFolders(_ folders: inout [String], _ decisions: inout [Decision?],
                                       byFolder: [String: [Int]], sources: [PageSource]) {
        var groups: [String: [Int]] = [:]
        for (n, decision) in decisions.enumerated() {
            guard case .competencies(let found)? = decision?.shape, let first = found.pages.first else { continue }
            let parent = folder(of: folders[n] + "/x")
            let above = String(parent.split(separator: "/").dropLast().joined(separator: "/"))
            groups[above + "\n" + first.run.key.joined(separator: "\n"), default: []].append(n)
        }
        var removed: Set<Int> = []
        for (key, members) in groups.sorted(by: { $0.key < $1.key }) where members.count >= 2 {
            let parent = String(key.split(separator: "\n", omittingEmptySubsequences: false)[0])
            guard !parent.isEmpty, !folders.contains(parent) || decisions[folders.firstIndex(of: parent)!] == nil else { continue }
            var pages: [(page: ScannedPage, run: CompetencyPagesTrack.Run)] = []
            var first: CompetencyPagesTrack.Found?
            for n in members.sorted(by: { folders[$0] < folders[$1] }) {
                guard case .competencies(let found)? = decisions[n]?.shape else { continue }
                if first == nil { first = found }
                pages += found.pages
                // A sub-folder's own index page stays a page of its own.
                removed.insert(n)
            }
            guard var found = first else { continue }
            found.pages = pages
            let indexPage = (byFolder[parent] ?? []).first { isIndex(sources[$0].contentPath) }
            let decision = Decision(shape: .competencies(found), indexPage: indexPage, firstPage: pages[0].page.index)
            if let at = folders.firstIndex(of: parent) {
                decisions[at] = decision
            } else {
                folders.append(parent)
                decisions.append(decision)
            }
        }
        for n in removed.sorted(by: >) {
            folders.remove(at: n)
            decisions.remove(at: n)
        }
    }

    /// What one folder holds, when it is a ladder.
    struct Decision {
        enum Shape {
            case competencies(CompetencyPagesTrack.Found)
            /// Source indices of data files keyed by the same level labels, in path order.
            case dataCompetencies([Int])
            /// Source indices of the level pages in ladder order, with their ids.
            case levels([(index: Int, id: String)])
        }

        var shape: Shape
        var indexPage: Int?
        var firstPage: Int
    }

    static func decide(_ folder: String, indices: [Int], sources: [PageSource], summary: [String: Int] = [:]) -> Decision? {
        // A folder that already says what it holds is left as it is.
        // (A data file's keys are its data, not front matter.)
        guard indices.allSatisfy({ sources[$0].isDataCandidate || LadderRecognition.mayRecognise(sources[$0].frontMatter) }) else { return nil }
        if let files = levelKeyedFiles(indices.filter { sources[$0].isDataCandidate }, sources: sources) {
            return Decision(shape: .dataCompetencies(files), indexPage: indices.first { isIndex(sources[$0].contentPath) }, firstPage: files[0])
        }
        let markdown = indices.filter { isMarkdown(sources[$0].contentPath) }
        let indexPage = markdown.first { isIndex(sources[$0].contentPath) }
        let candidates = markdown.filter { !isIndex(sources[$0].contentPath) && !isReadme(sources[$0].contentPath)
            && !isSummary(sources[$0].contentPath) }
        guard candidates.count >= 2 else { return nil }
        let pages = candidates.map { ScannedPage(sources[$0], index: $0, listedAt: summary[sources[$0].contentPath]) }
        if let found = CompetencyPagesTrack.find(pages) {
            return Decision(shape: .competencies(found), indexPage: indexPage, firstPage: candidates[0])
        }
        if let levels = levelPages(pages) {
            return Decision(shape: .levels(levels.map { ($0.page.index, $0.id) }), indexPage: indexPage, firstPage: candidates[0])
        }
        return nil
    }

    // MARK: - A folder of competency files

    /// The largest group (two at least) of data files whose top-level keys include the same run of three
    /// level labels or more, in order: one competency per file.
    static func levelKeyedFiles(_ indices: [Int], sources: [PageSource]) -> [Int]? {
        guard indices.count >= 2 else { return nil }
        var groups: [[String]: [Int]] = [:]
        for i in indices {
            let keys = sources[i].frontMatter.map.entries.map(\.key).filter { LevelLabel($0) != nil }
            let labels = keys.compactMap { LevelLabel($0) }
            guard keys.count >= 3, LevelLabel.isRun(labels) else { continue }
            groups[keys, default: []].append(i)
        }
        guard let best = groups.values.max(by: { ($0.count, sources[$1[0]].contentPath) < ($1.count, sources[$0[0]].contentPath) }),
              best.count >= 2 else { return nil }
        return best.sorted { sources[$0].contentPath < sources[$1].contentPath }
    }

    /// The track of a folder of competency files: a data page made for the folder whose `competencies` are
    /// the files' records as they are (each keeping where it was written), named by their own name field or
    /// else by their file's name — the data reader reads them as skills keyed by level.
    static func competencyFilesSource(_ files: [PageSource], folder: String, display: String) -> PageSource {
        var root = YAMLMap()
        let at = SourceLocation(path: display, line: 1)
        let name = String(folder.split(separator: "/").last ?? "")
        root.append(.init(key: "title", value: .string(Page.titleFromFileName(name)), keyLocation: at, valueLocation: at))
        let records = files.map { file -> YAMLValue in
            var record = file.frontMatter.map
            let named = record.entries.contains { entry in
                guard LevelLabel(entry.key) == nil, case .string(let text) = entry.value else { return false }
                return !text.isEmpty && text.count <= 80 && !text.contains("\n")
            }
            if !named {
                var withName = YAMLMap()
                let first = SourceLocation(path: file.displayPath, line: 1)
                withName.append(.init(key: "name", value: .string(Page.titleFromFileName(file.contentPath)), keyLocation: first, valueLocation: first))
                for entry in record.entries { withName.append(entry) }
                record = withName
            }
            return .map(record)
        }
        root.append(.init(key: "competencies", value: .list(records), keyLocation: at, valueLocation: at))
        var source = PageSource(displayPath: display, contentPath: folder + "/_index.md",
                                frontMatter: FrontMatter(map: root, location: at), body: "", bodyLine: 1)
        source.isDataCandidate = true
        return source
    }

    // MARK: - A folder of level pages

    /// Section names (the headings at a page's top depth under its title) common words for competencies,
    /// which let a folder without level titles be a ladder when its pages give their order.
    static let competencyWords: Set<String> = [
        "impact", "ownership", "communication", "collaboration", "delivery", "leadership", "craft", "scope",
        "technical skills", "technical skill", "technical excellence", "technical expertise", "mentoring",
        "mentorship", "execution", "influence", "autonomy", "teamwork", "people", "strategy", "quality",
        "growth", "business impact", "complexity", "ambiguity", "judgement", "judgment", "problem solving",
        "expertise", "knowledge", "responsibilities", "expectations", "behaviours", "behaviors", "skills",
        "accountability", "initiative", "product", "architecture", "operations", "culture",
    ]

    /// The level pages of a folder in ladder order with their ids, or nil when the folder is no ladder.
    static func levelPages(_ pages: [ScannedPage]) -> [(page: ScannedPage, id: String)]? {
        // A title of a role the grammar does not know (`Part II`) names no level page by itself.
        let titled = pages.compactMap { page in
            page.title.flatMap { t in LevelLabel(t).flatMap { $0.family.hasPrefix("role:") ? nil : (page: page, label: Optional($0)) } }
        }
        var chosen: [(page: ScannedPage, label: LevelLabel?)]
        if titled.count >= 2 {
            chosen = titled
        } else if pages.count >= 3, pages.allSatisfy({ $0.explicitOrder != nil && $0.title != nil }) {
            chosen = pages.map { ($0, nil) }
        } else {
            return nil
        }
        var shared = Set(chosen[0].page.sectionNames)
        for other in chosen.dropFirst() { shared.formIntersection(other.page.sectionNames) }
        guard shared.count >= 2 else { return nil }
        // Files numbered in ladder order (`01 Junior.md`, `02 Expert.md`, `03 Senior-L1.md`) say the order
        // themselves: a page among them with every shared section is a level even if its title names none.
        let numbered = pages.allSatisfy { $0.fileNumber != nil }
        if numbered, titled.count >= 2 {
            let labelled = Set(chosen.map(\.page.index))
            chosen += pages.filter { !labelled.contains($0.index) && shared.isSubset(of: $0.sectionNames) }.map { ($0, nil) }
        }
        if titled.count < 2, shared.intersection(competencyWords).count < 2 { return nil }
        if chosen.contains(where: { $0.label?.needsContext == true }),
           !LadderRecognition.mentionsCareers(chosen.map { $0.page.source.body.lowercased() }.joined(separator: " ")) {
            return nil
        }
        // Order: `order`/`weight` first, then the seniority in the titles when the titles can be compared
        // (one family of ids, or titles and seniority words), then the file name.
        let labels = chosen.compactMap(\.label)
        let ids = labels.filter { $0.family.hasPrefix("id:") || $0.family == "level" }
        let comparable = labels.count == chosen.count && (ids.isEmpty || Set(labels.map(\.family)).count == 1)
        chosen.sort { a, b in
            let (x, y) = (a.page.explicitOrder ?? Int.max, b.page.explicitOrder ?? Int.max)
            if x != y { return x < y }
            if numbered, let l = a.page.fileNumber, let r = b.page.fileNumber, l != r { return l < r }
            if comparable, let l = a.label, let r = b.label, l.rank != r.rank { return l.rank.lexicographicallyPrecedes(r.rank) }
            return a.page.source.contentPath < b.page.source.contentPath
        }
        let result = chosen.map { ($0.page, levelID(title: $0.page.title ?? "", label: $0.label)) }
        // Two pages with one id are not levels of one ladder (two teams' "Senior Engineer" pages).
        guard Set(result.map { Slug.make($0.1) }).count == result.count, !result.contains(where: { Slug.make($0.1).isEmpty })
        else { return nil }
        return result
    }

    /// The leading token of the title where there is one (`L5`, `IC3`, `Level 3`), else its words (`senior-engineer`).
    static func levelID(title: String, label: LevelLabel?) -> String {
        let bare = title.replacingOccurrences(of: #"\s*\([^)]*\)"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"^\d{1,2}[a-z]?\s+(?=[A-Za-z])"#, with: "", options: .regularExpression)
            .trimmingCharacters(in: .whitespaces)
        if label?.family.hasPrefix("id:") == true { return LevelName.split(bare).id }
        if label?.family == "level", let m = bare.firstMatch(#"[Ll]evel\s+\d{1,2}"#) { return m[0] }
        return Slug.make(bare)
    }

    // MARK: - Paths

    static func folder(of contentPath: String) -> String {
        contentPath.split(separator: "/").dropLast().joined(separator: "/")
    }

    static func isMarkdown(_ path: String) -> Bool {
        ContentLoader.markdownExtensions.contains { path.lowercased().hasSuffix($0) }
    }

    static func isIndex(_ path: String) -> Bool {
        let name = String(path.split(separator: "/").last ?? "").lowercased()
        return name.hasPrefix("index.") || name.hasPrefix("_index.")
    }

    /// GitBook's table of contents (`SUMMARY.md`): it orders pages, and is no level or competency itself.
    static func isSummary(_ path: String) -> Bool {
        (path.split(separator: "/").last ?? "").lowercased() == "summary.md"
    }

    /// The place each page has in a `SUMMARY.md` (GitBook's table of contents: `* [Senior](eng/senior.md)`),
    /// by content path, counting from 1 in the order its links are written; the first mention counts.
    static func summaryOrder(_ sources: [PageSource]) -> [String: Int] {
        var order: [String: Int] = [:]
        for source in sources where isSummary(source.contentPath) {
            let base = folder(of: source.contentPath).split(separator: "/").map(String.init)
            var rest = source.body[...]
            while let open = rest.range(of: "](") {
                rest = rest[open.upperBound...]
                guard let close = rest.firstIndex(of: ")") else { break }
                var target = String(rest[..<close]).trimmingCharacters(in: .whitespaces)
                rest = rest[close...]
                if target.hasPrefix("<"), target.hasSuffix(">") { target = String(target.dropFirst().dropLast()) }
                target = String(target.prefix { $0 != "#" && $0 != "?" && $0 != " " })
                guard !target.isEmpty, !target.contains(":"), !target.hasPrefix("/") else { continue }
                var parts = base
                for part in (target.removingPercentEncoding ?? target).split(separator: "/") {
                    if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(String(part)) }
                }
                let path = parts.joined(separator: "/")
                if order[path] == nil { order[path] = order.count + 1 }
            }
        }
        return order
    }

    static func isReadme(_ path: String) -> Bool {
        String(path.split(separator: "/").last ?? "").lowercased().hasPrefix("readme.")
    }

    /// `content/engineering/l1.md` → `content/engineering/`.
    static func folderDisplay(_ displayPath: String) -> String {
        guard let slash = displayPath.lastIndex(of: "/") else { return displayPath }
        return String(displayPath[...slash])
    }
}

/// A page of a candidate folder, read just enough to decide: its title, headings and explicit order.
struct ScannedPage {
    struct Heading {
        var depth: Int
        var text: String
        /// 0-based line of the body.
        var line: Int
    }

    var source: PageSource
    /// Index of the source among all sources.
    var index: Int
    var headings: [Heading]
    /// `title:`, else the first heading (as `Page` takes it).
    var title: String?
    /// The heading the title came from, when it came from one.
    var titleHeading: Int?
    var explicitOrder: Int?

    init(_ source: PageSource, index: Int, listedAt: Int? = nil) {
        self.source = source
        self.index = index
        headings = Self.scan(source.body)
        let fmTitle = (try? source.frontMatter.string("title")) ?? nil
        title = fmTitle ?? headings.first?.text
        titleHeading = fmTitle == nil && !headings.isEmpty ? 0 : nil
        // A page's own `order:` first, then its place in a `SUMMARY.md`.
        explicitOrder = ["order", "weight", "nav_order"].lazy.compactMap { (try? source.frontMatter.int($0)) ?? nil }.first ?? listedAt
    }

    /// The body's lines, numbered as `Heading.line` counts them. Only a folder found to be a ladder
    /// needs them, so they are cut when asked for rather than for every page scanned.
    func lines() -> [Substring] { source.body.lineSlices() }

    /// The leading number of a file name that orders it: `01 Junior.md`, `02-expert.md` → 1, 2.
    var fileNumber: Int? {
        let name = String(source.contentPath.split(separator: "/").last ?? "")
        return name.firstMatch(#"^(\d{1,3})[a-z]?[ ._-]"#).flatMap { Int($0[1]) }
    }

    /// Lowercased names of the headings at the page's top depth, the title's heading aside.
    var sectionNames: [String] {
        var rest = headings.enumerated().filter { $0.offset != titleHeading }.map(\.element)
        // A lone first heading at the top depth is a title too (`# 01 Junior` under `title: Junior`).
        if let top = rest.map(\.depth).min(), rest.count > 1, rest[0].depth == top,
           rest.dropFirst().allSatisfy({ $0.depth > top }) {
            rest.removeFirst()
        }
        guard let depth = rest.map(\.depth).min() else { return [] }
        return rest.filter { $0.depth == depth }.map { $0.text.lowercased() }
    }

    /// ATX headings outside fenced code, with their text stripped of emphasis and closing hashes.
    ///
    /// Every page of every folder of two or more is scanned on every build (and every save in the
    /// preview), so this walks the body's bytes once and makes strings only of the headings. Lines end
    /// where `lineSlices` ends them: at a line feed that no carriage return precedes.
    static func scan(_ body: String) -> [Heading] {
        var body = body
        return body.withUTF8 { bytes in
            var out: [Heading] = []
            var fence: UInt8 = 0
            var line = 0
            var start = 0
            let count = bytes.count
            while start <= count {
                var end = start
                while end < count, !(bytes[end] == 0x0A && (end == 0 || bytes[end - 1] != 0x0D)) { end += 1 }
                defer { start = end + 1; line += 1 }
                // Most lines start with neither a heading nor a fence mark: one byte test skips them.
                var i = start
                while i < end, bytes[i] == 0x20 { i += 1 }
                guard i < end, i - start <= 3 else { continue }
                let mark = bytes[i]
                if mark == UInt8(ascii: "`") || mark == UInt8(ascii: "~") {
                    guard i + 2 < end, bytes[i + 1] == mark, bytes[i + 2] == mark else { continue }
                    if fence == 0 { fence = mark } else if fence == mark { fence = 0 }
                    continue
                }
                guard fence == 0, mark == UInt8(ascii: "#") else { continue }
                var j = i
                while j < end, bytes[j] == UInt8(ascii: "#") { j += 1 }
                guard j - i <= 6, j == end || bytes[j] == 0x20 || bytes[j] == 0x09 else { continue }
                let text = headingText(UnsafeBufferPointer(rebasing: bytes[j..<end]))
                if !text.isEmpty { out.append(Heading(depth: j - i, text: text, line: line)) }
            }
            return out
        }
    }

    /// What follows a heading's hashes, as a title: trimmed, without closing hashes, emphasis marks or
    /// backslashes. Printable ASCII not ending in `#` (nearly every heading) is trimmed byte by byte;
    /// anything else goes through `headingText(_: String)`, which says what the result must be.
    static func headingText(_ rest: UnsafeBufferPointer<UInt8>) -> String {
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard rest.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 }) else {
            return headingText(String(decoding: rest, as: UTF8.self))
        }
        var lower = rest.startIndex, upper = rest.endIndex
        while lower < upper, isBlank(rest[lower]) { lower += 1 }
        while upper > lower, isBlank(rest[upper - 1]) { upper -= 1 }
        guard upper == lower || rest[upper - 1] != UInt8(ascii: "#") else {
            return headingText(String(decoding: rest, as: UTF8.self))
        }
        let mark = { (byte: UInt8) in byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "`") || byte == 0x20 }
        while lower < upper, mark(rest[lower]) { lower += 1 }
        while upper > lower, mark(rest[upper - 1]) { upper -= 1 }
        let text = UnsafeBufferPointer(rebasing: rest[lower..<upper])
        guard text.contains(UInt8(ascii: "\\")) else { return String(decoding: text, as: UTF8.self) }
        return String(decoding: text.filter { $0 != UInt8(ascii: "\\") }, as: UTF8.self)
    }

    static func headingText(_ rest: String) -> String {
        var text = rest.trimmingCharacters(in: .whitespaces)
        // The regular expression is slow and a closing sequence rare: only a text ending in `#` can have one.
        if text.hasSuffix("#"), let closing = text.range(of: #"\s+#+$"#, options: .regularExpression) { text.removeSubrange(closing) }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: "*_` "))
        return text.contains("\\") ? text.replacingOccurrences(of: "\\", with: "") : text
    }
}
