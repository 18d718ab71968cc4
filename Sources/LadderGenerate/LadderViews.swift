import LadderCore
import LadderLoad
import LadderMarkdown
import LadderModel
import LadderRender
import LadderSearch

/// The views that put levels side by side: one page per competency, the competency × level matrix, and
/// a comparison page for every pair of levels of a track (DESIGN §4).
extension PageWriter {
    /// A level's expectations per competency: list items, or sentences when the section is prose.
    func expectations(of level: Level) -> [String: LevelComparison.Section] {
        let document = documents[level.pageIndex]
        var out: [String: LevelComparison.Section] = [:]
        for section in level.sections where out[section.competencyID] == nil {
            var items: [String] = []
            for i in section.blocks.dropFirst() {
                guard let block = document.block(i), block.heading == nil else { continue }
                let listItems = block.listItems
                items += listItems.isEmpty ? LevelComparison.sentences(block.plainText) : listItems
            }
            out[section.competencyID] = LevelComparison.Section(anchor: section.anchor, items: items)
        }
        return out
    }

    /// The track's views as jobs: each builds its context only when run, so a big site never holds
    /// every page's context at once.
    func viewOutputs(_ track: Track) -> [() -> Output] {
        guard !track.levels.isEmpty else { return [] }
        var outputs: [() -> Output] = []
        let byLevel = track.levels.map(expectations)
        let levelsContext = track.levels.map(levelSummary)
        let trackContext = trackDictionary(track)

        // One page per competency: every level's section, in order.
        for competency in track.competencies { outputs.append {
            let url = "\(track.url)competencies/\(competency.id)/"
            let entries = track.levels.enumerated().compactMap { n, level -> [String: Any]? in
                guard let section = level.sections.first(where: { $0.competencyID == competency.id }) else { return nil }
                return ["level": levelsContext[n], "url": href(level.url) + "#" + section.anchor,
                        "html": sectionHTML(level, section)]
            }
            return Output(
                url: url, layout: "competency",
                context: context(page: ["title": "\(competency.name) · \(track.title)", "description": competency.description,
                                        "url": href(url), "permalink": absolute(url)],
                                 current: url,
                                 extra: ["track": trackContext, "competency": ["name": competency.name, "description": competency.description,
                                                                               "levels": entries]],
                                 breadcrumbs: [(track.title, track.url), (competency.name, nil)]),
                inSitemap: true, lastmod: nil)
        } }

        // The matrix: competencies down, levels across.
        outputs.append {
        let matrixURL = "\(track.url)matrix/"
        let rows = track.competencies.map { competency -> [String: Any] in
            [
                "name": competency.name, "url": href("\(track.url)competencies/\(competency.id)/"),
                "cells": track.levels.enumerated().map { n, level -> [String: Any] in
                    guard let entry = byLevel[n][competency.id] else { return ["has": false, "level": level.id] }
                    return ["has": true, "level": level.id, "url": href(level.url) + "#" + entry.anchor, "items": entry.items]
                },
            ]
        }
        return Output(
            url: matrixURL, layout: "matrix",
            context: context(page: ["title": "\(track.title) matrix", "url": href(matrixURL), "permalink": absolute(matrixURL),
                                    "description": "Every competency of the \(track.title) track at every level."],
                             current: matrixURL, extra: ["track": trackContext, "matrix": ["levels": levelsContext, "rows": rows]],
                             breadcrumbs: [(track.title, track.url), ("Matrix", nil)]),
            inSitemap: true, lastmod: nil)
        }

        // Every pair of levels, lower first, and an index with the picker.
        let options = (0..<track.levels.count).map { Self.optionsHTML(track, selected: $0) }
        var pairs: [[String: Any]] = []
        for (i, j) in track.comparePairs {
            do {
                let (a, b) = (track.levels[i], track.levels[j])
                let url = track.compareURL(a, b)
                pairs.append(["url": href(url), "lower": levelsContext[i], "higher": levelsContext[j]])
                outputs.append {
                let comparison = LevelComparison(competencies: track.competencies, lower: byLevel[i], higher: byLevel[j])
                let rows = comparison.rows.map { row -> [String: Any] in
                    let lowerURL = row.lowerAnchor.map { href(a.url) + "#" + $0 } ?? ""
                    let higherURL = row.higherAnchor.map { href(b.url) + "#" + $0 } ?? ""
                    var dict: [String: Any] = [
                        "name": row.competency.name, "lower_url": lowerURL, "higher_url": higherURL,
                        "lower": row.lower.map { ["text": $0.text, "new": $0.isNew] },
                        "higher": row.higher.map { ["text": $0.text, "new": $0.isNew] },
                        "lower_html": Self.itemsHTML(row.lower), "higher_html": Self.itemsHTML(row.higher),
                        "new_count": row.higher.filter(\.isNew).count,
                    ]
                    // The cell links as small objects: inside a section on a string (`{{#lower_url}}`) every
                    // other name is looked up through reflection first, which made a comparison 20% slower.
                    if !lowerURL.isEmpty { dict["lower_link"] = ["url": lowerURL, "label": "\(a.id) · \(row.competency.name)"] }
                    if !higherURL.isEmpty { dict["higher_link"] = ["url": higherURL, "label": "\(b.id) · \(row.competency.name)"] }
                    return dict
                }
                return Output(
                    url: url, layout: "compare",
                    context: context(page: ["title": "\(a.id) vs \(b.id) · \(track.title)", "url": href(url), "permalink": absolute(url),
                                            "description": "What changes from \(a.displayName) to \(b.displayName)."],
                                     current: url,
                                     extra: ["track": trackContext,
                                             "compare": ["lower": levelsContext[i], "higher": levelsContext[j], "rows": rows,
                                                         "picker": picker(track, selectedLower: i, selectedHigher: j, options: options)]],
                                     breadcrumbs: [(track.title, track.url), ("Compare", "\(track.url)compare/"), ("\(a.id) vs \(b.id)", nil)]),
                    inSitemap: true, lastmod: nil)
                }
            }
        }
        let indexURL = "\(track.url)compare/"
        let allPairs = pairs
        outputs.append { Output(
            url: indexURL, layout: "compare-index",
            context: context(page: ["title": "Compare levels · \(track.title)", "url": href(indexURL), "permalink": absolute(indexURL)],
                             current: indexURL,
                             extra: ["track": trackContext, "compare": ["pairs": allPairs, "picker": picker(track, selectedLower: 0, selectedHigher: min(1, track.levels.count - 1), options: options)]],
                             breadcrumbs: [(track.title, track.url), ("Compare", nil)]),
            inSitemap: true, lastmod: nil) }
        return outputs
    }

