import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown

/// A ladder found in a page that says nothing about levels (no `levels:` or `level:` key): the page is
/// read as if it said `levels: headings` or `levels: list`, with the level headings the reader chose.
public struct RecognisedLadder: Sendable, Hashable {
    public enum Shape: String, Sendable {
        case headings, list, table, data
        /// Written competency by competency: under each competency's heading, a bold lead per level.
        case grid
    }

    /// A ladder written competency by competency (the matrix turned on its side): under each competency's
    /// heading, one bold-led item or paragraph per level (`* **L1** knows the basics`).
    public struct GridLadder: Sendable, Hashable {
        /// What a level has under one competency: a list item without its lead, or a lead paragraph and the
        /// blocks after it up to the next lead or heading.
        public struct Cell: Sendable, Hashable {
            public var block: Int
            public var item: Int?
            public var end: Int
            /// The lead paragraph only leads into the blocks after it (`is capable of:`): not shown.
            public var leadIn = false
        }

        public struct Competency: Sendable, Hashable {
            public var name: String
            public var line: Int
            /// One per level, nil where the competency says nothing of it.
            public var cells: [Cell?]
        }

        public var competencies: [Competency]
    }

    /// A level as a data file gives it (data shape).
    public struct DataLevel: Sendable, Hashable {
        public var label: String
        public var line: Int
        public var skills: [Skill]

        public struct Skill: Sendable, Hashable {
            public var name: String
            public var texts: [String]
        }
    }

    /// A ladder kept as a pipe table: which of the page's tables, which way its levels run, and which
    /// rows or columns are levels and competencies.
    public struct TableLadder: Sendable, Hashable {
        public enum Axis: String, Sendable {
            /// Levels across the header row, a competency per row.
            case columns
            /// A level per row (its label in the first column), a competency per column.
            case rows
        }

        /// Index into the outline's tables.
        public var table: Int
        public var axis: Axis
        /// The column (levels across) or row (levels down) of each level, in order.
        public var levels: [Int]
        /// The row (levels across) or column (levels down) of each competency, in order.
        public var competencies: [Int]
    }

    public var shape: Shape
    /// Depth of the shallowest level heading (headings shape).
    public var depth: Int
    /// Top-level block indices of the level headings and of a shared "All levels" heading among them.
    /// Levels may sit at several depths (`#### Senior I` under a `### Senior` group).
    public var headingBlocks: Set<Int>
    /// The level labels as written, in order.
    public var labels: [String]
    /// Level ids when the labels alone do not give good ones: `Level 2`, `Junior` (for "Junior level").
    public var levelIDs: [String]?
    /// How the levels were written, for the line `ladder build` prints: "its headings", "its bold list".
    public var origin: String
    /// What the resolver weighed, for `ladder check --explain`: the score and its reasons.
    public var score: Int = 0
    public var evidence: [String] = []
    /// The table the levels are read from (table shape).
    public var table: TableLadder?
    /// The levels a data file holds (data shape).
    public var data: [DataLevel] = []
    /// The competencies and their cells (grid shape).
    public var grid: GridLadder?
    /// Further tracks of the page kept as tables beside its ladder (IC levels as headings, the management
    /// levels in a table under `## Management Levels`), each named after the heading above it.
    public var tableTracks: [TableTrack] = []
    /// The levels are bold paragraphs read as headings (`Outline.promotingBoldParagraphs`): the page's
    /// outline is that one from now on.
    public var promotesBoldParagraphs = false

    public struct TableTrack: Sendable, Hashable {
        public var name: String
        public var table: TableLadder
    }
    /// Several tracks in one page (`# Engineering` / `## L1` … and `# Management` / `## M1` …), each under
    /// a heading of its own; empty when the page holds one track.
    public var tracks: [PageTrack] = []

    public struct PageTrack: Sendable, Hashable {
        /// The track heading's text and block.
        public var name: String
        public var headingBlock: Int
        /// The blocks of its level headings (and of a shared "All levels" heading).
        public var levelBlocks: Set<Int>
    }
}

/// What recognition made of one page: the reading it kept, and the best one that lost (with why).
public struct Recognition: Sendable, Hashable {
    public var ladder: RecognisedLadder?
    /// "3 headings (## Step 1 …) score 1 of 5: +2 numbered in order, -3 no word about careers".
    public var nearMiss: String?
}

