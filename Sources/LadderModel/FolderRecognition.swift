import Foundation
import LadderCore
import LadderLoad
import LadderRecognise

/// Ladders found in a folder as a whole, among pages that say nothing about levels (no `level:`,
/// `levels:` or `topics:` key anywhere in the folder):
///
/// - **a folder of level pages**: one page per level, each with the same competency sections. At least
///   two pages whose titles name levels of one ladder (`L5 Senior Engineer`, `Engineer II`, `Staff
///   Engineer`) and that share at least two section names at their top depth; or, with no level titles,
///   at least three pages that all give `order:`/`weight:` and share two section names that are
///   competencies (Impact, Delivery…). A how-to folder (`## Prerequisites`, `## Steps` on every page) has
///   neither level titles nor competency sections and stays plain; so does one level page alone.
/// - **a folder of competency pages**: at least two pages holding the same run of level sections
///   (`### Junior level` … `### Senior level`, `## L1` …). They become one track whose levels are cut from
///   the pages' blocks (see `CompetencyPagesTrack`); the pages themselves stay plain pages.
/// - **a folder of competency files**: at least two JSON or YAML files keyed by the same run of level
///   labels (`{"name": "Mentoring", "L1": {…}, "L2": {…}}`), one competency each. Their records, as
///   they are, make one track's data (see `competencyFilesSource`); the files are published as they are.
///
/// Decided over the folder's sources together, before pages are interpreted one by one; what each page
/// is travels with its source as a `FolderLadderNote`. Headings are found by a line scan (ATX headings
/// outside fences), which is all a decision needs and costs far less than parsing every page twice.
/// Folders found to hold no ladder, by a fingerprint of their files: what one build tells the next.
package struct PlainFolders: Sendable {
    var fingerprints: [String: Int] = [:]
    package init() {}
}

