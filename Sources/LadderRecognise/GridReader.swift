import LadderCore
import LadderLoad
import LadderMarkdown

/// The grid reader: a ladder written competency by competency, the matrix turned on its side. Under each
/// competency's heading, one bold lead per level — list items (`* **L1** knows the basics`) or paragraphs
/// over a list (`A __Junior Developer__ is capable of:`). The levels are the labels that lead; the evidence
/// is the same levels, in the same order, under every competency.
enum GridCandidates {
    static func all(source: PageSource, outline: Outline, title: String?) -> [LadderCandidate] {
        // Cheap tests first: bold text somewhere, and headings to hold competencies.
        let body = source.body
        guard outline.headings.count >= 2, body.containsBytes("**") || body.containsBytes("__"), mayHold(body) else { return [] }
        let leads = Outline.boldLeads(body: body, bodyLine: source.bodyLine, pasted: source.pasted)
        guard leads.count >= 4 else { return [] }
        let headings = outline.headings

        // Each lead that names a level, by the heading it sits under.
        var byHeading: [Int: [(label: String, lead: Int)]] = [:]
        var h = -1
        for (n, lead) in leads.enumerated() {
            while h + 1 < headings.count, headings[h + 1].blockIndex < lead.blockIndex { h += 1 }
            guard h >= 0, LevelLabel(lead.text) != nil else { continue }
            byHeading[h, default: []].append((lead.text, n))
        }
        // A competency: a heading with two labels at least, each once.
        let sections = byHeading.filter { entry in
            let labels = entry.value.map { $0.label.lowercased() }
            return labels.count >= 2 && Set(labels).count == labels.count
        }
        guard sections.count >= 2 else { return [] }
        // The levels: the longest run of labels under one competency; the others must name some of them,
        // in the same order.
        let longest = sections.max { a, b in (a.value.count, b.key) < (b.value.count, a.key) }!
        let levels = longest.value.map(\.label)
        let position = Dictionary(levels.enumerated().map { ($1.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        // A competency is named by its heading, or, where several share that name (`### Capabilities` under
        // each `## Business Analysis`), by the nearest heading above it whose name is its own.
        let parents = HeadingCandidates.parents(of: headings)
        var nameOf: [Int: Int] = Dictionary(uniqueKeysWithValues: sections.keys.map { ($0, $0) })
        for _ in 0..<3 {
            var count: [String: Int] = [:]
            for h in nameOf.values { count[headings[h].text.lowercased(), default: 0] += 1 }
            var changed = false
            for (key, h) in nameOf where count[headings[h].text.lowercased(), default: 0] > 1 && parents[h] >= 0 {
                nameOf[key] = parents[h]
                changed = true
            }
            if !changed { break }
        }
        var competencies: [RecognisedLadder.GridLadder.Competency] = []
        var texts: [String] = []
        var lines: BodyLines?
        for key in sections.keys.sorted() {
            let entries = sections[key]!
            let places = entries.compactMap { position[$0.label.lowercased()] }
            guard places.count == entries.count, places == places.sorted() else { continue }
            var cells: [RecognisedLadder.GridLadder.Cell?] = Array(repeating: nil, count: levels.count)
            let sectionEnd = key + 1 < headings.count ? headings[key + 1].blockIndex : outline.blockCount
            for (n, entry) in entries.enumerated() {
                let lead = leads[entry.lead]
                // A paragraph's cell runs to the next lead of the section (or its end); an item is itself.
                let nextBlock = n + 1 < entries.count ? leads[entries[n + 1].lead].blockIndex : sectionEnd
                let end = lead.item == nil ? max(lead.blockIndex + 1, nextBlock) : lead.blockIndex + 1
                cells[places[n]] = RecognisedLadder.GridLadder.Cell(
                    block: lead.blockIndex, item: lead.item, end: end,
                    leadIn: lead.item == nil && end > lead.blockIndex + 1 && lead.rest.hasSuffix(":") && lead.rest.split(separator: " ").count <= 5)
                if lead.item == nil {
                    // What a lead paragraph says is mostly in the blocks after it (`is capable of:` and a list).
                    let body = lines ?? BodyLines(source: source)
                    lines = body
                    let until = n + 1 < entries.count ? leads[entries[n + 1].lead].line : (key + 1 < headings.count ? headings[key + 1].line : nil)
                    texts.append(lead.rest + "\n" + body.text(after: lead.line, before: until))
                } else {
                    texts.append(lead.rest)
                }
            }
            let named = headings[nameOf[key] ?? key]
            competencies.append(RecognisedLadder.GridLadder.Competency(name: named.text, line: named.line, cells: cells))
        }
        guard competencies.count >= 2 else { return [] }

        var candidate = LadderCandidate(shape: .grid, labels: levels)
        let labels = Evidence.weighOrder(&candidate, texts: levels, allowingTwo: true)
        // The strongest sign: the same levels under every competency.
        let full = competencies.filter { $0.cells.filter { $0 != nil }.count + 1 >= levels.count }
        if full.count >= 2 {
            candidate.weigh(4, "the same \(levels.count) levels under \(full.count) competencies")
        }
        Evidence.weighContext(&candidate, labels: labels, texts: levels, bodies: texts, title: title,
                              firstParagraph: outline.firstParagraph)
        candidate.grid = RecognisedLadder.GridLadder(competencies: competencies)
        return [candidate]
    }

    /// A line scan before cmark parses the page again: four lines at least that lead with a bold level label
    /// (`* **L1** …`, `**Senior** …`, `A __Junior Developer__ is …`). Most pages with bold text (an article's
    /// `**Note**`) stop here.
    static func mayHold(_ body: String) -> Bool {
        var body = body
        return body.withUTF8 { bytes -> Bool in
            var count = 0
            var i = 0
            let n = bytes.count
            while i < n {
                if let inner = BoldLead.inner(bytes, lineStart: i, afterShortWord: true),
                   LevelLabel(String(decoding: UnsafeBufferPointer(rebasing: bytes[inner]), as: UTF8.self)) != nil {
                    count += 1
                    if count >= 4 { return true }
                }
                // The next line.
                while i < n, bytes[i] != 0x0A { i += 1 }
                i += 1
            }
            return false
        }
    }
}
