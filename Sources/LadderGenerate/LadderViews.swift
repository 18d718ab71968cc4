import LadderCore
import LadderDiff
import LadderLoad
import LadderMarkdown
import LadderModel
import LadderRender
import LadderSearch

/// The views that put levels side by side: one page per competency, the competency × level matrix, and
/// a comparison page for every pair of levels of a track (DESIGN §4).
extension PageWriter {
    /// The row a track of prose levels (no competencies: the Fly page) is shown in: each level's text.
    static let proseRow = Competency(id: "", name: "Expectations", description: "")

    /// The rows of a track's matrix and comparisons: its competencies, or one row of each level's text.
    static func rows(of track: Track) -> [Competency] {
        track.competencies.isEmpty ? [proseRow] : track.competencies
    }

    /// `url#anchor`, or the bare URL for a level's whole text.
    func sectionURL(_ level: Level, _ anchor: String) -> String {
        anchor.isEmpty ? href(level.url) : href(level.url) + "#" + anchor
    }

    /// A level's expectations per competency: list items, or sentences when the section is prose. A level
    /// with no competency sections gives its whole text (its list item, or the blocks under its heading)
    /// under the prose row's id.
    /// Aligned ones are read once a build (`expectationsCache`).
    func expectations(of level: Level, aligned: Bool = true) -> [String: LevelComparison.Section] {
        guard aligned else { return Self.expectations(of: level, model: model, documents: documents, aligned: false) }
        return expectationsCache.value(track: level.trackID, key: "\(level.pageIndex)\n\(level.id)") {
            Self.expectations(of: level, model: model, documents: documents)
        }
    }

    /// What changes from level `lower` of `track` to level `higher`. A level and the next are compared
    /// once (`adjacentCache`), word runs and all: the higher level's page and their compare page both ask.
    func comparison(_ track: Track, _ lower: Int, _ higher: Int) -> LevelComparison {
        let (a, b) = (track.levels[lower], track.levels[higher])
        func compare() -> LevelComparison {
            LevelComparison(competencies: Self.rows(of: track), lower: expectations(of: a), higher: expectations(of: b))
        }
        guard higher == lower + 1 else { return compare() }
        return adjacentCache.value(track: a.trackID, key: "\(a.pageIndex)\n\(a.id)\n\(b.pageIndex)\n\(b.id)", read: compare)
    }

    /// `expectations(of:)` from the model and the rendered pages alone (`ladder diff` has no page writer).
    static func expectations(of level: Level, model: SiteModel, documents: [RenderedDocument], aligned: Bool = true) -> [String: LevelComparison.Section] {
        let document = documents[level.pageIndex]
        var out: [String: LevelComparison.Section] = [:]
        if level.sections.isEmpty {
            var items: [String] = []
            switch level.origin {
            case .listItem(let item, _):
                if let list = model.levelLists[level.pageIndex], let block = document.block(list.blockIndex),
                   item < block.listItems.count {
                    items = LevelComparison.sentences(block.listItems[item])
                }
            case .file, .heading, .appendedBlocks:
                var parts = SectionParts()
                for i in Array(level.introBlocks) + Array(level.trailingBlocks) {
                    guard let block = document.block(i), block.heading == nil else { continue }
                    parts.add(block)
                }
                if !parts.items.isEmpty { out[Self.proseRow.id] = parts.section(anchor: "", aligned: aligned) }
                return out
            }
            if !items.isEmpty { out[Self.proseRow.id] = LevelComparison.Section(anchor: "", items: items, texts: items, examples: items.map { _ in [] }, aligned: aligned) }
            return out
        }
        for section in level.sections where out[section.competencyID] == nil {
            var parts = SectionParts()
            for i in section.blocks.dropFirst() {
                guard let block = document.block(i), block.heading == nil else { continue }
                parts.add(block)
            }
            out[section.competencyID] = parts.section(anchor: section.anchor, aligned: aligned)
        }
        return out
    }

    /// A section's items as a comparison reads them: each list item (its whole text, its own text and
    /// its examples apart), or each sentence of a block of prose.
    struct SectionParts {
        var items: [String] = [], texts: [String] = [], examples: [[String]] = []

        mutating func add(_ block: RenderedBlock) {
            let listItems = block.listItems
            if listItems.isEmpty {
                let sentences = LevelComparison.sentences(block.plainText)
                items += sentences
                texts += sentences
                examples += sentences.map { _ in [] }
            } else {
                items += listItems
                for criterion in block.listCriteria {
                    texts.append(criterion.text)
                    examples.append(criterion.examples)
                }
            }
        }

