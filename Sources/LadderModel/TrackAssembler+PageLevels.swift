import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderRecognise

/// Levels read from a page's own blocks: its level headings (with the sections under them, or bold-led
/// lists whose names recur, as competencies), and the items of its bold-led list.
extension TrackAssembler {
    /// The levels of a `levels: headings` page (or of one of its tracks: `only` its level headings, the
    /// first of them the page's level number `firstLevel`).
    mutating func addHeadingLevels(page: Page, index: Int, track: String, only: Set<Int>? = nil,
                                           firstLevel: Int = 0) throws(Diagnostic) {
        let headings = page.outline.headings
        let fm = page.source.frontMatter
        // `level_depth: N` says which heading depth holds the levels.
        let forcedDepth = try fm.int("level_depth")
        if let forcedDepth, !(1...6).contains(forcedDepth) {
            throw .error(fm.keyLocation("level_depth"), "'level_depth' must be a heading depth from 1 to 6, found \(forcedDepth)")
        }
        let depth = forcedDepth ?? page.recognised?.depth ?? SectionSplitter.sectionDepth(headings, skippingTitle: page.titleFromHeading)
        // A recognised ladder names its level headings, which may sit at several depths (sub-levels).
        let chosen = forcedDepth == nil ? page.recognised?.headingBlocks : nil
        var levelHeadings = headings.filter { (only ?? chosen)?.contains($0.blockIndex) ?? ($0.depth == depth) }
        // A level runs to the next heading at its depth or shallower, or to the next level heading.
        func end(of heading: Outline.Heading) -> Int {
            headings.first { $0.blockIndex > heading.blockIndex && ($0.depth <= heading.depth || chosen?.contains($0.blockIndex) == true) }?
                .blockIndex ?? page.outline.blockCount
        }
        if levelHeadings.isEmpty {
            throw .error(page.source.frontMatter.keyLocation("levels"), "'levels: headings' but the page has no headings")
        }
        // "All levels" is not a level: its blocks are shown on every level page.
        for heading in levelHeadings where Self.isSharedHeading(heading.text) {
            try setShared(SharedExpectations(pageIndex: index, blocks: heading.blockIndex..<end(of: heading),
                                             location: SourceLocation(path: page.source.displayPath, line: heading.line)),
                          track: track)
        }
        levelHeadings.removeAll { Self.isSharedHeading($0.text) }
        // Bold-led lists under levels with no section headings, and how many levels' lists each name leads
        // an item of: lists whose names recur hold the levels' competencies (`* **Tests**: …` under Q1, Q2, Q3).
        let ranges = levelHeadings.map { ($0.blockIndex + 1)..<end(of: $0) }
        let bare = ranges.map { range in !headings.contains(where: { range.contains($0.blockIndex) }) }
        // Read only when a level has no section headings (the body is still in the model here).
        let boldLedLists = bare.contains(true) && page.source.body.containsBytes("**")
            ? Outline.boldLedLists(body: page.source.body, bodyLine: page.source.bodyLine, pasted: page.source.pasted) : []
        let leadLists = ranges.indices.map { n -> Outline.BoldLedList? in
            guard bare[n] else { return nil }
            return boldLedLists.first { ranges[n].contains($0.blockIndex) && $0.items.count >= 2 }
        }
        var levelsNaming: [String: Int] = [:]
        for list in leadLists.compactMap({ $0 }) {
            for name in Set(list.items.map { Self.competencyName($0.boldText).lowercased() }) { levelsNaming[name, default: 0] += 1 }
        }
        for (n, heading) in levelHeadings.enumerated() {
            let end = end(of: heading)
            let blocks = (heading.blockIndex + 1)..<end
            let inner = headings.filter { blocks.contains($0.blockIndex) }
            // Under a level heading there is no page title to skip: a lone `###` is a section.
            var sections = SectionSplitter.sections(of: inner, in: blocks, config: config, skippingTitle: false)
            // On its own page a level's sections get clean anchors (`#people`, not the page-wide `#people-2`).
            var allocator = AnchorAllocator()
            for i in sections.indices { sections[i].anchor = allocator.allocate(sections[i].name) }
            var introEnd = sections.first?.blocks.lowerBound ?? end
            var trailingStart = sections.last?.blocks.upperBound ?? end
            // Most of the list's names must lead items under another level too: a list whose leads change
            // from level to level (`**Adopts**`, `**Designs**`) names no competencies.
            if sections.isEmpty, let list = leadLists[n],
               list.items.filter({ levelsNaming[Self.competencyName($0.boldText).lowercased(), default: 0] >= 2 }).count * 2 > list.items.count {
                // Each item is a section: a heading and the item without its lead, appended after the page's blocks.
                var pieces = appendedBlocks[index] ?? []
                for (item, lead) in list.items.enumerated() {
                    let name = Self.competencyName(lead.boldText)
                    let at = page.outline.blockCount + pieces.count
                    let anchor = allocator.allocate(name)
                    pieces.append(.heading(text: name, anchor: anchor, line: lead.line))
                    pieces.append(.boldLedItem(block: list.blockIndex, item: item))
                    sections.append(LevelSection(name: name, anchor: anchor,
                                                 competencyID: SectionSplitter.competencyID(for: name, config: config), blocks: at..<(at + 2)))
                }
                appendedBlocks[index] = pieces
                (introEnd, trailingStart) = (list.blockIndex, list.blockIndex + 1)
            }
            var (id, title) = LevelName.split(heading.text)
            // A job family names its levels by id (`senior-2-ic`) and heads them with their names.
            if let ids = page.source.levelIDs, firstLevel + n < ids.count { (id, title) = (ids[firstLevel + n], heading.text) }
            levelsByTrack[track, default: []].append(Level(
                id: id, slug: Slug.make(id), title: title,
                summary: Summary.firstSentences(heading.firstParagraph ?? ""), order: n + 1, trackID: track,
                url: "/\(track)/\(Slug.make(id))/", equivalent: nil, pageIndex: index,
                origin: .heading(blocks: blocks, anchor: heading.anchor),
                location: SourceLocation(path: page.source.displayPath, line: heading.line),
                introBlocks: blocks.lowerBound..<introEnd, sections: sections,
                trailingBlocks: trailingStart..<end))
        }
    }

    /// A bold lead as a competency's name: `Tests:` → `Tests`.
    static func competencyName(_ bold: String) -> String {
        bold.trimmingCharacters(in: CharacterSet(charactersIn: " :.–—-"))
    }

    mutating func addListLevels(page: Page, index: Int, track: String) throws(Diagnostic) {
        guard let list = page.outline.boldLedList else {
            throw .error(page.source.frontMatter.keyLocation("levels"),
                         "'levels: list' but no list whose items start with a bold level name (* **L1 Engineers** …)")
        }
        var anchors: [String] = []
        for (n, item) in list.items.enumerated() {
            let (id, title) = LevelName.split(item.boldText)
            anchors.append(Slug.make(id))
            levelsByTrack[track, default: []].append(Level(
                // "**L1 Engineers** tend to be early-career…": the bold lead is the sentence's subject.
                id: id, slug: Slug.make(id), title: title,
                summary: Summary.firstSentences(item.rest.first?.isLowercase == true ? item.boldText + " " + item.rest : item.rest),
                order: n + 1, trackID: track, url: "/\(track)/\(Slug.make(id))/", equivalent: nil,
                pageIndex: index, origin: .listItem(index: n, anchor: Slug.make(id)),
                location: SourceLocation(path: page.source.displayPath, line: item.line),
                introBlocks: 0..<0, sections: []))
        }
        levelLists[index] = (list.blockIndex, anchors)
    }
}
