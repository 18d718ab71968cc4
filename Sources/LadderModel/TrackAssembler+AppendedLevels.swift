import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderRecognise

/// Levels made of blocks appended to their page after its own: a track given as data, a data file's
/// ladder, a ladder written competency by competency, and a table's. Each level's sections are a heading
/// and the blocks that hold its text, numbered from the page's block count.
extension TrackAssembler {
    /// A level whose sections are the appended blocks `blocks` of page `index` (no intro, no trailing blocks).
    mutating func appendLevel(id: String, title: String, order: Int, track: String, page index: Int,
                              location: SourceLocation, blocks: Range<Int>, sections: [LevelSection]) {
        levelsByTrack[track, default: []].append(Level(
            id: id, slug: Slug.make(id), title: title, summary: "", order: order, trackID: track,
            url: "/\(track)/\(Slug.make(id))/", equivalent: nil, pageIndex: index, origin: .appendedBlocks, location: location,
            introBlocks: blocks.lowerBound..<blocks.lowerBound, sections: sections, trailingBlocks: blocks.upperBound..<blocks.upperBound))
    }

    /// The levels of a track given as data (`topics:`, a job family), read into typed values and appended
    /// after the page's own blocks as a `levels: headings` page would hold them: each level a heading, its
    /// summary, and its sections (a competency's heading, its criteria as a list of the author's Markdown
    /// fragments, sub-headings for examples and what it inherits); an "All levels" level is the track's
    /// shared expectations. The page's own blocks are its introduction, and the appended ones are its
    /// content too (a page that is not its track's overview shows the whole ladder).
    mutating func addDataTrackLevels(page: Page, index: Int, track: String) throws(Diagnostic) {
        let reading = try DataTrack.levels(of: page.source, generic: generic)
        warnings += reading.warnings
        var pieces = appendedBlocks[index] ?? []
        let base = page.outline.blockCount
        pieces += reading.introduction
        // Anchors continue the page's own, as one page's headings do.
        var pageAnchors = AnchorAllocator(reserved: page.outline.anchors)
        var n = 0
        for level in reading.levels {
            let heading = base + pieces.count
            let levelAnchor = pageAnchors.allocate(level.heading)
            pieces.append(.heading(text: level.heading, anchor: levelAnchor, line: level.line))
            if let summary = level.summary { pieces.append(.paragraphs(summary)) }
            let introEnd = base + pieces.count
            var sections: [LevelSection] = []
            // On its own page a level's sections get clean anchors (`#people`, not the page-wide `#people-2`).
            var allocator = AnchorAllocator()
            for section in level.sections {
                let at = base + pieces.count
                pieces.append(.subheading(text: section.name, depth: 3, anchor: pageAnchors.allocate(section.name), line: section.line))
                for group in section.groups {
                    if let heading = group.heading {
                        pieces.append(.subheading(text: heading, depth: 4, anchor: pageAnchors.allocate(heading), line: group.line))
                    }
                    if !group.items.isEmpty { pieces.append(.fragments(group.items, loose: group.loose)) }
                }
                sections.append(LevelSection(name: section.name, anchor: allocator.allocate(section.name),
                                             competencyID: SectionSplitter.competencyID(for: section.name, config: config),
                                             blocks: at..<(base + pieces.count)))
            }
            let end = base + pieces.count
            let location = SourceLocation(path: page.source.displayPath, line: level.line)
            if level.isShared {
                try setShared(SharedExpectations(pageIndex: index, blocks: heading..<end, location: location), track: track)
                continue
            }
            n += 1
            levelsByTrack[track, default: []].append(Level(
                id: level.id, slug: Slug.make(level.id), title: level.title,
                summary: level.summary.map { Summary.firstSentences(MarkdownFragment.plainText($0.markdown)) } ?? "",
                order: n, trackID: track, url: "/\(track)/\(Slug.make(level.id))/", equivalent: nil, pageIndex: index,
                origin: .heading(blocks: (heading + 1)..<end, anchor: levelAnchor), location: location,
                introBlocks: (heading + 1)..<introEnd, sections: sections, trailingBlocks: end..<end))
        }
        appendedBlocks[index] = pieces
        appendedContent[index] = pieces.count
    }

    /// The levels of a data file (roles and skills): each skill's text a section, appended as a heading
    /// and the text as written.
    mutating func addDataLevels(page: Page, index: Int, track: String) {
        var pieces = appendedBlocks[index] ?? []
        let base = page.outline.blockCount
        for (n, level) in (page.recognised?.data ?? []).enumerated() {
            let (id, title) = LevelName.split(level.label)
            let start = base + pieces.count
            var sections: [LevelSection] = []
            var allocator = AnchorAllocator()
            for skill in level.skills {
                let anchor = allocator.allocate(skill.name)
                let at = base + pieces.count
                pieces.append(.heading(text: skill.name, anchor: anchor, line: level.line))
                pieces.append(.texts(skill.texts))
                sections.append(LevelSection(name: skill.name, anchor: anchor,
                                             competencyID: SectionSplitter.competencyID(for: skill.name, config: config), blocks: at..<(at + 2)))
            }
            appendLevel(id: id, title: title, order: n + 1, track: track, page: index,
                        location: SourceLocation(path: page.source.displayPath, line: level.line),
                        blocks: start..<(base + pieces.count), sections: sections)
        }
        appendedBlocks[index] = pieces
    }