        func section(anchor: String, aligned: Bool) -> LevelComparison.Section {
            LevelComparison.Section(anchor: anchor, items: items, texts: texts, examples: examples, aligned: aligned)
        }
    }

    /// The track's views as jobs: each builds its context only when run, so a big site never holds
    /// every page's context at once.
    func viewOutputs(_ track: Track) -> [() -> Output] {
        guard !track.levels.isEmpty else { return [] }
        var outputs: [() -> Output] = []
        // Each level's expectations are asked for by the jobs that read them, when they run (on every
        // core), not here, one track after another.
        func byLevel(_ n: Int) -> [String: LevelComparison.Section] { expectations(of: track.levels[n]) }
        let levels = track.levels.map(levelSummary)

        // One page per competency: every level's section, in order. Each level's first section per competency
        // found once: a table of 50,000 rows is 50,000 competency pages over levels of 50,000 sections.
        let sectionOf = track.levels.map { level in
            Dictionary(level.sections.enumerated().map { ($1.competencyID, $0) }, uniquingKeysWith: { first, _ in first })
        }
        for competency in track.competencies { outputs.append {
            let url = "\(track.url)competencies/\(competency.id)/"
            let entries = track.levels.enumerated().compactMap { n, level -> CompetencyPageContext.Entry? in
                guard let at = sectionOf[n][competency.id] else { return nil }
                let section = level.sections[at]
                return .init(level: levels[n], url: href(level.url) + "#" + section.anchor, html: sectionHTML(level, section))
            }
            return Output(
                url: url, layout: "competency",
                context: context(page: PageContext(title: strings.text("title.competency", ["competency": competency.name, "track": track.title]), url: href(url), permalink: absolute(url),
                                                   description: competency.description),
                                 current: url, track: track,
                                 view: .competency(.init(name: competency.name, description: competency.description, levels: entries)),
                                 breadcrumbs: [(track.title, track.url), (competency.name, nil)]),
                inSitemap: viewsInSitemap(track), lastmod: nil)
        } }

        // The matrix: competencies down, levels across.
        outputs.append {
            let matrixURL = "\(track.url)matrix/"
            let sections = track.levels.indices.map(byLevel)
            let rows = Self.rows(of: track).map { competency in
                MatrixContext.Row(name: displayName(competency),
                                  url: competency.id.isEmpty ? "" : href("\(track.url)competencies/\(competency.id)/"),
                                  anchor: "competency-" + (competency.id.isEmpty ? "expectations" : competency.id),
                                  cells: track.levels.enumerated().map { n, level in
                    MatrixContext.Cell(level: level.id, label: level.displayName,
                                       entry: sections[n][competency.id].map { (sectionURL(level, $0.anchor), $0.items) })
                })
            }
            return Output(
                url: matrixURL, layout: "matrix",
                context: context(page: PageContext(title: strings.text("title.matrix", ["track": track.title]), url: href(matrixURL), permalink: absolute(matrixURL),
                                                   description: strings.text("title.matrix_description", ["track": track.title])),
                                 current: matrixURL, track: track, view: .matrix(.init(levels: levels, rows: rows)),
                                 breadcrumbs: [(track.title, track.url), (strings.text("crumb.matrix"), nil)]),
                inSitemap: viewsInSitemap(track), lastmod: nil)
        }

        // Every pair of levels, lower first, and an index with the picker.
        let options = (0..<track.levels.count).map { Self.optionsHTML(track, levels, selected: $0) }
        let marks = DiffMarks(strings)
        var pairs: [CompareIndexContext.Pair] = []
        for (i, j) in track.comparePairs {
            let (a, b) = (track.levels[i], track.levels[j])
            let url = track.compareURL(a, b)
            pairs.append(.init(url: href(url), lower: levels[i], higher: levels[j]))
            outputs.append {
                let comparison = comparison(track, i, j)
                // The levels' labels from their summaries, worked out once per track.
                let (lowerLabel, higherLabel) = (levels[i].label, levels[j].label)
                let rows = comparison.rows.map { row in
                    let name = displayName(row.competency)
                    var context = CompareContext.Row(
                        name: name,
                        lowerLink: row.lowerAnchor.map { Link(url: sectionURL(a, $0), label: "\(lowerLabel) · \(name)") },
                        higherLink: row.higherAnchor.map { Link(url: sectionURL(b, $0), label: "\(higherLabel) · \(name)") },
                        newCount: row.counts.new, hasNoLongerListed: !row.noLongerListed.isEmpty,
                        items: { .init(lower: row.lower.map(Self.item), higher: row.higher.map(Self.item), noLongerListed: row.noLongerListed.map(Self.item)) },
                        lowerHTML: Self.itemsHTML(row.lower, side: .lower, marks: marks), higherHTML: Self.itemsHTML(row.higher, side: .higher, marks: marks))
                    context.noLongerListedHTML = Self.itemsHTML(row.noLongerListed, side: .noLongerListed, marks: marks)
                    context.summary = countSummaries.summary(row.counts, strings: strings)
                    context.hasChanges = row.counts.hasChanges
                    return context
                }
                return Output(
                    url: url, layout: "compare",
                    context: context(page: PageContext(title: strings.text("title.compare", ["lower": lowerLabel, "higher": higherLabel, "track": track.title]), url: href(url), permalink: absolute(url),
                                                       description: strings.text("title.compare_description", ["lower": levels[i].displayName, "higher": levels[j].displayName])),
                                     current: url, track: track,
                                     view: .compare(.init(lower: levels[i], higher: levels[j], rows: rows,
                                                          picker: picker(track, levels, selectedLower: i, selectedHigher: j, options: options))),
                                     breadcrumbs: [(track.title, track.url), (strings.text("crumb.compare"), "\(track.url)compare/"), (strings.text("compare.pair", ["lower": lowerLabel, "higher": higherLabel]), nil)]),
                    inSitemap: viewsInSitemap(track), lastmod: nil)
            }
        }
        let indexURL = "\(track.url)compare/"
        let allPairs = pairs
        outputs.append { Output(
            url: indexURL, layout: "compare-index",
            context: context(page: PageContext(title: strings.text("title.compare_index", ["track": track.title]), url: href(indexURL), permalink: absolute(indexURL)),
                             current: indexURL, track: track,
                             view: .compareIndex(.init(pairs: allPairs, picker: picker(track, levels, selectedLower: 0,
                                                                                      selectedHigher: min(1, track.levels.count - 1), options: options))),
                             breadcrumbs: [(track.title, track.url), (strings.text("crumb.compare"), nil)]),
            inSitemap: viewsInSitemap(track), lastmod: nil) }
        return outputs
    }

