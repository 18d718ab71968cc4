import LadderCore
import LadderDiff
import LadderModel
import LadderRender

/// `/changes/`: the ladder's history (`history:` in site.yml), newest version first; in each, what changed
/// from the version before, by track, level and competency, each change linked to its criterion on the
/// level page while the criterion is there.
extension PageWriter {
    func changesOutput() -> Output {
        let url = HistoryReader.url
        let versions = history?.versions ?? []
        let links = currentCriterionLinks()
        // Two tags whose names make one slug (`v1.0`, `v1-0`) get `-2`: heading ids are unique.
        var used: Set<String> = []
        let anchors = versions.map { version -> String in
            let base = "v-" + Slug.make(version.name)
            var anchor = base, n = 2
            while !used.insert(anchor).inserted { anchor = "\(base)-\(n)"; n += 1 }
            return anchor
        }
        let changes = ChangesContext(versions: versions.enumerated().reversed().map { number, version in
            ChangesContext.Version(
                name: version.name, anchor: anchors[number],
                date: version.date.map { ($0, strings.date($0)) },
                summary: Self.summary(version, first: number == 0, strings: strings), isFirst: number == 0,
                levels: (version.changes?.levels ?? []).map { level(of: $0, links: links) })
        })
        let page = PageContext(title: strings.text("title.changes"), url: href(url), permalink: absolute(url),
                               description: strings.text("title.changes_description"))
        return Output(url: url, layout: "changes",
                      context: context(page: page, current: url, view: .changes(changes), breadcrumbs: [(strings.text("crumb.changes"), nil)]),
                      inSitemap: true, lastmod: versions.last?.date)
    }

    /// "The first version listed: 8 levels in 2 tracks." or "2 reworded, 1 added, 1 removed in 1 level."
    static func summary(_ version: LadderHistory.Version, first: Bool, strings: UIStrings = .english) -> String {
        let levels = strings.text("changes.levels_in_tracks", numbers: ["levels": version.levels, "tracks": version.tracks])
        guard let changes = version.changes else { return strings.text("changes.first", ["levels": levels]) }
        var reworded = 0, added = 0, removed = 0
        for level in changes.levels {
            for competency in level.competencies {
                for item in competency.items {
                    switch item.kind {
                    case .reworded: reworded += 1
                    case .added: added += 1
                    case .removed: removed += 1
                    }
                }
            }
        }
        guard !changes.levels.isEmpty else { return strings.text("changes.no_change", ["levels": levels]) }
        var parts: [String] = []
        if reworded > 0 { parts.append(strings.text("changes.reworded", numbers: ["count": reworded])) }
        if added > 0 { parts.append(strings.text("changes.added", numbers: ["count": added])) }
        if removed > 0 { parts.append(strings.text("changes.removed", numbers: ["count": removed])) }
        let what = parts.isEmpty ? strings.text("changes.levels_changed") : parts.joined(separator: strings.text("counts.separator"))
        return strings.text("changes.in_levels", ["changes": what], numbers: ["count": changes.levels.count])
    }

    /// Per track and level (`track\nlevel`): the level page and, by criterion id (and by each id it had
    /// before, `history`'s aliases), the criterion's link on it.
    private func currentCriterionLinks() -> [String: (url: String, criteria: [String: String])] {
        var out: [String: (url: String, criteria: [String: String])] = [:]
        for track in model.tracks {
            for level in track.levels {
                var byID: [String: String] = [:]
                for criterion in criteria(of: level).all { byID[criterion.id] = criterionURL(criterion, of: level) }
                for (old, id) in history?.aliasTargets(track: track.id, level: level.id) ?? [:] where byID[old] == nil {
                    if let link = byID[id] { byID[old] = link }
                }
                out[track.id + "\n" + level.id] = (href(level.url), byID)
            }
            // "All levels": on every level page; linked on the first.
            if let shared = sharedCriteria(of: track), let first = track.levels.first {
                var byID: [String: String] = [:]
                for criterion in shared.all { byID[criterion.id] = criterionURL(criterion, of: first) }
                let key = LadderSnapshot.sharedLevelID
                for (old, id) in history?.aliasTargets(track: track.id, level: key) ?? [:] where byID[old] == nil {
                    if let link = byID[id] { byID[old] = link }
                }
                out[track.id + "\n" + key] = (href(first.url), byID)
            }
        }
        return out
    }

    private func level(of level: LadderChanges.Level,
                       links: [String: (url: String, criteria: [String: String])]) -> ChangesContext.Level {
        let here = links[level.trackID + "\n" + level.id]
        let status: String? = switch level.status {
        case .changed: nil
        case .added: strings.text("changes.new_level")
        case .removed: strings.text("changes.level_removed")
        }
        let shared = level.id == LadderSnapshot.sharedLevelID
        return ChangesContext.Level(
            trackTitle: level.trackTitle, id: shared ? strings.text("level.at_every_level") : level.id,
            title: shared || level.title == level.id ? "" : level.title,
            url: here?.url, status: status,
            competencies: level.competencies.map { competency in
                var counts = (reworded: 0, added: 0, removed: 0)
                let changes = competency.items.map { item -> ChangesContext.Change in
                    let url = item.new.flatMap { here?.criteria[$0.id] }
                    switch item.kind {
                    case .reworded(let words):
                        counts.reworded += 1
                        var html = ""
                        Self.wordsHTML(words, to: &html, strings: strings)
                        return .init(kind: "reworded", label: strings.text("changes.label_reworded"), html: html, oldText: item.old?.text, newText: item.new?.text, url: url)
                    case .added:
                        counts.added += 1
                        return .init(kind: "added", label: strings.text("changes.label_added"), html: HTML.escape(item.new?.text ?? ""),
                                     oldText: nil, newText: item.new?.text, url: url)
                    case .removed:
                        counts.removed += 1
                        return .init(kind: "removed", label: strings.text("changes.label_removed"), html: "<del>\(HTML.escape(item.old?.text ?? ""))</del>",
                                     oldText: item.old?.text, newText: nil, url: nil)
                    }
                }
                var parts: [String] = []
                if counts.reworded > 0 { parts.append(strings.text("changes.reworded", numbers: ["count": counts.reworded])) }
                if counts.added > 0 { parts.append(strings.text("changes.added", numbers: ["count": counts.added])) }
                if counts.removed > 0 { parts.append(strings.text("changes.removed", numbers: ["count": counts.removed])) }
                return ChangesContext.Competency(name: competency.name.isEmpty ? strings.text("level.expectations") : competency.name,
                                                 summary: parts.joined(separator: strings.text("counts.separator")), changes: changes)
            })
    }
}
