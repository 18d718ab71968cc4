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
    static func mayRecognise(_ fm: FrontMatter) -> Bool {
        fm["levels"] == nil && fm["level"] == nil && fm["topics"] == nil
    }

    static func recognise(source: PageSource, outline: Outline, title: String?) -> RecognisedLadder? {
        // Cheap test first: most pages have neither three headings nor a bold-led list.
        let listCount = outline.boldLedList?.items.count ?? 0
        guard outline.headings.count >= 3 || listCount >= 3 else { return nil }
        let lines = BodyLines(source: source)
        if let found = headingRun(outline: outline, lines: lines, title: title) { return found }
        if let found = listRun(outline: outline, title: title, pasted: source.lineMap != nil) { return found }
        return nil
    }

    // MARK: - Runs

    private static func headingRun(outline: Outline, lines: BodyLines, title: String?) -> RecognisedLadder? {
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
                    if i >= 0, TrackAssembler.isSharedHeading(headings[i].text) || LevelLabel(headings[i].text) != nil {
                        stretch.append(i)
                        continue
                    }
                    if let found = check(stretch: stretch, outline: outline, lines: lines, depth: depth, title: title) {
                        return found
                    }
                    stretch = []
                }
            }
        }
        return nil
    }

    private static func check(stretch: [Int], outline: Outline, lines: BodyLines, depth: Int,
                              title: String?) -> RecognisedLadder? {
        let headings = outline.headings
        let levelIndices = stretch.filter { !TrackAssembler.isSharedHeading(headings[$0].text) }
        guard levelIndices.count >= 3, stretch.count - levelIndices.count <= 1 else { return nil }
        let labels = levelIndices.compactMap { LevelLabel(headings[$0].text) }
        guard labels.count == levelIndices.count, LevelLabel.isRun(labels) else { return nil }
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
    private static func ids(for texts: [String], labels: [LevelLabel]) -> [String]? {
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
            let words = ["level", "ladder", "career", "progression", "promot", "senior", "engineer", "develop",
                         "expectation", "competenc", "mentor", "e.g.", "for example", "#### examples"]
            if !words.contains(where: { text.contains($0) }) { return false }
        }
        return true
    }
}