    /// `options[i]`: the `<option>`s with level `i` selected, shared by all the track's comparisons.
    /// `levels`: the track's level summaries, whose display names were worked out once (asking each
    /// level again, for each of its 45 comparisons, was 3% of a 10,000-level build).
    func picker(_ track: Track, _ levels: [LevelSummary], selectedLower: Int, selectedHigher: Int, options: [String]) -> LevelPicker {
        LevelPicker(
            action: href("\(track.url)compare/"),
            // By index: `enumerated()` copied every level, whole, twice for each of a track's comparisons.
            lower: track.levels.indices.map { .init(value: track.levels[$0].slug, label: levels[$0].displayName, selected: $0 == selectedLower) },
            higher: track.levels.indices.map { .init(value: track.levels[$0].slug, label: levels[$0].displayName, selected: $0 == selectedHigher) },
            lowerOptionsHTML: options[selectedLower], higherOptionsHTML: options[selectedHigher])
    }

    // Lists a comparison repeats thousands of times are written here rather than looped over in the
    // template: swift-mustache's per-value cost was most of a large build. Templates still get the
    // items as data (`lower`, `higher`, `picker.lower`…) to lay out their own way.

    enum Side { case lower, higher, noLongerListed }

    static func item(_ item: LevelComparison.Item) -> CompareContext.Item {
        var words: [CompareContext.Word] = []
        if case .reworded(let runs) = item.change { words = runs.map { .init(text: $0.text, kind: $0.kind.rawValue) } }
        return CompareContext.Item(text: item.text, isNew: item.isNew, change: item.change.name, words: words,
                                   examples: item.examples.map { .init(text: $0.text, isNew: $0.isNew) })
    }

    /// `<li>` items. On the higher side: unchanged items plain, reworded ones with the words added in
    /// `<ins>` and removed in `<del>`, new ones in `<mark class="diff-new">`; the lower side as written;
    /// the items no longer listed struck through. Every mark carries visually hidden words ("New:",
    /// "added:", "removed:"), so it is not told by colour alone, and every text is escaped.
    static func itemsHTML(_ items: [LevelComparison.Item], side: Side, strings: UIStrings = .english) -> String {
        itemsHTML(items, side: side, marks: DiffMarks(strings))
    }

