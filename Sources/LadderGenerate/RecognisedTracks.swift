import LadderCore
import LadderModel

/// The lines that say which tracks Ladder found in pages as they are:
/// `content/hiring/levels.md: track 'levels', 4 levels L1–L4 from its bold list`.
enum RecognisedTracks {
    static func lines(_ model: SiteModel) -> [String] {
        model.tracks.compactMap { track in
            guard let first = track.levels.first, let last = track.levels.last,
                  let found = model.pages[first.pageIndex].recognised else { return nil }
            let count = track.levels.count
            return "\(model.pages[first.pageIndex].source.displayPath): track '\(track.id)', \(count) level\(count == 1 ? "" : "s") "
                + "\(first.id)–\(last.id) from \(found.origin)"
        }
    }
}