/// A reading a reader proposes: which headings (or list items) would be levels, and the evidence.
struct LadderCandidate {
    var shape: RecognisedLadder.Shape
    /// Indices into the outline's headings (headings shape) of the levels, in order.
    var levels: [Int] = []
    /// Index of a shared "All levels" heading among them.
    var shared: Int?
    /// Index of the heading the levels sit under (-1 at the top of the page).
    var parent = -1
    /// The table reading (table shape).
    var table: RecognisedLadder.TableLadder?
    /// The data reading (data shape).
    var data: [RecognisedLadder.DataLevel] = []
    /// The grid reading (grid shape).
    var grid: RecognisedLadder.GridLadder?
    var labels: [String]
    var score = 0
    var evidence: [String] = []

    mutating func weigh(_ points: Int, _ why: String) {
        guard points != 0 else { return }
        score += points
        evidence.append((points > 0 ? "+" : "") + "\(points) " + why)
    }

    var summary: String {
        let first = labels.first ?? ""
        let what = shape == .headings ? "headings" : shape == .list ? "bold items" : shape == .data ? "records"
            : shape == .grid ? "levels under each of \(grid?.competencies.count ?? 0) competencies"
            : table?.axis == .rows ? "table rows" : "table columns"
        return "\(labels.count) \(what) (\(first) …) score \(score) of "
            + "\(LadderRecognition.threshold): " + evidence.joined(separator: ", ")
    }
}

