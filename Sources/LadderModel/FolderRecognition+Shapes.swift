import Foundation
import LadderCore
import LadderLoad
import LadderRecognise

/// The shapes a folder is read as besides competency pages: competency files keyed by level, and level pages.
extension FolderRecognition {
    // MARK: - A folder of competency files

    /// The largest group (two at least) of data files whose top-level keys include the same run of three
    /// level labels or more, in order: one competency per file.
    static func levelKeyedFiles(_ indices: [Int], sources: [PageSource]) -> [Int]? {
        guard indices.count >= 2 else { return nil }
        var groups: [[String]: [Int]] = [:]
        for i in indices {
            let keys = sources[i].frontMatter.map.entries.map(\.key).filter { LevelLabel($0) != nil }
            let labels = keys.compactMap { LevelLabel($0) }
            guard keys.count >= 3, LevelLabel.isRun(labels) else { continue }
            groups[keys, default: []].append(i)
        }
        guard let best = groups.values.max(by: { ($0.count, sources[$1[0]].contentPath) < ($1.count, sources[$0[0]].contentPath) }),
              best.count >= 2 else { return nil }
        return best.sorted { sources[$0].contentPath < sources[$1].contentPath }
    }

    /// The track of a folder of competency files: a data page made for the folder whose `competencies` are
    /// the files' records as they are (each keeping where it was written), named by their own name field or
    /// else by their file's name — the data reader reads them as skills keyed by level.
    static func competencyFilesSource(_ files: [PageSource], folder: String, display: String) -> PageSource {
        var root = YAMLMap()
        let at = SourceLocation(path: display, line: 1)
        let name = String(folder.split(separator: "/").last ?? "")
        root.append(.init(key: "title", value: .string(Page.titleFromFileName(name)), keyLocation: at, valueLocation: at))
        let records = files.map { file -> YAMLValue in
            var record = file.frontMatter.map
            let named = record.entries.contains { entry in
                guard LevelLabel(entry.key) == nil, case .string(let text) = entry.value else { return false }
                return !text.isEmpty && text.count <= 80 && !text.contains("\n")
            }
            if !named {
                var withName = YAMLMap()
                let first = SourceLocation(path: file.displayPath, line: 1)
                withName.append(.init(key: "name", value: .string(Page.titleFromFileName(file.contentPath)), keyLocation: first, valueLocation: first))
                for entry in record.entries { withName.append(entry) }
                record = withName
            }
            return .map(record)
        }
        root.append(.init(key: "competencies", value: .list(records), keyLocation: at, valueLocation: at))
        var source = PageSource(displayPath: display, contentPath: folder + "/_index.md",
                                frontMatter: FrontMatter(map: root, location: at), body: "", bodyLine: 1)
        source.isDataCandidate = true
        return source
    }

    // MARK: - Data files that hold one ladder together

    /// Data files of one folder whose records refer to each other's keys — levels in one file, competencies
    /// in another, expectations tagged with both in a third — when no file holds the ladder alone: all of
    /// the folder's data files, in path order.
    static func relatedDataFiles(_ indices: [Int], sources: [PageSource]) -> [Int]? {
        guard indices.count >= 2, indices.count <= 64 else { return nil }
        let files = indices.sorted { sources[$0].contentPath < sources[$1].contentPath }
        guard !files.contains(where: { LadderRecognition.hasTaggedRecords(sources[$0].frontMatter.map) }) else { return nil }
        return LadderRecognition.hasTaggedRecords(merged(files.map { sources[$0] })) ? files : nil
    }

    /// The top-level values of every file in one map (a name two files use is the first file's).
    static func merged(_ files: [PageSource]) -> YAMLMap {
        var map = YAMLMap()
        var seen: Set<String> = []
        for file in files {
            for entry in file.frontMatter.map.entries where seen.insert(entry.key).inserted { map.append(entry) }
        }
        return map
    }

