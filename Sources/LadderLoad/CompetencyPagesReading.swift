/// A folder of competency pages read as one track (the model stage's `CompetencyPagesTrack` finds it): the
/// levels the pages share, and where each page holds its section for each level. It is carried by the track's
/// page (the folder's index page, or one made for the folder), whose levels are assembled from it: each
/// level's section of a competency is that page's blocks under the level's heading, cut from the page as the
/// author wrote them. Nothing is written out as Markdown to be read again.
public struct CompetencyPagesReading: Sendable, Hashable {
    /// One competency page.
    public struct Page: Sendable, Hashable {
        public var contentPath: String
        /// The competency's name: `title:`, else a heading above the levels, else the file name.
        public var name: String
        /// The heading depth of the page's level sections.
        public var depth: Int
        /// The body line (1-based) of each level's heading on this page, in the track's order.
        public var levelLines: [Int]
        /// The body line of a section for every level ("All levels"), if the page has one.
        public var sharedLine: Int?

        public init(contentPath: String, name: String, depth: Int, levelLines: [Int], sharedLine: Int?) {
            (self.contentPath, self.name, self.depth, self.levelLines, self.sharedLine) = (contentPath, name, depth, levelLines, sharedLine)
        }
    }

    /// The level headings as the first page writes them (their ids, when the text is no id, are the page's `levelIDs`).
    public var labels: [String]
    /// The competency pages in the track's order.
    public var pages: [Page]

    public init(labels: [String], pages: [Page]) {
        self.labels = labels
        self.pages = pages
    }
}
