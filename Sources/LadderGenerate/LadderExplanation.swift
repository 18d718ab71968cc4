import LadderCore
import LadderModel

/// What `ladder check --explain [PATH]` prints: for each file or folder, the ladder read from it — track,
/// levels in order with their ids, competencies, which reader, the score and its reasons — and the best
/// reading that lost, with why; for a page that holds no ladder, the nearest reading and why it fell short.
enum LadderExplanation {
    static func lines(_ model: SiteModel, under path: String) -> [String] {
        var out: [String] = []
        var explainedPages: Set<Int> = []
        for track in model.tracks {
            guard let first = track.levels.first else { continue }
            let page = model.pages[first.pageIndex]
            let place: String
            let reader: String
            if let folder = page.source.folderLadder {
                place = folder.folder
                reader = "the folder reader (\(folder.origin))"
            } else if let recognised = page.recognised, first.origin == .appendedBlocks,
                      let table = recognised.tableTracks.first(where: { $0.name == track.title }) {
                place = page.source.displayPath
                reader = "the table reader (its table under '\(table.name)'), beside the page's \(recognised.shape == .headings ? "heading ladder" : "first table")"
            } else if let recognised = page.recognised {
                place = page.source.displayPath
                let evidence = recognised.evidence.isEmpty ? "" : ": " + recognised.evidence.joined(separator: ", ")
                reader = "the \(recognised.shape.rawValue == "headings" ? "heading" : recognised.shape.rawValue) reader (\(recognised.origin)), score \(recognised.score)\(evidence)"
            } else if page.isDataTrack {
                place = page.source.displayPath
                reader = "its data (front matter topics)"
            } else if page.kind == .trackPage {
                place = page.source.displayPath
                let fm = page.source.frontMatter
                let depth = ((try? fm.int("level_depth")) ?? nil).map { ", level_depth: \($0)" } ?? ""
                reader = "its front matter (levels: \((try? fm.string("levels")) ?? nil ?? "headings")\(depth))"
            } else {
                place = track.levels.map { model.pages[$0.pageIndex].source.displayPath }.min() ?? page.source.displayPath
                reader = "its front matter (level: in each page)"
            }
            guard matches(place, path) || track.levels.contains(where: { matches(model.pages[$0.pageIndex].source.displayPath, path) })
            else { continue }
            for level in track.levels { explainedPages.insert(level.pageIndex) }
            out.append("\(place): track '\(track.id)' at \(track.url), read by \(reader)")
            out.append("  levels: " + track.levels.map { level in
                level.title == level.id || level.title.isEmpty ? level.id : "\(level.id) (\(level.title))"
            }.joined(separator: ", "))
            out.append("  competencies: " + (track.competencies.isEmpty
                ? "none (each level's text is one row of the matrix and comparisons)"
                : track.competencies.map(\.name).joined(separator: ", ")))
            if let miss = page.recognitionNearMiss, page.recognised != nil { out.append("  runner-up: \(miss)") }
        }
        for (index, page) in model.pages.enumerated() where !explainedPages.contains(index) && page.recognised == nil {
            guard let miss = page.recognitionNearMiss, matches(page.source.displayPath, path) else { continue }
            out.append("\(page.source.displayPath): no ladder; nearest reading: \(miss)")
        }
        return out
    }

    /// Whether a display path (`content/hiring/levels.md`) is the one asked about, or under it.
    static func matches(_ displayPath: String, _ path: String) -> Bool {
        path.isEmpty || displayPath.hasSuffix(path) || displayPath.contains(path.hasSuffix("/") ? path : path + "/")
            || displayPath.hasSuffix(path + "/")
    }
}