    /// The track of related data files: a data page made for the folder holding their values together.
    static func relatedDataSource(_ files: [PageSource], folder: String, display: String) -> PageSource {
        var root = YAMLMap()
        let at = SourceLocation(path: display, line: 1)
        let name = String(folder.split(separator: "/").last ?? "")
        root.append(.init(key: "title", value: .string(Page.titleFromFileName(name)), keyLocation: at, valueLocation: at))
        for entry in merged(files).entries where entry.key != "title" { root.append(entry) }
        var source = PageSource(displayPath: display, contentPath: folder + "/_index.md",
                                frontMatter: FrontMatter(map: root, location: at), body: "", bodyLine: 1)
        source.isDataCandidate = true
        return source
    }

    // MARK: - A folder of level pages

    /// Section names (the headings at a page's top depth under its title) common words for competencies,
    /// which let a folder without level titles be a ladder when its pages give their order.
    static let competencyWords: Set<String> = [
        "impact", "ownership", "communication", "collaboration", "delivery", "leadership", "craft", "scope",
        "technical skills", "technical skill", "technical excellence", "technical expertise", "mentoring",
        "mentorship", "execution", "influence", "autonomy", "teamwork", "people", "strategy", "quality",
        "growth", "business impact", "complexity", "ambiguity", "judgement", "judgment", "problem solving",
        "expertise", "knowledge", "responsibilities", "expectations", "behaviours", "behaviors", "skills",
        "accountability", "initiative", "product", "architecture", "operations", "culture",
    ]

    /// The level pages of a folder in ladder order with their ids, or nil when the folder is no ladder.
    /// `unknownRoles`: titles of a role the grammar does not know count too (the pages of one role among
    /// several, numbered in a run: `Azure DevOps 1`, `Azure DevOps 2`).
    static func levelPages(_ pages: [ScannedPage], unknownRoles: Bool = false) -> [(page: ScannedPage, id: String)]? {
        // A title of a role the grammar does not know (`Part II`) names no level page by itself.
        let titled = pages.compactMap { page in
            page.titleLabel.flatMap { !unknownRoles && $0.family.hasPrefix("role:") ? nil : (page: page, label: Optional($0)) }
        }
        var chosen: [(page: ScannedPage, label: LevelLabel?)]
        if titled.count >= 2 {
            chosen = titled
        } else if pages.count >= 3, pages.allSatisfy({ $0.explicitOrder != nil && $0.title != nil }) {
            chosen = pages.map { ($0, nil) }
        } else {
            return nil
        }
        var shared = Set(chosen[0].page.sectionNames)
        for other in chosen.dropFirst() { shared.formIntersection(other.page.sectionNames) }
        guard shared.count >= 2 else { return nil }
        // Files numbered in ladder order (`01 Junior.md`, `02 Expert.md`, `03 Senior-L1.md`) say the order
        // themselves: a page among them with every shared section is a level even if its title names none.
        let numbered = pages.allSatisfy { $0.fileNumber != nil }
        if numbered, titled.count >= 2 {
            let labelled = Set(chosen.map(\.page.index))
            chosen += pages.filter { !labelled.contains($0.index) && shared.isSubset(of: $0.sectionNames) }.map { ($0, nil) }
        }
        if titled.count < 2, shared.intersection(competencyWords).count < 2 { return nil }
        if chosen.contains(where: { $0.label?.needsContext == true }),
           !LadderRecognition.mentionsCareers(chosen.map { $0.page.source.body.lowercased() }.joined(separator: " ")) {
            return nil
        }
        // Order: `order`/`weight` first, then the seniority in the titles when the titles can be compared
        // (one family of ids, or titles and seniority words), then the file name.
        let labels = chosen.compactMap(\.label)
        let ids = labels.filter { $0.family.hasPrefix("id:") || $0.family == "level" }
        let comparable = labels.count == chosen.count && (ids.isEmpty || Set(labels.map(\.family)).count == 1)
        chosen.sort { a, b in
            let (x, y) = (a.page.explicitOrder ?? Int.max, b.page.explicitOrder ?? Int.max)
            if x != y { return x < y }
            if numbered, let l = a.page.fileNumber, let r = b.page.fileNumber, l != r { return l < r }
            if comparable, let l = a.label, let r = b.label, l.rank != r.rank { return l.rank.lexicographicallyPrecedes(r.rank) }
            return a.page.source.contentPath < b.page.source.contentPath
        }
        let result = chosen.map { ($0.page, levelID(title: $0.page.title ?? "", label: $0.label)) }
        // Two pages with one id are not levels of one ladder (two teams' "Senior Engineer" pages).
        guard Set(result.map { Slug.make($0.1) }).count == result.count, !result.contains(where: { Slug.make($0.1).isEmpty })
        else { return nil }
        return result
    }