    /// The same, with the marks' words looked up and escaped already (once per track, not per item).
    static func itemsHTML(_ items: [LevelComparison.Item], side: Side, marks: DiffMarks) -> String {
        // As bytes, piece by piece: a compare page's lists are most of its HTML.
        // Room for every text with its markup, so the bytes are not copied as they grow.
        var html = HTMLBytes(capacity: items.reduce(0) { $0 + 2 * $1.text.utf8.count + 192 + 96 * $1.examples.count })
        for item in items {
            switch (side, item.change) {
            case (.lower, .unchanged), (.higher, .unchanged):
                html.markup("<li class=\"diff-same\">")
                html.text(item.text)
            case (.lower, _):
                html.markup("<li>")
                html.text(item.text)
            case (.higher, .reworded(let runs)):
                html.markup("<li class=\"diff-reworded\">")
                html.markup(marks.reworded)
                wordsHTML(runs, to: &html, marks: marks)
            case (.higher, _):
                html.markup("<li class=\"diff-added\"><mark class=\"diff-new\">")
                html.markup(marks.new)
                html.text(item.text)
                html.markup("</mark>")
            case (.noLongerListed, _):
                html.markup("<li class=\"diff-gone\"><del>")
                html.markup(marks.gone)
                html.text(item.text)
                html.markup("</del>")
            }
            if !item.examples.isEmpty {
                html.markup("<ul class=\"diff-examples\">")
                for example in item.examples {
                    if side == .higher && example.isNew {
                        html.markup("<li><ins>")
                        html.markup(marks.added)
                        html.text(example.text)
                        html.markup("</ins></li>")
                    } else {
                        html.markup("<li>")
                        html.text(example.text)
                        html.markup("</li>")
                    }
                }
                html.markup("</ul>")
            }
            html.markup("</li>")
        }
        return html.string
    }

    /// A reworded item's words: shared ones plain, added ones in `<ins>`, removed ones in `<del>`.
    static func wordsHTML(_ runs: [WordRun], to html: inout String, strings: UIStrings = .english) {
        var bytes = HTMLBytes()
        wordsHTML(runs, to: &bytes, marks: DiffMarks(strings))
        html += bytes.string
    }

    static func wordsHTML(_ runs: [WordRun], to html: inout HTMLBytes, marks: DiffMarks) {
        for (n, run) in runs.enumerated() {
            if n > 0 { html.markup(" ") }
            switch run.kind {
            case .same:
                html.text(run.text)
            case .added:
                html.markup("<ins>")
                html.markup(marks.added)
                html.text(run.text)
                html.markup("</ins>")
            case .removed:
                html.markup("<del>")
                html.markup(marks.removed)
                html.text(run.text)
                html.markup("</del>")
            }
        }
    }

    /// The visually hidden words each mark of a comparison carries ("New:", "added:"…), in their
    /// `<span>`, escaped: made once for a track's comparisons rather than looked up for every item.
    struct DiffMarks {
        let reworded: String, new: String, gone: String, added: String, removed: String

        init(_ strings: UIStrings) {
            func hidden(_ key: String) -> String { "<span class=\"visually-hidden\">\(HTML.escape(strings.text(key)))</span>" }
            reworded = hidden("diff.reworded_label")
            new = hidden("diff.new_label")
            gone = hidden("diff.gone_label")
            added = hidden("diff.added_label")
            removed = hidden("diff.removed_label")
        }
    }

    /// `levels`: the track's level summaries, with the display names worked out once.
    static func optionsHTML(_ track: Track, _ levels: [LevelSummary], selected: Int) -> String {
        var html = ""
        for (n, level) in track.levels.enumerated() {
            html += "<option value=\"\(HTML.escape(level.slug))\"\(n == selected ? " selected" : "")>\(HTML.escape(levels[n].displayName))</option>"
        }
        return html
    }

    /// A section's content for the competency page, which prints each level's heading at `##`: the
    /// section's own subheadings follow at `###` (heading levels go down one at a time).
    func sectionHTML(_ level: Level, _ section: LevelSection) -> String {
        blocksUnderHeading(page: level.pageIndex, blocks: section.blocks, headingDepth: 2)
    }

    /// Links from a level page to the comparisons with its neighbours.
    func compareLinks(_ level: Level, position: Int, in track: Track) -> [Link] {
        var links: [Link] = []
        if position > 0 {
            let lower = track.levels[position - 1]
            links.append(Link(url: href(track.compareURL(lower, level)), label: strings.text("compare.pair", ["lower": lower.label, "higher": level.label])))
        }
        if position + 1 < track.levels.count {
            let higher = track.levels[position + 1]
            links.append(Link(url: href(track.compareURL(level, higher)), label: strings.text("compare.pair", ["lower": level.label, "higher": higher.label])))
        }
        return links
    }
}
