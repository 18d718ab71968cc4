import LadderCore
import LadderLoad
import LadderMarkdown

extension TrackAssembler {
    /// The levels of a track read from a folder of competency pages (`CompetencyPagesReading`). Each level's
    /// section of a competency is a heading with the competency's name, then that page's blocks under the
    /// level's heading: its own headings as sub-headings, every other block cut from the page as the author
    /// wrote it. They are appended to the track's page after its own blocks, as a table's cells are.
    mutating func addCompetencyPagesLevels(page: Page, index: Int, track: String) throws(Diagnostic) {
        guard let reading = page.source.competencyPages else { return }
        var pieces = appendedBlocks[index] ?? []
        let base = page.outline.blockCount
        // Sub-headings are shown together on a competency's page (every level's section of it): their
        // anchors are the track page's, one set for all levels, apart from the page's own.
        var subheadings = AnchorAllocator(reserved: page.outline.anchors)
        // Each page's lines cut once: every level cuts its section from them.
        let sources = reading.pages.compactMap { entry in competencyPages[entry.contentPath].map { (entry, $0, $0.source.body.lineSlices()) } }

        // "All levels": what each page says for every level, shown on every level page.
        if sources.contains(where: { $0.0.sharedLine != nil }) {
            let start = base + pieces.count
            var location: SourceLocation?
            var made: [AppendedBlock] = []
            for (entry, competency, lines) in sources {
                guard let line = entry.sharedLine else { continue }
                let section = Self.section(of: competency, lines: lines, at: line, entry: entry, allocator: &subheadings)
                guard !section.isEmpty else { continue }
                location = location ?? SourceLocation(path: competency.source.displayPath, line: competency.source.fileLine(line))
                made.append(.subheading(text: entry.name, depth: 3, anchor: subheadings.allocate(entry.name), line: competency.source.fileLine(line)))
                made += section
            }
            if let location {
                pieces.append(.heading(text: "All levels", anchor: "all-levels", line: location.line))
                pieces += made
                try setShared(SharedExpectations(pageIndex: index, blocks: start..<(base + pieces.count), location: location), track: track)
            }
        }

        for (n, label) in reading.labels.enumerated() {
            var (id, title) = LevelName.split(label)
            if let ids = page.source.levelIDs, n < ids.count { (id, title) = (ids[n], label) }
            let start = base + pieces.count
            var sections: [LevelSection] = []
            var allocator = AnchorAllocator()
            var location = SourceLocation(path: page.source.displayPath, line: 1)
            for (entry, competency, lines) in sources where n < entry.levelLines.count {
                let line = entry.levelLines[n]
                if sections.isEmpty { location = SourceLocation(path: competency.source.displayPath, line: competency.source.fileLine(line)) }
                let anchor = allocator.allocate(entry.name)
                let section = Self.section(of: competency, lines: lines, at: line, entry: entry, allocator: &subheadings)
                guard !section.isEmpty else { continue }
                let at = base + pieces.count
                pieces.append(.heading(text: entry.name, anchor: anchor, line: competency.source.fileLine(line)))
                pieces += section
                sections.append(LevelSection(name: entry.name, anchor: anchor,
                                             competencyID: SectionSplitter.competencyID(for: entry.name, config: config),
                                             blocks: at..<(base + pieces.count)))
            }
            appendLevel(id: id, title: title, order: n + 1, track: track, page: index, location: location,
                        blocks: start..<(base + pieces.count), sections: sections)
        }
        appendedBlocks[index] = pieces
    }

    /// A competency page's blocks under its heading on body line `line`, to the next heading as deep or
    /// shallower: its headings as sub-headings (the page's own name, repeated under each level, left out),
    /// the other blocks as the author wrote them. Empty when the heading is not found or has nothing under it.
    static func section(of competency: Page, lines: [Substring], at line: Int, entry: CompetencyPagesReading.Page,
                        allocator: inout AnchorAllocator) -> [AppendedBlock] {
        let outline = competency.outline
        let headings = outline.headings
        guard let h = headings.firstIndex(where: { Int(outline.blockLines[$0.blockIndex]) == line }) else { return [] }
        let depth = headings[h].depth
        let end = headings[(h + 1)...].first { $0.depth <= depth }?.blockIndex ?? outline.blockCount
        let headingAt = Dictionary(headings[(h + 1)...].prefix { $0.blockIndex < end }.map { ($0.blockIndex, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [AppendedBlock] = []
        for block in (headings[h].blockIndex + 1)..<max(headings[h].blockIndex + 1, end) {
            if let sub = headingAt[block] {
                if sub.depth == depth + 1, sub.text == entry.name { continue }
                out.append(.subheading(text: sub.text, depth: min(6, 2 + sub.depth - depth), anchor: allocator.allocate(sub.text), line: sub.line))
                continue
            }
            let first = Int(outline.blockLines[block])
            let next = block + 1 < outline.blockLines.count ? Int(outline.blockLines[block + 1]) : lines.count + 1
            guard first >= 1, first <= lines.count else { continue }
            if let layout = competency.source.pasted {
                out.append(.pastedBlock(body: competency.source.body, layout: layout, block: block, line: competency.source.fileLine(first)))
                continue
            }
            let text = lines[(first - 1)..<min(max(next - 1, first), lines.count)].joined(separator: "\n")
            out.append(.sourceBlock(markdown: text, line: competency.source.fileLine(first)))
        }
        return out
    }
}
