import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown

/// A ladder found in a page that says nothing about levels (no `levels:` or `level:` key): the page is
/// read as if it said `levels: headings` or `levels: list`.
public struct RecognisedLadder: Sendable, Hashable {
    public enum Shape: String, Sendable {
        case headings, list
    }

    public var shape: Shape
    /// Heading depth of the level headings (headings shape).
    public var depth: Int
    /// Top-level block indices of the level headings and of a shared "All levels" heading among them.
    public var headingBlocks: Set<Int>
    /// The level labels as written, in order.
    public var labels: [String]
    /// Level ids when the labels alone do not give good ones: `Level 2`, `Junior` (for "Junior level").
    public var levelIDs: [String]?
    /// How the levels were written, for the line `ladder build` prints: "its headings", "its bold list".
    public var origin: String
}

/// Decides whether a page's outline holds a ladder: a run of at least three sibling headings, or of
/// the bold leads of one top-level list, whose labels name levels of one ladder in order.
package enum LadderRecognition {
    /// Front matter keys that say what a page is: such a page is never recognised.
    package static func mayRecognise(_ fm: FrontMatter) -> Bool {
        fm["levels"] == nil && fm["level"] == nil && fm["topics"] == nil
    }

    package static func recognise(source: PageSource, outline: Outline, title: String?) -> RecognisedLadder? {
        // Cheap test first: most pages have neither three headings nor a bold-led list.
        let listCount = outline.boldLedList?.items.count ?? 0
        guard outline.headings.count >= 3 || listCount >= 3 else { return nil }
        if let found = headingRun(outline: outline, source: source, title: title) { return found }
        if let found = listRun(outline: outline, title: title, pasted: source.lineMap != nil) { return found }
        return nil
    }

    // MARK: - Runs

    private static func headingRun(outline: Outline, source: PageSource, title: String?) -> RecognisedLadder? {
        let headings = outline.headings
        guard headings.count >= 3 else { return nil }
        for depth in Set(headings.map(\.depth)).sorted() {
            // Siblings: headings at `depth` with no shallower heading between them.
            var groups: [[Int]] = [[]]
            for (i, heading) in headings.enumerated() {
                if heading.depth < depth, !(groups.last?.isEmpty ?? true) { groups.append([]) }
                if heading.depth == depth { groups[groups.count - 1].append(i) }
            }
            for group in groups where group.count >= 3 {
                // Maximal stretches of level (or shared) headings.
                var stretch: [Int] = []
                for i in group + [-1] {
                    if i >= 0, SharedHeading.matches(headings[i].text) || LevelLabel(headings[i].text) != nil {
                        stretch.append(i)
                        continue
                    }
                    if let found = check(stretch: stretch, outline: outline, source: source, depth: depth, title: title) {
                        return found
                    }
                    stretch = []
                }
            }
        }
        return nil
    }

    private static func check(stretch: [Int], outline: Outline, source: PageSource, depth: Int,
                              title: String?) -> RecognisedLadder? {
        let headings = outline.headings
        let levelIndices = stretch.filter { !SharedHeading.matches(headings[$0].text) }
        guard levelIndices.count >= 3, stretch.count - levelIndices.count <= 1 else { return nil }
        let labels = levelIndices.compactMap { LevelLabel(headings[$0].text) }
        guard labels.count == levelIndices.count, LevelLabel.isRun(labels) else { return nil }
        // The body's lines only now: most pages with three headings stop at the labels.
        let lines = BodyLines(source: source)
        // Each level's body: from its heading to the next heading at its depth or shallower.
        let bodies = levelIndices.map { i -> String in
            let end = headings[(i + 1)...].first { $0.depth <= depth }?.line
            return lines.text(after: headings[i].line, before: end)
        }
        guard plausible(labels: labels, bodies: bodies, title: title, firstParagraph: outline.firstParagraph) else {
            return nil
        }
        return RecognisedLadder(shape: .headings, depth: depth,
                                headingBlocks: Set(stretch.map { headings[$0].blockIndex }),
                                labels: levelIndices.map { headings[$0].text },
                                levelIDs: ids(for: levelIndices.map { headings[$0].text }, labels: labels),
                                origin: lines.source.lineMap == nil ? "its headings" : "its Level lines")
    }

    private static func listRun(outline: Outline, title: String?, pasted: Bool) -> RecognisedLadder? {
        guard let list = outline.boldLedList, list.items.count >= 3 else { return nil }
        let labels = list.items.compactMap { LevelLabel($0.boldText) }
        guard labels.count == list.items.count, LevelLabel.isRun(labels) else { return nil }
        guard plausible(labels: labels, bodies: list.items.map(\.rest), title: title,
                        firstParagraph: outline.firstParagraph) else { return nil }
        return RecognisedLadder(shape: .list, depth: 0, headingBlocks: [], labels: list.items.map(\.boldText),
                                levelIDs: nil, origin: pasted ? "its bullet lines" : "its bold list")
    }

    /// `Level 2 - Senior` → `Level 2`; `Junior level` → `Junior`; nil for ids and titles, which name themselves.
    package static func ids(for texts: [String], labels: [LevelLabel]) -> [String]? {
        guard let family = labels.first?.family, family == "level" || family == "words" else { return nil }
        return texts.map { text in
            if family == "level", let m = text.firstMatch(#"[Ll]evel\s+\d{1,2}"#) { return m[0] }
            var words = text.split(separator: " ").map(String.init)
            if words.count > 1, words.last?.lowercased() == "level" { words.removeLast() }
            return words.joined(separator: " ")
        }
    }

    /// The checks that keep look-alikes out: question banks, identical bodies (a staffing plan), and
    /// bare labels (`IC1`, `Junior`, `Level 1`) with no word about careers anywhere near them.
    private static func plausible(labels: [LevelLabel], bodies: [String], title: String?, firstParagraph: String?) -> Bool {
        let bodyLines = bodies.flatMap { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
        let questions = bodyLines.filter { line in
            let bare = line.trimmingCharacters(in: CharacterSet(charactersIn: "*_ "))
            return bare.hasSuffix("?") || bare.range(of: #"^Q\d+[:.]"#, options: .regularExpression) != nil
        }
        if !bodyLines.isEmpty, questions.count * 2 >= bodyLines.count { return false }
        let normalised = Set(bodies.map { $0.filter { !$0.isNumber && !$0.isWhitespace } })
        if normalised.count == 1, !(normalised.first ?? "").isEmpty { return false }
        if labels.contains(where: \.needsContext) {
            let text = ([title ?? "", firstParagraph ?? ""] + bodies).joined(separator: " ").lowercased()
            if !mentionsCareers(text) { return false }
        }
        return true
    }

    /// Whether lowercased text has a word about careers, which bare labels (`IC1`, `Junior`) need near them.
    package static func mentionsCareers(_ text: String) -> Bool {
        let words = ["level", "ladder", "career", "progression", "promot", "senior", "engineer", "develop",
                     "expectation", "competenc", "mentor", "e.g.", "for example", "#### examples"]
        return words.contains { text.containsBytes($0) }
    }
}