    /// Two selects; the form goes to the compare index, whose script (or, without JavaScript, whose
    /// list of every pair) leads to the chosen comparison.
    /// `options[i]`: the `<option>`s with level `i` selected, shared by all the track's comparisons.
    func picker(_ track: Track, selectedLower: Int, selectedHigher: Int, options: [String]) -> [String: Any] {
        [
            "action": href("\(track.url)compare/"),
            "lower_options_html": options[selectedLower], "higher_options_html": options[selectedHigher],
            "lower": track.levels.enumerated().map { ["value": $1.slug, "label": $1.displayName, "selected": $0 == selectedLower] },
            "higher": track.levels.enumerated().map { ["value": $1.slug, "label": $1.displayName, "selected": $0 == selectedHigher] },
        ]
    }

    // Lists a comparison repeats thousands of times are written here rather than looped over in the
    // template: swift-mustache's per-value cost was most of a large build. Templates still get the
    // items as data (`lower`, `higher`, `picker.lower`…) to lay out their own way.

    /// `<li>` items; new ones marked, with a "New:" prefix for screen readers.
    static func itemsHTML(_ items: [LevelComparison.Item]) -> String {
        var html = ""
        for item in items {
            html += item.isNew
                ? "<li><mark class=\"diff-new\"><span class=\"visually-hidden\">New: </span>\(HTML.escape(item.text))</mark></li>"
                : "<li>\(HTML.escape(item.text))</li>"
        }
        return html
    }

    static func optionsHTML(_ track: Track, selected: Int) -> String {
        var html = ""
        for (n, level) in track.levels.enumerated() {
            html += "<option value=\"\(HTML.escape(level.slug))\"\(n == selected ? " selected" : "")>\(HTML.escape(level.displayName))</option>"
        }
        return html
    }

    /// A section's content for a view that prints the section's heading itself, at `###`.
    func sectionHTML(_ level: Level, _ section: LevelSection) -> String {
        blocksUnderHeading(page: level.pageIndex, blocks: section.blocks, headingDepth: 3)
    }

    /// Links from a level page to the comparisons with its neighbours.
    func compareLinks(_ level: Level, position: Int, in track: Track) -> [[String: Any]] {
        var links: [[String: Any]] = []
        if position > 0 {
            let lower = track.levels[position - 1]
            links.append(["url": href(track.compareURL(lower, level)), "label": "\(lower.id) vs \(level.id)"])
        }
        if position + 1 < track.levels.count {
            let higher = track.levels[position + 1]
            links.append(["url": href(track.compareURL(level, higher)), "label": "\(level.id) vs \(higher.id)"])
        }
        return links
    }
}