    /// Level pages of two roles or more in one folder, each role's titles one family in order (`DevOps
    /// Engineer 1`, `DevOps Engineer 2`; `Front-End Developer 1`, …): each role's pages read as a folder of
    /// level pages of their own, named by the role. Nil unless two roles at least are such ladders.
    static func levelPageTracks(_ pages: [ScannedPage]) -> [(name: String, levels: [(page: ScannedPage, id: String)])]? {
        // A role's words, hyphens as spaces (`Front End Developer 1`, `Front-End Developer 2`).
        func role(_ label: LevelLabel) -> String? {
            guard let colon = label.family.firstIndex(of: ":"), ["title", "role"].contains(label.family[..<colon]) else { return nil }
            return label.family[label.family.index(after: colon)...].split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
        }
        var byRole: [String: [(page: ScannedPage, label: LevelLabel)]] = [:]
        for page in pages {
            guard let label = page.titleLabel, let role = role(label) else { continue }
            byRole[role, default: []].append((page, label))
        }
        // A lone page whose role is the start of one other role's (`DevOps 3` beside `DevOps Engineer 1`, `2`)
        // is that role's, when its rank is not taken there.
        for (alone, members) in byRole where members.count == 1 {
            let longer = byRole.filter { $0.value.count >= 2 && $0.key.hasPrefix(alone + " ") }
            guard longer.count == 1, let (key, others) = longer.first,
                  !others.contains(where: { $0.label.rank == members[0].label.rank }) else { continue }
            byRole[key]?.append(members[0])
            byRole[alone] = nil
        }
        let roles = byRole.filter { $0.value.count >= 2 }.sorted { $0.key < $1.key }
        guard roles.count >= 2 else { return nil }
        var tracks = roles.compactMap { _, members -> (name: String, levels: [(page: ScannedPage, id: String)])? in
            let numbered = members.allSatisfy { $0.label.rank.count > 1 && $0.label.rank[1] > 0 }
            guard let levels = levelPages(members.map(\.page), unknownRoles: numbered), let title = levels.first?.page.title else { return nil }
            // The role as its first page writes it, without its number.
            var words = title.split(separator: " ")
            if words.count > 1, words.last?.allSatisfy({ $0.isNumber || "IVX".contains($0) }) == true { words.removeLast() }
            return (words.joined(separator: " "), levels)
        }
        guard tracks.count >= 2 else { return nil }
        // Words every role's name and level ids start with (`Engineering - `) say nothing about the role.
        let names = tracks.map { $0.name.split(separator: " ") }
        var common = names[0].count
        for name in names.dropFirst() { common = min(common, zip(names[0], name).prefix { $0 == $1 }.count) }
        common = min(common, names.map(\.count).min()! - 1)
        if common > 0 {
            let prefix = Slug.make(names[0].prefix(common).joined(separator: " "))
            for t in tracks.indices {
                tracks[t].name = names[t].dropFirst(common).joined(separator: " ")
                for l in tracks[t].levels.indices where tracks[t].levels[l].id.hasPrefix(prefix) {
                    let rest = tracks[t].levels[l].id.dropFirst(prefix.count).drop { $0 == "-" }
                    if !rest.isEmpty { tracks[t].levels[l].id = String(rest) }
                }
            }
        }
        return tracks
    }

    /// The leading token of the title where there is one (`L5`, `IC3`, `Level 3`), else its words (`senior-engineer`).
    static func levelID(title: String, label: LevelLabel?) -> String {
        let bare = title.replacingMatches(#"\s*\([^)]*\)"#, with: "").replacingMatches(#"^\d{1,2}[a-z]?\s+(?=[A-Za-z])"#, with: "")
            .trimmingCharacters(in: .whitespaces)
        if label?.family.hasPrefix("id:") == true { return LevelName.split(bare).id }
        if label?.family == "level", let m = bare.firstMatch(#"[Ll]evel\s+\d{1,2}"#) { return m[0] }
        return Slug.make(bare)
    }
}
