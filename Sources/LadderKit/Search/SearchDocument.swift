/// One search result: a page, or one section of it. A competency inside a level is its own document,
/// so "mentor" can land on `/engineering/l3/#mentoring` rather than on the top of the L3 page.
public struct SearchDocument: Sendable, Equatable {
    /// Link as written into pages (base path included), with the section's anchor: `/engineering/l3/#impact`.
    public var url: String
    /// The page's title ("L3 Senior Engineer").
    public var title: String
    /// The section's heading ("Impact"); empty for the page itself.
    public var heading: String
    /// What the reader sees in the section, as plain text.
    public var text: String

    public var isSection: Bool { !heading.isEmpty }
}

/// The documents of a track, and of each of its levels, are consecutive, so a filter by track or level
/// is a range of document numbers: the browser needs no per-document table to filter.
public struct SearchTrackFacet: Sendable, Equatable {
    public struct LevelFacet: Sendable, Equatable {
        public var id: String
        public var title: String
        public var documents: Range<Int>
    }

    public var id: String
    public var title: String
    public var documents: Range<Int>
    public var levels: [LevelFacet]
}

/// Everything the index is built from, in document order.
public struct SearchCorpus: Sendable, Equatable {
    public var documents: [SearchDocument] = []
    public var tracks: [SearchTrackFacet] = []
}
