import LadderCore
import LadderModel

/// The lines that say which tracks Ladder found in pages as they are:
/// `content/hiring/levels.md: track 'levels', 4 levels L1–L4 from its bold list`.
enum RecognisedTracks {
    static func lines(_ model: SiteModel) -> [String] {
        model.tracks.compactMap { track in
            guard let first = track.levels.first, let last = track.levels.last else { return nil }
            let page = model.pages[first.pageIndex]
            // A folder's ladder is said once, by its folder: `content/eng/: track 'eng', … from its level pages`.
            guard var (place, origin) = page.source.folderLadder.map({ ($0.folder, $0.origin) })
                    ?? page.recognised.map({ (page.source.displayPath, $0.origin) }) else { return nil }
            // A further track of the page: a table beside its first.
            if first.origin == .appendedBlocks, page.recognised?.tableTracks.contains(where: { $0.name == track.title }) == true {
                origin = "its table under '\(track.title)'"
            }
            _ = place
            let count = track.levels.count
            return "\(place): track '\(track.id)', \(count) level\(count == 1 ? "" : "s") \(first.id)–\(last.id) from \(origin)"
        }
    }

    /// "8 levels in 2 tracks, 1 recognised", as the summary line says it.
    static func counts(_ model: SiteModel) -> String {
        let recognised = lines(model).count
        return "\(model.levels.count) levels in \(model.tracks.count) tracks\(recognised == 0 ? "" : ", \(recognised) recognised")"
    }
}