/// Recognition of a page's ladder: readers propose candidates (runs of sibling headings at any depth, the
/// bold leads of a list), each weighed on evidence — ordered labels of one family, the same child structure
/// under every level, balance, career words for; questions, steps, versions, dates, identical bodies
/// against — and the best candidate at or above the threshold is kept.
package enum LadderRecognition {
    /// The score a reading needs: labels in order (4) with a word about careers (1), or numbered headings
    /// (2) with the same sections under each (4), say.
    static let threshold = 5

    /// Front matter keys that say what a page is: such a page is never recognised. An empty `levels:`
    /// (Monzo's Markdown frameworks) says nothing.
    package static func mayRecognise(_ fm: FrontMatter) -> Bool {
        if let levels = fm["levels"], levels != .null { return false }
        return fm["level"] == nil && fm["topics"] == nil && fm["level_depth"] == nil
    }

    package static func recognise(source: PageSource, outline: Outline, title: String?) -> RecognisedLadder? {
        read(source: source, outline: outline, title: title).ladder
    }

    package static func read(source: PageSource, outline: Outline, title: String?) -> Recognition {
        if source.isDataCandidate { return readData(source.frontMatter, title: title) }
        let reading = readOutline(source: source, outline: outline, title: title)
        // A document from a word processor heads its sections with bold paragraphs. Read as headings, they are
        // weighed like any other, and kept when a ladder's levels are among them, or when they name the same
        // sections under the levels the page's own headings hold.
        guard outline.boldParagraphs.count >= (reading.ladder == nil ? 3 : 2),
              reading.ladder.map({ $0.shape == .headings && $0.tracks.isEmpty }) ?? true else { return reading }
        let promoted = outline.promotingBoldParagraphs()
        var bold = readOutline(source: source, outline: promoted, title: title)
        let boldBlocks = Set(outline.boldParagraphs.map(\.blockIndex))
        guard var ladder = bold.ladder, ladder.shape == .headings else {
            return reading.ladder == nil && reading.nearMiss == nil ? Recognition(ladder: nil, nearMiss: bold.nearMiss) : reading
        }
        if let found = reading.ladder {
            guard ladder.headingBlocks == found.headingBlocks,
                  sectionsRecur(in: promoted, levels: found.headingBlocks, bold: boldBlocks) else { return reading }
            ladder.evidence.append("sections in bold paragraphs")
        } else {
            guard !ladder.headingBlocks.isDisjoint(with: boldBlocks) else { return Recognition(ladder: nil, nearMiss: reading.nearMiss ?? bold.nearMiss) }
            ladder.evidence.append("levels in bold paragraphs")
            ladder.origin = "its bold paragraphs"
        }
        ladder.promotesBoldParagraphs = true
        bold.ladder = ladder
        return bold
    }

    /// Whether the bold paragraphs under the levels name the same sections under most of them.
    static func sectionsRecur(in outline: Outline, levels: Set<Int>, bold: Set<Int>) -> Bool {
        var sets: [Set<String>] = []
        for heading in outline.headings {
            if levels.contains(heading.blockIndex) {
                sets.append([])
            } else if bold.contains(heading.blockIndex), !sets.isEmpty {
                sets[sets.count - 1].insert(Evidence.name(heading.text))
            }
        }
        return !Evidence.common(sets).isEmpty
    }

    static func readOutline(source: PageSource, outline: Outline, title: String?) -> Recognition {
        // Cheap test first: most pages have neither three headings nor a bold-led list.
        let listCount = outline.boldLedList?.items.count ?? 0
        guard outline.headings.count >= 3 || listCount >= 3 || !outline.tables.isEmpty else { return Recognition() }
        var candidates = HeadingCandidates(source: source, outline: outline, title: title).all()
        if let list = listCandidate(outline: outline, title: title) { candidates.append(list) }
        candidates += TableCandidates.all(outline: outline, title: title)
        candidates += GridCandidates.all(source: source, outline: outline, title: title)
        // Best first; on a tie the earlier reader (headings) and the shallower, longer run win.
        let ranked = candidates.enumerated().sorted { a, b in
            (a.element.score, -a.offset) > (b.element.score, -b.offset)
        }.map(\.element)
        guard var best = ranked.first else { return Recognition() }
        if best.score < threshold { return Recognition(ladder: nil, nearMiss: best.summary) }
        // A passing reading that holds every level of the best and more (an unlabelled first level with the
        // same sections as the rest) is the fuller reading of the same ladder.
        let wider = ranked.filter { $0.shape == .headings && $0.score >= threshold && $0.levels.count > best.levels.count
            && Set(best.levels).isSubset(of: $0.levels) }
        if best.shape == .headings, let widest = wider.max(by: { $0.levels.count < $1.levels.count }) { best = widest }
        // Table ladders beside the page's ladder are tracks of their own: a table outside the levels of a
        // heading ladder (the headings first), or a page's further tables (engineers' titles in one,
        // managers' in the next), each named after the heading above it.
        var tableTracks: [RecognisedLadder.TableTrack] = []
        let passing = ranked.filter { $0.score >= threshold }
        var tables: [RecognisedLadder.TableLadder] = []
        for candidate in passing where candidate.shape == .table {
            if let table = candidate.table, table.table < outline.tables.count, !tables.contains(where: { $0.table == table.table }) {
                tables.append(table)
            }
        }
        if best.shape == .table || best.shape == .headings {
            let headings = outline.headings
            let ends = HeadingCandidates.structure(of: headings).end
            func outside(_ table: RecognisedLadder.TableLadder, of ladder: LadderCandidate) -> Bool {
                let block = outline.tables[table.table].blockIndex
                return !ladder.levels.contains { i in
                    block > headings[i].blockIndex && (ends[i] >= headings.count || block < headings[ends[i]].blockIndex)
                }
            }
            var extra: [RecognisedLadder.TableLadder] = []
            if let headingLadder = best.shape == .headings ? best : passing.first(where: { $0.shape == .headings }) {
                let beside = tables.filter { outside($0, of: headingLadder) }
                if best.shape == .headings || !beside.isEmpty {
                    best = headingLadder
                    extra = beside
                }
            } else if let first = tables.map(\.table).min(),
                      let main = passing.first(where: { $0.shape == .table && $0.table?.table == first }) {
                // The page's first table is its own track, the others beside it.
                best = main
                extra = tables.filter { $0.table != first }
            }
            for table in extra.sorted(by: { $0.table < $1.table }) {
                let block = outline.tables[table.table].blockIndex
                let name = headings.last(where: { $0.blockIndex < block })?.text ?? "Table"
                tableTracks.append(RecognisedLadder.TableTrack(name: name, table: table))
            }
        }
        // Other ladders under headings beside the best one's parent are tracks of the same page.
        var companions: [LadderCandidate] = []
        if best.shape == .headings, best.parent >= 0 {
            let headings = outline.headings
            let parents = HeadingCandidates.parents(of: headings)
            // The same labels under a sibling heading are another track even where their text alone would
            // not pass (a template's tracks still holding the same placeholder text under every level).
            for candidate in ranked where candidate.shape == .headings
                && (candidate.score >= threshold || candidate.labels == best.labels)
                && candidate.parent >= 0 && candidate.parent != best.parent
                && headings[candidate.parent].depth == headings[best.parent].depth
                && parents[candidate.parent] == parents[best.parent]
                && !companions.contains(where: { $0.parent == candidate.parent }) {
                companions.append(candidate)
            }
        }
        let runnerUp = ranked.dropFirst().first { $0.levels != best.levels || $0.shape != best.shape }
        var ladder = ladder(best, outline: outline, pasted: source.lineMap != nil)
        if !companions.isEmpty {
            let all = ([best] + companions).sorted { $0.parent < $1.parent }
            let readings = all.map { self.ladder($0, outline: outline, pasted: false) }
            ladder.headingBlocks = readings.reduce(into: Set<Int>()) { $0.formUnion($1.headingBlocks) }
            ladder.labels = readings.flatMap(\.labels)
            ladder.depth = readings.map(\.depth).min() ?? ladder.depth
            ladder.levelIDs = readings.allSatisfy { $0.levelIDs != nil } ? readings.flatMap { $0.levelIDs ?? [] } : nil
            ladder.tracks = zip(all, readings).map { candidate, reading in
                RecognisedLadder.PageTrack(name: outline.headings[candidate.parent].text,
                                           headingBlock: outline.headings[candidate.parent].blockIndex,
                                           levelBlocks: reading.headingBlocks)
            }
            ladder.evidence.append("\(all.count) tracks under sibling headings")
        }
        ladder.tableTracks = tableTracks
        for track in tableTracks { ladder.evidence.append("another track in the table under '\(track.name)'") }
        var recognition = Recognition(ladder: ladder)
        recognition.nearMiss = runnerUp.map(\.summary)
        return recognition
    }

    /// A JSON or YAML file: its best list of levels, when it scores at the threshold.
    static func readData(_ fm: FrontMatter, title: String?) -> Recognition {
        let candidates = DataReader.candidates(fm, title: title).sorted { $0.score > $1.score }
        guard let best = candidates.first else { return Recognition() }
        guard best.score >= threshold else { return Recognition(ladder: nil, nearMiss: best.summary) }
        var ladder = RecognisedLadder(shape: .data, depth: 0, headingBlocks: [], labels: best.labels, levelIDs: nil,
                                      origin: "its data", score: best.score, evidence: best.evidence)
        ladder.data = best.data
        return Recognition(ladder: ladder, nearMiss: candidates.dropFirst().first?.summary)
    }

    /// `levels: table`: the page's best table reading whatever its score, or nil when no table has levels.
    package static func forcedTable(outline: Outline, title: String?) -> RecognisedLadder? {
        let candidates = TableCandidates.all(outline: outline, title: title).filter { $0.levels.count >= 2 }
        guard let best = candidates.max(by: { $0.score < $1.score }) else { return nil }
        return ladder(best, outline: outline, pasted: false)
    }

    private static func ladder(_ candidate: LadderCandidate, outline: Outline, pasted: Bool) -> RecognisedLadder {
        switch candidate.shape {
        case .data:
            var ladder = RecognisedLadder(shape: .data, depth: 0, headingBlocks: [], labels: candidate.labels, levelIDs: nil,
                                          origin: "its data", score: candidate.score, evidence: candidate.evidence)
            ladder.data = candidate.data
            return ladder
        case .table, .grid:
            // Levels read from parts of blocks: their labels name them, and their cells are typed.
            let labels = candidate.labels.compactMap { LevelLabel($0) }
            var ladder = RecognisedLadder(shape: candidate.shape, depth: 0, headingBlocks: [], labels: candidate.labels,
                                          levelIDs: labels.count == candidate.labels.count ? ids(for: candidate.labels, labels: labels) : nil,
                                          origin: candidate.shape == .table ? "its table" : "its bold leads under each competency",
                                          score: candidate.score, evidence: candidate.evidence)
            ladder.table = candidate.table
            ladder.grid = candidate.grid
            return ladder
        case .list:
            return RecognisedLadder(shape: .list, depth: 0, headingBlocks: [], labels: candidate.labels, levelIDs: nil,
                                    origin: pasted ? "its bullet lines" : "its bold list",
                                    score: candidate.score, evidence: candidate.evidence)
        case .headings:
            let headings = outline.headings
            let texts = candidate.levels.map { headings[$0].text }
            let labels = texts.compactMap { LevelLabel($0) }
            var blocks = Set(candidate.levels.map { headings[$0].blockIndex })
            if let shared = candidate.shared { blocks.insert(headings[shared].blockIndex) }
            return RecognisedLadder(
                shape: .headings, depth: candidate.levels.map { headings[$0].depth }.min() ?? 2, headingBlocks: blocks,
                labels: texts, levelIDs: labels.count == texts.count ? ids(for: texts, labels: labels) : nil,
                origin: pasted ? "its Level lines" : "its headings", score: candidate.score, evidence: candidate.evidence)
        }
    }

    // MARK: - The list reader

    private static func listCandidate(outline: Outline, title: String?) -> LadderCandidate? {
        guard let list = outline.boldLedList, list.items.count >= 3 else { return nil }
        var candidate = LadderCandidate(shape: .list, labels: list.items.map(\.boldText))
        let labels = list.items.compactMap { LevelLabel($0.boldText) }
        guard labels.count == list.items.count, LevelLabel.isRun(labels) else { return nil }
        candidate.weigh(4, "labels of one family in order")
        Evidence.weighContext(&candidate, labels: labels, texts: candidate.labels, bodies: list.items.map(\.rest),
                              title: title, firstParagraph: outline.firstParagraph)
        return candidate
    }

    /// `Level 2 - Senior` → `Level 2`; `Junior level` → `Junior`; nil for ids and titles, which name themselves.
    package static func ids(for texts: [String], labels: [LevelLabel]) -> [String]? {
        guard let family = labels.first?.family, family == "level" || family == "words",
              labels.allSatisfy({ $0.family == family }) else { return nil }
        return texts.map { text in
            if family == "level", let m = text.firstMatch(#"[Ll]evel\s+\d{1,2}"#) { return m[0] }
            var words = text.split(separator: " ").map(String.init)
            if words.count > 1, words.last?.lowercased() == "level" { words.removeLast() }
            return words.joined(separator: " ")
        }
    }

    /// Whether lowercased text has a word about careers, which bare labels (`IC1`, `Junior`) need near them.
    package static func mentionsCareers(_ text: String) -> Bool {
        let words = ["level", "ladder", "career", "progression", "promot", "senior", "engineer", "develop",
                     "expectation", "competenc", "mentor", "e.g.", "for example", "#### examples"]
        return words.contains { text.containsBytes($0) }
    }
}

/// The heading reader: every run of sibling headings (same parent, same depth) at any depth is a candidate.
struct HeadingCandidates {
    let source: PageSource
    let outline: Outline
    let title: String?
    let headings: [Outline.Heading]
    /// Index of each heading's parent heading (the nearest earlier shallower one), or -1.
    let parent: [Int]
    /// Index of the first heading after each heading's section (its depth or shallower), or headings.count.
    let end: [Int]

    init(source: PageSource, outline: Outline, title: String?) {
        self.source = source
        self.outline = outline
        self.title = title
        headings = outline.headings
        (parent, end) = Self.structure(of: headings)
    }

    static func parents(of headings: [Outline.Heading]) -> [Int] { structure(of: headings).parent }

    /// Each heading's parent (the nearest earlier shallower heading, or -1) and the end of its section.
    static func structure(of headings: [Outline.Heading]) -> (parent: [Int], end: [Int]) {
        var parent = Array(repeating: -1, count: headings.count)
        var end = Array(repeating: headings.count, count: headings.count)
        var stack: [Int] = []
        for (i, heading) in headings.enumerated() {
            while let last = stack.last, headings[last].depth >= heading.depth {
                end[last] = i
                stack.removeLast()
            }
            parent[i] = stack.last ?? -1
            stack.append(i)
        }
        return (parent, end)
    }

    func all() -> [LadderCandidate] {
        guard headings.count >= 3 else { return [] }
        // Sibling groups in document order.
        var groups: [[Int]] = []
        var groupOf: [Int: Int] = [:]
        for i in headings.indices {
            let key = parent[i] &* 16 &+ headings[i].depth
            if let g = groupOf[key] { groups[g].append(i) } else { groupOf[key] = groups.count; groups.append([i]) }
        }
        // Shallower groups first: on equal scores the outermost reading wins.
        groups.sort { (headings[$0[0]].depth, $0[0]) < (headings[$1[0]].depth, $1[0]) }
        var lines: BodyLines?
        var out: [LadderCandidate] = []
        for group in groups where group.count >= 3 && Self.mayBeOrdered(group.map { headings[$0].text }) {
            // The body's lines only now: most pages' headings (Context, Results…) have nothing that orders them.
            let body = lines ?? BodyLines(source: source)
            lines = body
            for run in runs(in: group, lines: body) {
                out.append(weigh(run, lines: body))
            }
        }
        return out
    }

    /// Whether two headings of a group at least carry a label or a number: a reading with nothing that
    /// orders its levels scores at most 2 (sections +4, career words +2, -4), below the threshold.
    static func mayBeOrdered(_ texts: [String]) -> Bool {
        var count = 0
        for text in texts where text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) || LevelLabel(text) != nil {
            count += 1
            if count >= 2 { return true }
        }
        return false
    }

    /// The runs of a sibling group worth weighing: maximal stretches of level labels (a shared "All levels"
    /// heading among them), and the group trimmed of members that share no section name with the others.
    private func runs(in group: [Int], lines: BodyLines) -> [[Int]] {
        var runs: [[Int]] = []
        var stretch: [Int] = []
        for i in group + [-1] {
            if i >= 0, SharedHeading.matches(headings[i].text) || LevelLabel(headings[i].text) != nil {
                stretch.append(i)
                continue
            }
            if stretch.filter({ !SharedHeading.matches(headings[$0].text) }).count >= 3 { runs.append(stretch) }
            stretch = []
        }
        // Members that share a section name with another member; the widest stretch of them.
        let names = group.map { childNames(of: $0, lines: lines) }
        var counts: [String: Int] = [:]
        for set in names { for name in set { counts[name, default: 0] += 1 } }
        let sharing = group.indices.filter { n in names[n].contains { counts[$0, default: 0] >= 2 } }
        if let first = sharing.first, let last = sharing.last, last - first + 1 >= 3 {
            let run = Array(group[first...last])
            if !runs.contains(run) { runs.append(run) }
        }
        return runs
    }

    /// Names of what sits directly under a heading: its child headings, and the bold leads of its lines
    /// (`* **Tests**: …`, `**Impact** — …`), lowercased.
    func childNames(of i: Int, lines: BodyLines) -> Set<String> {
        var names: Set<String> = []
        let children = (i + 1..<end[i]).filter { parent[$0] == i }
        for c in children { names.insert(Evidence.name(headings[c].text)) }
        let until = children.first.map { headings[$0].line } ?? (end[i] < headings.count ? headings[end[i]].line : nil)
        for line in lines.lines(after: headings[i].line, before: until) {
            if let lead = Evidence.boldLead(line) { names.insert(lead) }
        }
        names.remove("")
        return names
    }

    private func weigh(_ run: [Int], lines: BodyLines) -> LadderCandidate {
        let shared = run.first { SharedHeading.matches(headings[$0].text) }
        var levels = run.filter { $0 != shared }
        let texts = levels.map { headings[$0].text }
        var candidate = LadderCandidate(shape: .headings, levels: levels, shared: shared, labels: texts)
        candidate.parent = parent[run[0]]
        let labels = Evidence.weighOrder(&candidate, texts: texts)
        // The strongest sign: the same sections under every level.
        let names = levels.map { childNames(of: $0, lines: lines) }
        let common = Evidence.common(names)
        if common.count >= 2 {
            candidate.weigh(4, "\(common.count) sections under every level (\(common.sorted().prefix(3).joined(separator: ", ")))")
        } else if common.count == 1 {
            candidate.weigh(1, "one section under every level (\(common[0]))")
        }
        let bodies = levels.map { i -> String in
            let stop = end[i] < headings.count ? headings[end[i]].line : nil
            return lines.text(after: headings[i].line, before: stop)
        }
        Evidence.weighContext(&candidate, labels: labels, texts: texts, bodies: bodies,
                              title: title, firstParagraph: outline.firstParagraph)
        // A level with only sub-levels under it is a group: `### Senior` → `#### Senior I`, `#### Senior II`.
        var expanded: [Int] = []
        for i in levels { expanded += subLevels(of: i, lines: lines) ?? [i] }
        if expanded.count > levels.count {
            let groups = levels.filter { !expanded.contains($0) }.count
            candidate.evidence.append("sub-levels under \(groups) group heading\(groups == 1 ? "" : "s")")
            levels = expanded
            candidate.levels = expanded
            candidate.labels = expanded.map { headings[$0].text }
        }
        return candidate
    }

    /// The child headings of a level that are themselves levels of one family in order (two at least),
    /// when the level has no text of its own before them.
    private func subLevels(of i: Int, lines: BodyLines) -> [Int]? {
        let children = (i + 1..<end[i]).filter { parent[$0] == i }
        guard children.count >= 2 else { return nil }
        let labels = children.compactMap { LevelLabel(headings[$0].text) }
        guard labels.count == children.count, !labels[0].family.hasPrefix("role:"), labels.allSatisfy({ $0.family == labels[0].family }),
              zip(labels, labels.dropFirst()).allSatisfy({ $0.rank.lexicographicallyPrecedes($1.rank) }) else { return nil }
        let own = lines.text(after: headings[i].line, before: headings[children[0]].line)
        guard own.split(separator: "\n").filter({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }).count <= 2 else { return nil }
        return children
    }
}

