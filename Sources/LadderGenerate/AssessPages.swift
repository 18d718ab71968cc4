import LadderCore
import LadderMarkdown
import LadderModel
import LadderRender
import LadderSearch

/// `/<track>/<level>/assess/`: a self-assessment against one level. Each criterion has a checkbox and an
/// evidence note, grouped by competency, and the next level's new expectations follow in a section of
/// their own. The page's script keeps the state in the address and in the browser; without it the page
/// is a printable checklist. A tool page: out of the sitemap and of search, and `noindex`.
extension PageWriter {
    func assessOutput(_ level: Level, position: Int, in track: Track) -> Output {
        let own = criteria(of: level)
        let next = position + 1 < track.levels.count ? track.levels[position + 1] : nil
        let newAtNext = next.map { newExpectations(from: level, to: $0) } ?? []
        let assess = AssessContext(
            level: levelSummary(level),
            // What the track expects at every level is part of this level too.
            competencies: (own.competencies + (sharedCriteria(of: track)?.competencies ?? [])).map { group(of: $0, level: level, prefix: "") },
            counts: model.config.assessCounts,
            version: Self.assessVersion(level: level, own: own, next: newAtNext + (sharedCriteria(of: track)?.competencies ?? [])),
            scriptURL: href("/assets/assess.js"), fileName: "\(track.id)-\(level.slug)-assessment",
            next: next.map { next in
                AssessContext.Next(level: levelSummary(next), assessURL: href(next.assessURL),
                                   competencies: newAtNext.map { group(of: $0, level: next, prefix: "next-") })
            })
        let url = level.assessURL
        let page = PageContext(title: strings.text("title.assess", ["level": level.displayName, "track": track.title]), url: href(url), permalink: absolute(url),
                               description: strings.text("title.assess_description", ["level": level.displayName]))
        return Output(url: url, layout: "assess",
                      context: context(page: page, current: url, track: track, view: .assess(assess),
                                       breadcrumbs: [(track.title, track.url), (level.id, level.url), (strings.text("crumb.assess"), nil)]),
                      inSitemap: false, lastmod: nil)
    }

    private func group(of group: CompetencyCriteria, level: Level, prefix: String) -> AssessContext.Group {
        AssessContext.Group(
            id: group.competencyID, name: group.competencyID == LevelCriteria.sharedID ? strings.text("level.at_every_level") : group.name, url: href(level.url) + "#" + group.sectionAnchor,
            fieldsetID: "a-\(prefix)\(group.competencyID)",
            criteria: group.criteria.map { criterion in
                // "All levels" criteria had their earlier ids in the track's shared group.
                let owner = group.competencyID == LevelCriteria.sharedID ? LadderSnapshot.sharedLevelID : level.id
                let aliases = history?.aliases(track: level.trackID, level: owner, id: criterion.id) ?? []
                let htmlID = Self.htmlID(criterion.id)
                return AssessContext.Criterion(id: criterion.id, inputID: "t-\(prefix)\(htmlID)",
                                               noteID: "n-\(prefix)\(htmlID)", text: criterion.text,
                                               url: criterionURL(criterion, of: level), examples: criterion.examples,
                                               aliasesJSON: aliases.isEmpty ? "" : JSONText.strings(aliases))
            })
    }

    /// The criteria of `higher` that the comparison with `lower` marks new, by competency.
    func newExpectations(from lower: Level, to higher: Level) -> [CompetencyCriteria] {
        // Only the items are read, which aligned and unaligned expectations share: with views, the
        // aligned ones the level's comparisons read anyway (`expectationsCache`) rather than reading the
        // level again; without, no comparison needs them aligned.
        criteria(of: higher).new(over: expectations(of: lower, aligned: model.config.views))
    }

    /// A hash of what the page asks about (ids and texts): a saved assessment made against another
    /// version says which of its criteria changed.
    static func assessVersion(level: Level, own: LevelCriteria, next: [CompetencyCriteria]) -> String {
        var text = level.trackID + "\n" + level.id
        for criterion in own.all + next.flatMap(\.criteria) { text += "\n" + criterion.id + "\t" + criterion.text }
        return ContentHash.hex(Array(text.utf8))
    }

    /// An id attribute has no spaces.
    static func htmlID(_ id: String) -> String {
        // Hashed ids are hex digits: no Character needs looking at (looking at each was 1.7 % of a
        // 10,000-level build's CPU).
        if id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return id }
        return String(id.map { $0.isWhitespace ? "-" : $0 })
    }
}
