/// `site.career_paths`: the home page's career-path diagram, drawn at build time, and the same as data for
/// its text alternative. Absent when the site has no levels, or too many tracks or levels for a picture.
public struct CareerPathsContext: TemplateContext {
    /// The whole `<svg>`, every text in it escaped: templates write it with `{{{career_paths.svg}}}`.
    public var svg: String
    /// The tracks in the diagram's order, left to right, each with its levels lowest first.
    public var columns: [Column]
    /// Pairs of equivalent levels on two tracks (`equivalent:`), each pair once.
    public var equivalents: [Equivalent]

    public struct Column: TemplateContext {
        public var title: String
        public var url: String
        public var levels: [LevelLink]
        public init(title: String, url: String, levels: [LevelLink]) { (self.title, self.url, self.levels) = (title, url, levels) }
        public var templateFields: TemplateFields { ["title": title, "url": url, "levels": levels.templateList] }
    }

    public struct Equivalent: TemplateContext {
        public var level: LevelLink
        public var track: String
        public var other: LevelLink
        public var otherTrack: String
        public init(level: LevelLink, track: String, other: LevelLink, otherTrack: String) {
            (self.level, self.track, self.other, self.otherTrack) = (level, track, other, otherTrack)
        }
        public var templateFields: TemplateFields {
            ["level": level.templateFields, "track": track, "other": other.templateFields, "other_track": otherTrack]
        }
    }

    public init(svg: String, columns: [Column], equivalents: [Equivalent]) {
        (self.svg, self.columns, self.equivalents) = (svg, columns, equivalents)
    }

    public var templateFields: TemplateFields {
        ["svg": svg, "columns": columns.templateList, "equivalents": equivalents.templateList,
         "has_equivalents": !equivalents.isEmpty]
    }
}