/// Evidence shared by the readers.
enum Evidence {
    /// `**Tests**: …`, `* **Impact** — …` → "tests"; nil for a line with no bold lead.
    static func boldLead(_ line: Substring) -> String? {
        BoldLead.text(of: line).map(name)
    }

    /// A section's name as compared across levels: lowercased, without trailing punctuation.
    static func name(_ text: String) -> String {
        text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " :.–—-"))
    }

    /// Names found under most levels: every level of two or three, all but one of more.
    static func common(_ sets: [Set<String>]) -> [String] {
        guard sets.count >= 2 else { return [] }
        let need = sets.count <= 3 ? sets.count : sets.count - 1
        var counts: [String: Int] = [:]
        for set in sets { for name in set { counts[name, default: 0] += 1 } }
        return counts.filter { $0.value >= need }.map(\.key).sorted()
    }

    /// What orders the texts: labels of one family in order (+4; two such labels alone +3 where a table
    /// may have only two levels), mostly labels or numbers in order (+2), nothing (-4). Returns the labels
    /// when they all form the run, else none.
    static func weighOrder(_ candidate: inout LadderCandidate, texts: [String], allowingTwo: Bool = false) -> [LevelLabel] {
        let labels = texts.compactMap { LevelLabel($0) }
        if labels.count == texts.count, LevelLabel.isRun(labels) {
            candidate.weigh(4, "labels of one family in order")
            return labels
        }
        if labels.count == texts.count, LevelLabel.isCareerRun(labels) {
            candidate.weigh(3, "titles in order of seniority")
            return labels
        }
        if allowingTwo, labels.count == 2, texts.count == 2, labels[0].family == labels[1].family,
           labels[0].rank.lexicographicallyPrecedes(labels[1].rank) {
            candidate.weigh(3, "two labels of one family in order")
            return labels
        }
        if mostlyLabelsInOrder(texts) {
            candidate.weigh(2, "mostly labels of one family in order")
        } else if numberedInOrder(texts) {
            candidate.weigh(2, "numbered in order")
        } else {
            candidate.weigh(-4, "nothing orders them")
        }
        return []
    }

    /// Most texts (all but one, and at least two) are level labels of one family, in order.
    static func mostlyLabelsInOrder(_ texts: [String]) -> Bool {
        let labels = texts.compactMap { LevelLabel($0) }
        guard labels.count >= 2, labels.count + 1 >= texts.count, !labels[0].family.hasPrefix("role:") else { return false }
        if labels.allSatisfy({ $0.family == labels[0].family }) {
            return zip(labels, labels.dropFirst()).allSatisfy { $0.rank.lexicographicallyPrecedes($1.rank) }
        }
        return labels.count >= 3 && LevelLabel.isCareerRun(labels)
    }

    /// Each text carries a number (`Q1 - QA Engineer 1`, `Step 2`, `Tier III`), one more than the last's.
    static func numberedInOrder(_ texts: [String]) -> Bool {
        let numbers = texts.map { text -> Int? in
            if let m = text.firstMatch(#"(\d{1,2})"#) { return Int(m[1]) }
            if let last = text.split(separator: " ").last { return LevelLabel.numerals[last.lowercased()] }
            return nil
        }
        guard numbers.count >= 2, numbers.allSatisfy({ $0 != nil }) else { return false }
        return zip(numbers, numbers.dropFirst()).allSatisfy { $1! == $0! + 1 }
    }

    /// Career words, balance, and what counts against: questions, steps, versions, dates, identical bodies.
    /// How much of each level's text the words about it are read from.
    static let sampleBytes = 16_384

    static func weighContext(_ candidate: inout LadderCandidate, labels: [LevelLabel], texts: [String], bodies: [String],
                             title: String?, firstParagraph: String?) {
        // Words are read from the start of each level's text: a few pages say what a page is about, and a
        // table of 50,000 rows would otherwise be lowercased, split and matched five times over.
        let sample = bodies.map { $0.utf8.count > sampleBytes ? String(decoding: $0.utf8.prefix(sampleBytes), as: UTF8.self) : $0 }
        let nearby = ([title ?? "", firstParagraph ?? ""] + sample).joined(separator: " ").lowercased()
        let headingWords = texts.joined(separator: " ").lowercased().split(whereSeparator: { !$0.isLetter })
        // Bare labels need words about careers near them; a run that also names a role (`Trainee`, then
        // `Specialist`) and an unknown role's titles (seniority words of their own) are weighed by their words.
        if !labels.isEmpty, labels.allSatisfy({ $0.needsContext && !$0.family.hasPrefix("role:") }) {
            // Bare labels (`IC1`, `Junior`, `Level 1`) say little by themselves.
            if LadderRecognition.mentionsCareers(nearby) {
                candidate.weigh(1, "words about careers nearby")
            } else {
                candidate.weigh(-3, "no word about careers")
            }
        } else if headingWords.contains(where: { LevelLabel.careerWords.contains(String($0)) || LevelLabel.roleNouns.contains(String($0)) }) {
            candidate.weigh(2, "names roles or seniority")
        } else if LadderRecognition.mentionsCareers(nearby.replacingOccurrences(of: "level", with: "")) {
            // "Level" in a heading's own text is no evidence: a deployment guide has levels too.
            candidate.weigh(1, "words about careers nearby")
        } else {
            candidate.weigh(-3, "no word about careers")
        }
        let bodyLines = sample.flatMap { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
        let questions = bodyLines.filter { line in
            let bare = line.trimmingCharacters(in: CharacterSet(charactersIn: "*_ "))
            return bare.hasSuffix("?") || bare.range(of: #"^Q\d+[:.]"#, options: .regularExpression) != nil
        }
        if !bodyLines.isEmpty, questions.count * 2 >= bodyLines.count { candidate.weigh(-4, "mostly questions") }
        // Whole texts, compared as bytes without ASCII digits and white space (a template's placeholder under
        // every level, numbered or not).
        let normalised = Set(bodies.map { $0.utf8.filter { !($0 >= 0x30 && $0 <= 0x39) && $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D } })
        if normalised.count == 1, !(normalised.first ?? []).isEmpty { candidate.weigh(-5, "the same text under every heading") }
        let lowered = texts.map { $0.lowercased() }
        if lowered.allSatisfy({ $0.hasPrefix("step") || $0.hasPrefix("phase") || $0.hasPrefix("part") || $0.hasPrefix("day") }) {
            candidate.weigh(-2, "numbered steps")
        }
        if lowered.contains(where: { $0.range(of: #"\bv?\d+\.\d+|\bversion\b|\brelease\b"#, options: .regularExpression) != nil }) {
            candidate.weigh(-3, "versions")
        }
        if lowered.contains(where: { $0.range(of: #"\b(19|20)\d\d\b"#, options: .regularExpression) != nil }) {
            candidate.weigh(-3, "dates")
        }
        let sizes = bodies.map(\.utf8.count)
        if let small = sizes.min(), let large = sizes.max(), large > 400, small * 20 < large {
            candidate.weigh(-1, "unbalanced")
        }
    }
}
