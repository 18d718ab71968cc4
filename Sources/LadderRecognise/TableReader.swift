import LadderMarkdown

/// The table reader: a pipe table whose header row names levels (a competency per row, the matrix as
/// most ladders draw it), or whose first column does (a level per row, a competency per column).
enum TableCandidates {
    static func all(outline: Outline, title: String?) -> [LadderCandidate] {
        var out: [LadderCandidate] = []
        for (index, table) in outline.tables.enumerated() where table.rows.count >= 2 && table.rows[0].count >= 2 {
            let header = table.rows[0]
            let body = Array(1..<table.rows.count)
            let columns = Array(1..<header.count)
            // Levels across: the header's cells after the first; competencies: rows with a name.
            if columns.count >= 2 {
                out.append(weigh(table, index: index, axis: .columns, levels: columns,
                                 label: { header[$0] }, competencies: body, name: { table.rows[$0][0] },
                                 cell: { level, competency in table.rows[competency][level] }, outline: outline, title: title))
            }
            // Levels down: the first cell of each row; competencies: the header's other cells.
            if body.count >= 2 {
                out.append(weigh(table, index: index, axis: .rows, levels: body,
                                 label: { table.rows[$0][0] }, competencies: columns, name: { header[$0] },
                                 cell: { level, competency in table.rows[level][competency] }, outline: outline, title: title))
            }
        }
        return out
    }

    private static func weigh(_ table: Outline.Table, index: Int, axis: RecognisedLadder.TableLadder.Axis, levels: [Int],
                              label: (Int) -> String, competencies: [Int], name: (Int) -> String,
                              cell: (Int, Int) -> String, outline: Outline, title: String?) -> LadderCandidate {
        var texts = levels.map(label)
        // A column (row) of job titles in order beside the level ids (`| L1 | Junior Engineer | …`) names the
        // levels; it is no competency.
        var titles = competencies.first { c in Evidence.titlesInOrder(levels.map { cell($0, c) }) }
        if let column = titles, texts.allSatisfy({ LevelLabel($0).map { $0.careerKey == nil } ?? false }) {
            texts = zip(texts, levels).map { "\($0) - \(cell($1, column))" }
        } else {
            titles = nil
        }
        var candidate = LadderCandidate(shape: .table, labels: texts)
        let labels = Evidence.weighOrder(&candidate, texts: texts, allowingTwo: true)
        // Competencies: named rows (columns) with something for a level; a named row with nothing for any
        // level is a group heading of the rows under it.
        let kept = competencies.filter { c in !name(c).isEmpty && levels.contains { !cell($0, c).isEmpty } && c != titles }
        let full = kept.filter { c in levels.filter { !cell($0, c).isEmpty }.count + 1 >= levels.count }
        if full.count >= 2 {
            candidate.weigh(2, "\(full.count) competencies with a cell for every level")
        } else if kept.isEmpty {
            candidate.weigh(-4, "no cell under the levels")
        }
        // A table that maps codes to pages (`| 1 | [Q1 - QA Engineer](#q1) |`) is navigation, not a ladder.
        // (The titles' column counts here too: titles that link to pages are an index.)
        let linkable = kept + (titles.map { [$0] } ?? [])
        let cells = linkable.flatMap { c in levels.map { axis == .columns ? (c, $0) : ($0, c) } }.filter { !table.rows[$0.0][$0.1].isEmpty }
        let linked = cells.filter { table.links[$0.0][$0.1] }.count + levels.filter { axis == .columns ? table.links[0][$0] : table.links[$0][0] }.count
        // So is one whose column (or row) of a competency links every level to a page of its own: an index.
        let linkColumn = linkable.contains { c in levels.allSatisfy { axis == .columns ? table.links[c][$0] : table.links[$0][c] } }
        if linked * 2 >= max(cells.count + levels.count, 1) || linkColumn { candidate.weigh(-6, "its cells are links (navigation)") }
        let words = kept.flatMap { c in levels.map { cell($0, c) } }.reduce(0) { $0 + $1.split(separator: " ").count }
        if kept.count <= 1, words <= levels.count * 4 { candidate.weigh(-3, "names, not expectations") }
        let bodies = levels.map { level in kept.map { cell(level, $0) }.joined(separator: "\n") }
        Evidence.weighContext(&candidate, labels: labels, texts: texts, bodies: bodies, title: title,
                              firstParagraph: outline.firstParagraph)
        candidate.levels = levels
        candidate.table = RecognisedLadder.TableLadder(table: index, axis: axis, levels: levels, competencies: kept, titles: titles)
        return candidate
    }
}