/// Text pasted from a document or a web page: `•`, `◦`, `▪` and `–` bullets, and plain `Level 1` … lines
/// with "E.g." examples under them, rewritten as the Markdown they stand for (before the outline is read).
package enum PastedText {
    static let bullet = #"^\s*([•◦▪–])\s+(.*)$"#

    /// The page with its body rewritten, or nil when it has neither bullets nor level lines (or says what it is).
    static func normalise(_ source: PageSource) -> PageSource? {
        let fm = source.frontMatter
        guard LadderRecognition.mayRecognise(fm), source.body.utf8.count < 200_000 else { return nil }
        // Quick test: nothing to do unless a bullet character or "Level " is in the body at all.
        guard source.body.contains("Level ") || source.body.contains("•") || source.body.contains("▪")
            || source.body.contains("–") else { return nil }
        let lines = source.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let hasTitle = fm["title"] != nil
        var out: [String] = []
        var map: [Int] = []
        func emit(_ text: String, _ line: Int) { out.append(text); map.append(source.bodyLine + line) }
        if let levels = levelLines(lines) {
            var name = (try? fm.string("title")) ?? nil
            var index = 0
            while index < levels[0] {
                let text = lines[index].trimmingCharacters(in: .whitespaces)
                if !text.isEmpty {
                    if name == nil, !hasTitle, isTitleLine(text) {
                        name = text
                        emit("# " + text, index)
                    } else {
                        emit(text, index)
                    }
                    emit("", index)
                }
                index += 1
            }
            let competency = name ?? Page.titleFromFileName(source.contentPath)
            for (n, start) in levels.enumerated() {
                let end = n + 1 < levels.count ? levels[n + 1] : lines.count
                emit("## " + lines[start].trimmingCharacters(in: .whitespaces), start)
                emit("", start)
                var signals: [(String, Int)] = []
                var examples: [(String, Int)] = []
                var summary: (String, Int)?
                for i in (start + 1)..<end {
                    let text = lines[i].trimmingCharacters(in: .whitespaces)
                    if text.isEmpty { continue }
                    if let example = exampleText(text) {
                        examples.append((example, i))
                    } else if summary == nil, signals.isEmpty, examples.isEmpty {
                        summary = (text, i)
                    } else {
                        signals.append((text.range(of: bullet, options: .regularExpression) != nil
                                        ? String(text.dropFirst().drop { $0 == " " }) : text, i))
                    }
                }
                if let summary { emit(summary.0, summary.1); emit("", summary.1) }
                emit("### " + competency, start)
                emit("", start)
                for (text, line) in signals { emit("- " + text, line) }
                if !signals.isEmpty { emit("", signals[signals.count - 1].1) }
                if !examples.isEmpty {
                    emit("#### Examples", examples[0].1)
                    emit("", examples[0].1)
                    for (text, line) in examples { emit("- " + text, line) }
                    emit("", examples[examples.count - 1].1)
                }
            }
        } else if let bullets = bulletLines(lines) {
            // Items led by a level id (`• L1’s are new…`) are the levels, as if written `* **L1’s** are new…`.
            let leads = bullets.compactMap { i -> (Int, String)? in
                guard let m = lines[i].firstMatch(bullet), m[1] != "◦",
                      let token = m[2].firstMatch(#"^([A-Za-z]{1,3}\d{1,2}(?:’s|'s|s)?|Level \d{1,2})(?=[\s:.,]|$)"#)?[1]
                else { return nil }
                return (i, token)
            }
            let labels = leads.compactMap { LevelLabel($0.1) }
            let bold = labels.count == leads.count && LevelLabel.isRun(labels) ? Dictionary(uniqueKeysWithValues: leads) : [:]
            var titled = hasTitle
            for (i, line) in lines.enumerated() {
                guard let m = line.firstMatch(bullet) else {
                    let text = line.trimmingCharacters(in: .whitespaces)
                    if !titled, !text.isEmpty {
                        titled = true
                        if isTitleLine(text), i + 1 >= lines.count || lines[i + 1].trimmingCharacters(in: .whitespaces).isEmpty,
                           !text.hasPrefix("#") {
                            emit("# " + text, i)
                            continue
                        }
                    }
                    emit(line, i)
                    continue
                }
                titled = true
                let marker = m[1] == "◦" ? "  * " : "* "
                if let token = bold[i] {
                    emit(marker + "**\(token)**" + m[2].dropFirst(token.count), i)
                } else {
                    emit(marker + m[2], i)
                }
            }
        } else {
            return nil
        }
        var rewritten = source
        rewritten.body = out.joined(separator: "\n") + "\n"
        rewritten.lineMap = map
        return rewritten
    }

    /// Line indices of `Level 1`, `Level 2`, … standing alone: at least three, counting up by one, in a page
    /// with no Markdown headings.
    static func levelLines(_ lines: [String]) -> [Int]? {
        var found: [(index: Int, n: Int)] = []
        for (i, line) in lines.enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("#") { return nil }
            if let m = text.firstMatch(#"^Level (\d{1,2})$"#), let n = Int(m[1]) { found.append((i, n)) }
        }
        guard found.count >= 3 else { return nil }
        for (a, b) in zip(found, found.dropFirst()) where b.n != a.n + 1 { return nil }
        return found.map(\.index)
    }

    /// Line indices of bullet lines, when there are at least three.
    static func bulletLines(_ lines: [String]) -> [Int]? {
        let found = lines.indices.filter { lines[$0].firstMatch(bullet) != nil }
        return found.count >= 3 ? found : nil
    }

    /// "E.g. Cleared a full disk" → "Cleared a full disk".
    static func exampleText(_ text: String) -> String? {
        guard let m = text.firstMatch(#"^(?:E\.g\.|e\.g\.|Eg\.|For example)[,:]?\s+(.+)$"#) else { return nil }
        return m[1].prefix(1).uppercased() + m[1].dropFirst()
    }

    /// A short line with no closing punctuation reads as a title.
    static func isTitleLine(_ text: String) -> Bool {
        text.split(separator: " ").count <= 8 && !".,:;!?".contains(text.last ?? ".")
    }
}

/// The raw lines of a page's body, to read what is under a heading.
struct BodyLines {
    let lines: [Substring]
    let source: PageSource

    init(source: PageSource) {
        self.source = source
        lines = source.body.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Body line index (0-based) of a file line.
    private func index(ofFileLine line: Int) -> Int {
        if let map = source.lineMap { return map.firstIndex(of: line) ?? map.count }
        return line - source.bodyLine
    }

    /// The text strictly between two file lines (to the end when `end` is nil).
    func text(after start: Int, before end: Int?) -> String {
        let from = min(max(index(ofFileLine: start) + 1, 0), lines.count)
        let to = min(max(end.map(index(ofFileLine:)) ?? lines.count, from), lines.count)
        return lines[from..<to].joined(separator: "\n")
    }
}

/// A label that names a level: `L3`, `IC2: Mid`, `D1 - Developer 1`, `Level 4`, `Senior Software Engineer`,
/// `Engineer II`, `Junior level`, `Engineering Manager`. Its family and rank decide whether labels form a run.
struct LevelLabel: Equatable {
    /// `id:IC`, `level`, `title:software engineer`, `words`, `management`.
    var family: String
    var rank: [Int]
    /// Ids and `Level N` numbers go up one at a time.
    var stepsByOne: Bool
    /// A bare id or seniority word needs a word about careers somewhere on the page.
    var needsContext: Bool

    /// Letter prefixes that are never level ids (questions, versions, headings of a test document).
    static let notIDs: Set<String> = ["Q", "V", "H", "R", "F", "T", "PR", "ID", "NO", "OS", "IP", "AT", "IS", "IN", "ON"]
    static let careerWords: Set<String> = [
        "engineer", "engineers", "developer", "developers", "programmer", "programmers", "designer", "designers",
        "manager", "managers", "lead", "junior", "senior", "staff", "principal", "entry", "mid", "middle",
        "associate", "director", "architect", "architects", "scientist", "scientists", "analyst", "analysts",
        "expert", "fellow", "distinguished", "intern", "apprentice", "trainee", "craftsperson", "sre", "ic",
        "individual", "contributor", "tester", "testers",
    ]
    static let roleNouns: Set<String> = [
        "engineer", "developer", "programmer", "designer", "scientist", "analyst", "architect", "tester", "sre",
        "manager", "director", "vp", "president", "consultant", "researcher",
    ]
    /// Seniority prefixes, doubled so that "Senior Staff" can sit between Staff and Principal.
    static let seniority: [String: Int] = [
        "apprentice": 0, "trainee": 0, "intern": 0, "junior": 2, "associate": 2, "entry": 2, "graduate": 2,
        "mid": 4, "middle": 4, "intermediate": 4, "mid-level": 4, "senior": 6, "lead": 8, "staff": 8, "expert": 8,
        "principal": 10, "distinguished": 12, "fellow": 14,
    ]
    static let numerals: [String: Int] = [
        "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9,
        "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6,
    ]

    init?(_ raw: String) {
        var text = raw.trimmingCharacters(in: .whitespaces)
        // Emoji and ordering prefixes (`👷 `, `02 `, `04a `) are not part of the name.
        while let first = text.unicodeScalars.first, !first.properties.isAlphabetic, !("0"..."9").contains(first) {
            text = String(text.unicodeScalars.dropFirst()).trimmingCharacters(in: .whitespaces)
        }
        if let r = text.range(of: #"^\d{1,2}[a-z]?\s+(?=[A-Za-z])"#, options: .regularExpression) {
            text.removeSubrange(r)
        }
        // A parenthesised note (`(SE)`, `(Lead)`) is dropped; a résumé or a part list is not a ladder.
        text = text.replacingOccurrences(of: #"\s*\([^)]*\)"#, with: "", options: .regularExpression)
        if text.isEmpty || text.count > 60 { return nil }
        for bad in ["@", "|", "?", ".md", "http"] where text.contains(bad) { return nil }
        if text.range(of: #"\b(19|20)\d\d\b"#, options: .regularExpression) != nil { return nil }

        // `L1`, `IC3: Senior`, `D1 - Developer 1`, `L1’s`, `L1 Engineers`.
        if let m = text.firstMatch(#"^([A-Za-z]{1,3})(\d{1,2})(?:’s|'s|s)?(?=$|[\s:.,\-–—·])(.*)$"#) {
            let prefix = m[1].uppercased()
            guard !Self.notIDs.contains(prefix), let n = Int(m[2]) else { return nil }
            let tail = Self.tail(m[3])
            guard tail.isEmpty || Self.namesCareer(tail) else { return nil }
            self.init(family: "id:" + prefix, rank: [n], stepsByOne: true, needsContext: tail.isEmpty)
            return
        }
        // `Level 3`, `Level 5 - Senior Software Engineer`.
        if let m = text.firstMatch(#"^[Ll]evel\s+(\d{1,2})(?=$|[\s:.,\-–—·])(.*)$"#), let n = Int(m[1]) {
            let tail = Self.tail(m[2])
            guard tail.isEmpty || Self.namesCareer(tail) else { return nil }
            self.init(family: "level", rank: [n], stepsByOne: true, needsContext: tail.isEmpty)
            return
        }
        // Titles and seniority words.
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).map(String.init)
        if words.last == "level", words.count > 1 { words.removeLast() }
        guard (1...6).contains(words.count), words.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } })
        else { return nil }
        var numeral = 0
        if words.count > 1, let last = words.last, let n = Self.numerals[last] { numeral = n; words.removeLast() }
        var rank = 4
        var prefixes = 0
        while let first = words.first, let r = Self.seniority[first], words.count > 1 || prefixes == 0 {
            // "Senior Staff" and "Senior Principal" sit just above Staff and Principal.
            rank = prefixes == 0 ? r : max(rank, r) + (rank < r ? 1 : 0)
            prefixes += 1
            words.removeFirst()
            if words.isEmpty { break }
        }
        if words.isEmpty {
            // Bare seniority words: Junior, Mid, Senior (a "level" suffix allowed).
            guard prefixes > 0 else { return nil }
            self.init(family: "words", rank: [rank, numeral], stepsByOne: false, needsContext: true)
            return
        }
        let management = words.first { ["manager", "director", "vp", "president"].contains($0) }
        guard let noun = management ?? words.last.map({ $0.hasSuffix("s") ? String($0.dropLast()) : $0 }),
              Self.roleNouns.contains(noun) else { return nil }
        let role = words.joined(separator: " ")
        if management != nil {
            let base = noun == "manager" ? 4 : noun == "director" ? 20 : 40
            self.init(family: "management", rank: [base + (prefixes > 0 ? rank : 0), numeral], stepsByOne: false,
                      needsContext: false)
            return
        }
        self.init(family: "title:" + role, rank: [rank, numeral], stepsByOne: false, needsContext: false)
    }

    private init(family: String, rank: [Int], stepsByOne: Bool, needsContext: Bool) {
        (self.family, self.rank, self.stepsByOne, self.needsContext) = (family, rank, stepsByOne, needsContext)
    }

    private static func tail(_ s: String) -> String {
        String(s.drop { " :.,-–—·".contains($0) }).trimmingCharacters(in: .whitespaces)
    }

    private static func namesCareer(_ tail: String) -> Bool {
        tail.lowercased().split(whereSeparator: { !$0.isLetter }).contains { careerWords.contains(String($0)) }
    }

    /// One family, strictly ascending; ids and `Level N` one step at a time.
    static func isRun(_ labels: [LevelLabel]) -> Bool {
        guard labels.count >= 3, let family = labels.first?.family, labels.allSatisfy({ $0.family == family }) else {
            return false
        }
        for (a, b) in zip(labels, labels.dropFirst()) {
            guard a.rank.lexicographicallyPrecedes(b.rank) else { return false }
            if a.stepsByOne, b.rank[0] != a.rank[0] + 1 { return false }
        }
        return true
    }
}

private extension String {
    /// The capture groups of the first match of `pattern` (group 0 is the whole match).
    func firstMatch(_ pattern: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let m = regex.firstMatch(in: self, range: NSRange(startIndex..., in: self)) else { return nil }
        return (0..<m.numberOfRanges).map { i in
            Range(m.range(at: i), in: self).map { String(self[$0]) } ?? ""
        }
    }
}