    /// The levels of a ladder written competency by competency: each level's section of a competency is its
    /// lead under that competency's heading — the item without its bold lead, or the paragraph without it and
    /// the blocks after it — appended to the page after its own blocks, as for a table.
    mutating func addGridLevels(page: Page, index: Int, track: String) {
        guard let recognised = page.recognised, let grid = recognised.grid else { return }
        var pieces = appendedBlocks[index] ?? []
        let base = page.outline.blockCount
        for (n, label) in recognised.labels.enumerated() {
            var (id, title) = LevelName.split(label)
            if let ids = page.source.levelIDs, n < ids.count { (id, title) = (ids[n], label) }
            let start = base + pieces.count
            var sections: [LevelSection] = []
            var allocator = AnchorAllocator()
            for competency in grid.competencies {
                guard n < competency.cells.count, let cell = competency.cells[n] else { continue }
                let anchor = allocator.allocate(competency.name)
                let at = base + pieces.count
                pieces.append(.heading(text: competency.name, anchor: anchor, line: competency.line))
                if let item = cell.item {
                    pieces.append(.boldLedItem(block: cell.block, item: item))
                } else {
                    if !cell.leadIn { pieces.append(.leadParagraph(block: cell.block)) }
                    for block in (cell.block + 1)..<max(cell.block + 1, cell.end) { pieces.append(.pageBlock(block: block)) }
                }
                sections.append(LevelSection(name: competency.name, anchor: anchor,
                                             competencyID: SectionSplitter.competencyID(for: competency.name, config: config),
                                             blocks: at..<(base + pieces.count)))
            }
            appendLevel(id: id, title: title, order: n + 1, track: track, page: index,
                        location: SourceLocation(path: page.source.displayPath, line: grid.competencies.first?.line ?? 1),
                        blocks: start..<(base + pieces.count), sections: sections)
        }
        appendedBlocks[index] = pieces
    }

    /// The levels of a ladder kept as a table. Each level's sections are blocks appended to the page after
    /// its own — a competency's heading, then its cell for the level — so every view reads them as it reads
    /// the sections under a level heading.
    mutating func addTableLevels(page: Page, index: Int, track: String,
                                         reading given: RecognisedLadder.TableLadder? = nil) throws(Diagnostic) {
        guard let reading = given ?? page.recognised?.table, reading.table < page.outline.tables.count else {
            throw .error(page.source.frontMatter.keyLocation("levels"),
                         "'levels: table' but no table whose header row or first column names levels (| Competency | L1 | L2 |)")
        }
        let table = page.outline.tables[reading.table]
        let across = reading.axis == .columns
        var pieces = appendedBlocks[index] ?? []
        let base = page.outline.blockCount
        for (n, levelIndex) in reading.levels.enumerated() {
            var label = across ? table.rows[0][levelIndex] : table.rows[levelIndex][0]
            // A row (column) of job titles beside the ids: `L1 - Junior Engineer`.
            if let titles = reading.titles {
                let (row, column) = across ? (titles, levelIndex) : (levelIndex, titles)
                if row < table.rows.count, column < table.rows[row].count, !table.rows[row][column].isEmpty { label += " - " + table.rows[row][column] }
            }
            var (id, title) = LevelName.split(label)
            // Ids the page names are its own ladder's, not a further table's.
            if given == nil, let ids = page.source.levelIDs, n < ids.count { (id, title) = (ids[n], label) }
            let start = base + pieces.count
            var sections: [LevelSection] = []
            var allocator = AnchorAllocator()
            for competency in reading.competencies {
                let name = across ? table.rows[competency][0] : table.rows[0][competency]
                let (row, column) = across ? (competency, levelIndex) : (levelIndex, competency)
                guard row < table.rows.count, column < table.rows[row].count, !table.rows[row][column].isEmpty else { continue }
                let anchor = allocator.allocate(name)
                let at = base + pieces.count
                pieces.append(.heading(text: name, anchor: anchor, line: table.line))
                // A pipe table's cell is Markdown, moved as it was read; a raw HTML table's cell is its text.
                if let items = table.htmlItems?[row][column] {
                    pieces.append(.texts(items))
                } else {
                    pieces.append(.tableCell(block: table.blockIndex, row: row, column: column))
                }
                sections.append(LevelSection(name: name, anchor: anchor,
                                             competencyID: SectionSplitter.competencyID(for: name, config: config), blocks: at..<(at + 2)))
            }
            appendLevel(id: id, title: title, order: n + 1, track: track, page: index,
                        location: SourceLocation(path: page.source.displayPath, line: table.line),
                        blocks: start..<(base + pieces.count), sections: sections)
        }
        appendedBlocks[index] = pieces
    }
}
