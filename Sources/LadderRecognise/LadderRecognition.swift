import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown

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
        var ladder = ladder(best, outline: outline, pasted: source.pasted != nil)
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
    /// Whether data holds expectations tagged with a level and a competency by the keys of two lists of its
    /// own (`DataReader.taggedRecords`): what lets a folder's data files, read together, be one track.
    package static func hasTaggedRecords(_ map: YAMLMap) -> Bool {
        !DataReader.taggedRecords(map, title: nil).isEmpty
    }

    package static func mentionsCareers(_ text: String) -> Bool {
        let words = ["level", "ladder", "career", "progression", "promot", "senior", "engineer", "develop",
                     "expectation", "competenc", "mentor", "e.g.", "for example", "#### examples"]
        return words.contains { text.containsBytes($0) }
    }
}
