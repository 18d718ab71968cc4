import LadderCore
import LadderLoad
import LadderMarkdown

/// Which level ids a page's prose may link: its own track's levels first, then ids only one track uses.
/// A level never links to itself.
package struct LevelMentions {
    var global: [String: String] = [:]
    var byTrack: [String: [String: String]] = [:]
    var trackOfPage: [Int: String] = [:]
    var levelURLOfPage: [Int: String] = [:]

    package init(model: SiteModel, resolver: LinkResolver) {
        var counts: [String: Int] = [:]
        for track in model.tracks {
            for level in track.levels {
                let id = level.id.uppercased()
                byTrack[track.id, default: [:]][id] = resolver.href(level.url)
                counts[id, default: 0] += 1
                global[id] = resolver.href(level.url)
                trackOfPage[level.pageIndex] = track.id
                if level.origin == .file { levelURLOfPage[level.pageIndex] = resolver.href(level.url) }
            }
        }
        for (id, count) in counts where count > 1 { global[id] = nil }
        guard !byTrack.isEmpty else { return }
        for index in model.pages.indices where trackOfPage[index] == nil {
            if let id = try? TrackAssembler.trackID(of: model.pages[index]), byTrack[id] != nil { trackOfPage[index] = id }
        }
    }

    package func targets(forPage index: Int) -> [String: String] {
        var out = global
        if let track = trackOfPage[index], let own = byTrack[track] { out.merge(own) { _, mine in mine } }
        if let selfURL = levelURLOfPage[index] { out = out.filter { $0.value != selfURL } }
        return out
    }
}
