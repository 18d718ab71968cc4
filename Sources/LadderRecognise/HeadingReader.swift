import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown

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