package enum FolderRecognition {
    /// The sources with each recognised folder's notes set, and a track page added for each folder of
    /// competency pages that has no index page to hold it.
    ///
    /// A folder is decided from its own sources alone, so one whose files are all unchanged since a
    /// build that found no ladder in it (`plain`, fingerprints by `fileKey`) is not read again: the
    /// preview server decides only the folder of the page saved.
    static func apply(_ sources: [PageSource], plain: inout PlainFolders, fileKey: (PageSource) -> Int?) -> [PageSource] {
        var byFolder: [String: [Int]] = [:]
        for (i, source) in sources.enumerated() {
            byFolder[folder(of: source.contentPath), default: []].append(i)
        }
        // Each folder is decided on its own, in parallel (reading the pages is the costly part); ids and
        // notes are then given in folder order, so the result does not depend on the schedule.
        var folders = byFolder.keys.sorted().filter { !$0.isEmpty && (byFolder[$0]?.count ?? 0) >= 2 }
        let summary = summaryOrder(sources)
        let fingerprints = folders.map { folder -> Int? in
            var h = Hasher()
            for index in byFolder[folder] ?? [] {
                let source = sources[index]
                h.combine(summary[source.contentPath])
                // A data track's Markdown also depends on the generic framework, wherever that is.
                guard let key = fileKey(source), !DataTrack.isDataTrack(source.frontMatter) else { return nil }
                h.combine(source.contentPath); h.combine(source.displayPath); h.combine(key)
            }
            return h.finalize()
        }
        let known = plain
        var decisions = Array(folders.indices).parallelMap { n -> Decision? in
            if let fingerprint = fingerprints[n], known.fingerprints[folders[n]] == fingerprint { return nil }
            return decide(folders[n], indices: byFolder[folders[n]] ?? [], sources: sources, summary: summary)
        }
        plain = PlainFolders()
        for (n, decision) in decisions.enumerated() where decision == nil {
            if let fingerprint = fingerprints[n] { plain.fingerprints[folders[n]] = fingerprint }
        }
        mergeCompetencyFolders(&folders, &decisions, byFolder: byFolder, sources: sources)
        var out = sources
        guard decisions.contains(where: { $0 != nil }) else { return out }
        // A folder's track is named after the folder, unless pages that say what they are already use that
        // name (`engineering/l1.md` with `level:` is track `engineering`): then after its whole path.
        var usedIDs: Set<String> = []
        let decided = Set(zip(folders, decisions).filter { $0.1 != nil }.map(\.0))
        for source in sources where !source.isDataCandidate
            && (!LadderRecognition.mayRecognise(source.frontMatter) || source.frontMatter["track"] != nil) {
            if decided.contains(folder(of: source.contentPath)) { continue }
            if let track = (try? source.frontMatter.string("track")) ?? nil { usedIDs.insert(Slug.make(track)) }
            let parts = source.contentPath.split(separator: "/")
            if parts.count > 1 { usedIDs.insert(Slug.make(String(parts[0]))) }
        }
        for (folder, decision) in zip(folders, decisions) {
            guard let decision else { continue }
            // `content/career-path/`: the folder as diagnostics name it (a merged track's first page is deeper).
            let first = sources[decision.firstPage]
            let display = first.displayPath.hasSuffix(first.contentPath)
                ? String(decoding: first.displayPath.utf8.dropLast(first.contentPath.utf8.count), as: UTF8.self) + folder + "/" : folderDisplay(first.displayPath)
            let url = Page.url(forContentPath: folder + "/_index.md")
            var id = Slug.make(String(folder.split(separator: "/").last ?? ""))
            if id.isEmpty || usedIDs.contains(id) { id = Slug.make(folder.replacingOccurrences(of: "/", with: "-")) }
            var n = 2
            while usedIDs.contains(id) { id = Slug.make(folder.replacingOccurrences(of: "/", with: "-")) + "-\(n)"; n += 1 }
            usedIDs.insert(id)
            switch decision.shape {
            case .competencies(let found):
                let note = { (role: FolderLadderNote.Role) in
                    FolderLadderNote(role: role, folder: display, trackID: id, trackURL: url, origin: "its competency pages")
                }
                for page in found.pages { out[page.page.index].folderLadder = note(.competency) }
                var track = CompetencyPagesTrack.source(found, intro: decision.indexPage.map { sources[$0] },
                                                        folder: folder, display: display)
                track.folderLadder = note(.track)
                if let indexPage = decision.indexPage { out[indexPage] = track } else { out.append(track) }
            case .dataCompetencies(let files):
                // A folder with an index page keeps it at the folder's URL: the files stay files there.
                guard decision.indexPage == nil else { continue }
                var track = competencyFilesSource(files.map { sources[$0] }, folder: folder, display: display)
                track.folderLadder = FolderLadderNote(role: .track, folder: display, trackID: id, trackURL: url, origin: "its competency files")
                out.append(track)
            case .relatedData(let files):
                guard decision.indexPage == nil else { continue }
                var track = relatedDataSource(files.map { sources[$0] }, folder: folder, display: display)
                track.folderLadder = FolderLadderNote(role: .track, folder: display, trackID: id, trackURL: url, origin: "its data files read together")
                out.append(track)
            case .levelTracks(let tracks):
                for track in tracks {
                    var trackID = Slug.make(track.name)
                    while usedIDs.contains(trackID) { trackID += "-2" }
                    usedIDs.insert(trackID)
                    let trackURL = Page.url(forContentPath: folder + "/" + trackID + "/_index.md")
                    for (n, level) in track.levels.enumerated() {
                        out[level.index].folderLadder = FolderLadderNote(
                            role: .level, folder: display, trackID: trackID, trackURL: trackURL, levelID: level.id, order: n + 1,
                            origin: "its level pages, one role of several")
                    }
                }
            case .levels(let levels):
                for (n, level) in levels.enumerated() {
                    out[level.index].folderLadder = FolderLadderNote(
                        role: .level, folder: display, trackID: id, trackURL: url, levelID: level.id, order: n + 1,
                        origin: "its level pages")
                }
                if let indexPage = decision.indexPage {
                    out[indexPage].folderLadder = FolderLadderNote(role: .intro, folder: display, trackID: id,
                                                                   trackURL: url, origin: "its level pages")
                }
            }
        }
        return out
    }

    /// Competency pages kept in sub-folders by group (`career-path/technical-skills/`,
    /// `career-path/working-practices/`) with the same run of levels are one track: the sub-folders'
    /// decisions become one at their parent folder, whose index page (if any) introduces it.
    static func mergeCompetencyFolders(_ folders: inout [String], _ decisions: inout [Decision?],
                                       byFolder: [String: [Int]], sources: [PageSource]) {
        var groups: [String: [Int]] = [:]
        for (n, decision) in decisions.enumerated() {
            guard case .competencies(let found)? = decision?.shape, let first = found.pages.first else { continue }
            let parent = folder(of: folders[n] + "/x")
            let above = String(parent.split(separator: "/").dropLast().joined(separator: "/"))
            groups[above + "\n" + first.run.key.joined(separator: "\n"), default: []].append(n)
        }
        var removed: Set<Int> = []
        for (key, members) in groups.sorted(by: { $0.key < $1.key }) where members.count >= 2 {
            let parent = String(key.split(separator: "\n", omittingEmptySubsequences: false)[0])
            guard !parent.isEmpty, !folders.contains(parent) || decisions[folders.firstIndex(of: parent)!] == nil else { continue }
            var pages: [(page: ScannedPage, run: CompetencyPagesTrack.Run)] = []
            var first: CompetencyPagesTrack.Found?
            for n in members.sorted(by: { folders[$0] < folders[$1] }) {
                guard case .competencies(let found)? = decisions[n]?.shape else { continue }
                if first == nil { first = found }
                pages += found.pages
                // A sub-folder's own index page stays a page of its own.
                removed.insert(n)
            }
            guard var found = first else { continue }
            found.pages = pages
            let indexPage = (byFolder[parent] ?? []).first { isIndex(sources[$0].contentPath) }
            let decision = Decision(shape: .competencies(found), indexPage: indexPage, firstPage: pages[0].page.index)
            if let at = folders.firstIndex(of: parent) {
                decisions[at] = decision
            } else {
                folders.append(parent)
                decisions.append(decision)
            }
        }
        for n in removed.sorted(by: >) {
            folders.remove(at: n)
            decisions.remove(at: n)
        }
    }

    /// What one folder holds, when it is a ladder.
    struct Decision {
        enum Shape {
            case competencies(CompetencyPagesTrack.Found)
            /// Source indices of data files keyed by the same level labels, in path order.
            case dataCompetencies([Int])
            /// Source indices of data files that hold one ladder together (`relatedDataFiles`), in path order.
            case relatedData([Int])
            /// Source indices of the level pages in ladder order, with their ids.
            case levels([(index: Int, id: String)])
            /// Level pages of several roles side by side (`DevOps Engineer 1…3`, `Front-End Developer 1…3`):
            /// one track per role, named by it.
            case levelTracks([(name: String, levels: [(index: Int, id: String)])])
        }

        var shape: Shape
        var indexPage: Int?
        var firstPage: Int
    }

    static func decide(_ folder: String, indices: [Int], sources: [PageSource], summary: [String: Int] = [:]) -> Decision? {
        // A folder that already says what it holds is left as it is.
        // (A data file's keys are its data, not front matter.)
        guard indices.allSatisfy({ sources[$0].isDataCandidate || LadderRecognition.mayRecognise(sources[$0].frontMatter) }) else { return nil }
        if let files = levelKeyedFiles(indices.filter { sources[$0].isDataCandidate }, sources: sources) {
            return Decision(shape: .dataCompetencies(files), indexPage: indices.first { isIndex(sources[$0].contentPath) }, firstPage: files[0])
        }
        if let files = relatedDataFiles(indices.filter { sources[$0].isDataCandidate }, sources: sources) {
            return Decision(shape: .relatedData(files), indexPage: indices.first { isIndex(sources[$0].contentPath) }, firstPage: files[0])
        }
        let markdown = indices.filter { ContentLoader.isMarkdown(sources[$0].contentPath) }
        let indexPage = markdown.first { isIndex(sources[$0].contentPath) }
        let candidates = markdown.filter { !isIndex(sources[$0].contentPath) && !isReadme(sources[$0].contentPath)
            && !isSummary(sources[$0].contentPath) }
        guard candidates.count >= 2 else { return nil }
        let pages = candidates.map { ScannedPage(sources[$0], index: $0, listedAt: summary[sources[$0].contentPath]) }
        if let found = CompetencyPagesTrack.find(pages) {
            return Decision(shape: .competencies(found), indexPage: indexPage, firstPage: candidates[0])
        }
        if let tracks = levelPageTracks(pages) {
            return Decision(shape: .levelTracks(tracks.map { track in (track.name, track.levels.map { ($0.page.index, $0.id) }) }),
                            indexPage: indexPage, firstPage: candidates[0])
        }
        if let levels = levelPages(pages) {
            return Decision(shape: .levels(levels.map { ($0.page.index, $0.id) }), indexPage: indexPage, firstPage: candidates[0])
        }
        return nil
    }

    // MARK: - Paths

    static func folder(of contentPath: String) -> String {
        contentPath.split(separator: "/").dropLast().joined(separator: "/")
    }

    static func isIndex(_ path: String) -> Bool {
        let name = String(path.split(separator: "/").last ?? "").lowercased()
        return name.hasPrefix("index.") || name.hasPrefix("_index.")
    }

    /// GitBook's table of contents (`SUMMARY.md`): it orders pages, and is no level or competency itself.
    static func isSummary(_ path: String) -> Bool {
        (path.split(separator: "/").last ?? "").lowercased() == "summary.md"
    }

    /// The place each page has in a `SUMMARY.md` (GitBook's table of contents: `* [Senior](eng/senior.md)`),
    /// by content path, counting from 1 in the order its links are written; the first mention counts.
    static func summaryOrder(_ sources: [PageSource]) -> [String: Int] {
        var order: [String: Int] = [:]
        for source in sources where isSummary(source.contentPath) {
            let base = folder(of: source.contentPath).split(separator: "/").map(String.init)
            var rest = source.body[...]
            while let open = rest.range(of: "](") {
                rest = rest[open.upperBound...]
                guard let close = rest.firstIndex(of: ")") else { break }
                var target = String(rest[..<close]).trimmingCharacters(in: .whitespaces)
                rest = rest[close...]
                if target.hasPrefix("<"), target.hasSuffix(">") { target = String(target.dropFirst().dropLast()) }
                target = String(target.prefix { $0 != "#" && $0 != "?" && $0 != " " })
                guard !target.isEmpty, !target.contains(":"), !target.hasPrefix("/") else { continue }
                var parts = base
                for part in (target.removingPercentEncoding ?? target).split(separator: "/") {
                    if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(String(part)) }
                }
                let path = parts.joined(separator: "/")
                if order[path] == nil { order[path] = order.count + 1 }
            }
        }
        return order
    }

    static func isReadme(_ path: String) -> Bool {
        String(path.split(separator: "/").last ?? "").lowercased().hasPrefix("readme.")
    }

    /// `content/engineering/l1.md` → `content/engineering/`.
    static func folderDisplay(_ displayPath: String) -> String {
        guard let slash = displayPath.lastIndex(of: "/") else { return displayPath }
        return String(displayPath[...slash])
    }
}
