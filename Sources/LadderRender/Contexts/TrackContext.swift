/// `track`: the track a page belongs to, made once per track and shared by its overview, levels and views.
public struct TrackContext: TemplateContext {
    public var id: String
    public var title: String
    public var description: String
    public var url: String
    public var levels: [LevelSummary]
    /// The track's introduction (its overview page's text), when it has one.
    public var introHTML: String?
    /// The overview page's text after its levels, when the page holds them (an FAQ under the ladder).
    public var afterHTML: String?
    /// "All levels": expectations shown on every level page.
    public var sharedHTML: String?
    public var matrixURL: String
    public var compareURL: String
    public var competencies: [Competency]
    /// Levels of this track paired with levels of other tracks (`equivalent:`), from either side.
    public var equivalents: [Equivalent]

    public struct Competency: TemplateContext {
        public var id: String
        public var name: String
        public var description: String
        public var url: String
        public init(id: String, name: String, description: String, url: String) {
            self.id = id
            self.name = name
            self.description = description
            self.url = url
        }
        public var templateFields: TemplateFields { ["id": id, "name": name, "description": description, "url": url] }
    }

    public struct Equivalent: TemplateContext {
        public var level: LevelSummary
        public var other: LevelSummary
        public var otherTrack: String
        public init(level: LevelSummary, other: LevelSummary, otherTrack: String) {
            self.level = level
            self.other = other
            self.otherTrack = otherTrack
        }
        public var templateFields: TemplateFields {
            ["level": level.templateFields, "other": other.templateFields, "other_track": otherTrack]
        }
    }

    public init(id: String, title: String, description: String, url: String, levels: [LevelSummary],
                introHTML: String?, sharedHTML: String?, matrixURL: String, compareURL: String,
                competencies: [Competency], equivalents: [Equivalent]) {
        self.id = id
        self.title = title
        self.description = description
        self.url = url
        self.levels = levels
        self.introHTML = introHTML
        self.sharedHTML = sharedHTML
        self.matrixURL = matrixURL
        self.compareURL = compareURL
        self.competencies = competencies
        self.equivalents = equivalents
    }

    public var templateFields: TemplateFields {
        var dict: TemplateFields = [
            "id": id, "title": title, "description": description, "url": url,
            "levels": levels.templateList, "has_levels": !levels.isEmpty, "level_count": levels.count,
            "has_competencies": !competencies.isEmpty,
            "matrix_url": matrixURL, "compare_url": compareURL, "competencies": competencies.templateList,
            "equivalents": equivalents.templateList, "has_equivalents": !equivalents.isEmpty,
        ]
        if let introHTML { dict["intro_html"] = introHTML }
        if let afterHTML, !afterHTML.isEmpty { dict["after_html"] = afterHTML }
        if let sharedHTML { dict["shared_html"] = sharedHTML }
        return dict
    }
}

/// A level as lists, links and view headers show it.
public struct LevelSummary: TemplateContext {
    public var id: String
    public var title: String
    /// `L3 Senior Engineer`.
    public var displayName: String
    public var summary: String
    public var url: String
    /// Set in the overview's list of levels when the level was written on the overview's own page
    /// (`## M1 Engineering Manager`): links to `/management/#m1-engineering-manager` still land on it.
    public var anchor: String?
    /// Whether the id is shown beside the title (not when the title says it: "Level 2", "L1 Engineers").
    public var showID = true
    /// The short name in running text (`L3`, or the title where the id is no code).
    public var label = ""
    /// On a site in several languages, a level not translated into this one: its language's code and
    /// "(auf Englisch)", which views that show it beside translated levels mark it with.
    public var untranslated: (lang: String, text: String)?
    public init(id: String, title: String, displayName: String, summary: String, url: String) {
        self.id = id
        self.title = title
        self.displayName = displayName
        self.summary = summary
        self.url = url
    }
    public var templateFields: TemplateFields {
        var dict: TemplateFields = ["id": id, "title": title, "display_name": displayName, "summary": summary, "url": url,
                                    "show_id": showID, "label": label]
        if let anchor { dict["anchor"] = anchor }
        if let untranslated { dict["untranslated"] = ["lang": untranslated.lang, "text": untranslated.text] as TemplateFields }
        return dict
    }
}

/// `level`: a level page. Its sections and their table of contents come pre-rendered (`sections_html`,
/// `toc_html`), since a level page is the most common page and each template loop over its sections cost
/// about 20 µs of its 150; `sections` keeps them as data for other markup.
public struct LevelContext: TemplateContext {
    public var summary: LevelSummary
    /// 1 for the first level of the track.
    public var position: Int
    public var introHTML: String
    public var sections: [Section]
    /// Blocks after the last competency that belong to no competency.
    public var afterHTML: String
    public var tocHTML: String
    public var sectionsHTML: String
    /// The track's "All levels" section.
    public var sharedHTML: String?
    /// The comparisons with the neighbouring levels.
    public var compare: [Link]
    public var previous: LevelSummary?
    public var next: LevelSummary?
    /// The matching level of another track, with that track's title.
    public var equivalent: (level: LevelSummary, trackTitle: String)?
    /// The level's self-assessment page, when the site has them.
    public var assessURL: String?
    /// What changes from the previous level of the track, when there is one and the site has views.
    public var changes: Changes?

    /// "What changes from L3": per competency how many expectations are reworded, new and no longer
    /// listed, and the new ones, with the full comparison's URL.
    public struct Changes: TemplateContext {
        public var from: LevelSummary
        /// The comparison of the two levels.
        public var url: String
        public var competencies: [Competency]
        /// The new expectations, by competency: `<h3>` and `<ul>` of each, escaped.
        public var newHTML: String
        public var hasNew: Bool

        public struct Competency: TemplateContext {
            public var name: String
            /// "2 reworded, 1 new, 1 no longer listed".
            public var summary: String
            public var changed: Bool
            public init(name: String, summary: String, changed: Bool) {
                self.name = name
                self.summary = summary
                self.changed = changed
            }
            public var templateFields: TemplateFields { ["name": name, "summary": summary, "changed": changed] }
        }

        public init(from: LevelSummary, url: String, competencies: [Competency], newHTML: String, hasNew: Bool) {
            self.from = from
            self.url = url
            self.competencies = competencies
            self.newHTML = newHTML
            self.hasNew = hasNew
        }

        public var templateFields: TemplateFields {
            ["from": from.templateFields, "url": url, "competencies": competencies.templateList,
             "new_html": newHTML, "has_new": hasNew]
        }
    }

    public struct Section: TemplateContext {
        public var name: String
        public var anchor: String
        public var html: String
        public var competency: String
        public init(name: String, anchor: String, html: String, competency: String) {
            self.name = name
            self.anchor = anchor
            self.html = html
            self.competency = competency
        }
        public var templateFields: TemplateFields { ["name": name, "anchor": anchor, "html": html, "competency": competency] }
    }

    public init(summary: LevelSummary, position: Int, introHTML: String, sections: [Section], afterHTML: String,
                tocHTML: String, sectionsHTML: String, sharedHTML: String?, compare: [Link],
                previous: LevelSummary?, next: LevelSummary?, equivalent: (level: LevelSummary, trackTitle: String)?) {
        self.summary = summary
        self.position = position
        self.introHTML = introHTML
        self.sections = sections
        self.afterHTML = afterHTML
        self.tocHTML = tocHTML
        self.sectionsHTML = sectionsHTML
        self.sharedHTML = sharedHTML
        self.compare = compare
        self.previous = previous
        self.next = next
        self.equivalent = equivalent
    }

    public var templateFields: TemplateFields {
        var dict = summary.templateFields
        dict["position"] = position
        dict["intro_html"] = introHTML
        dict["sections"] = sections.templateList
        dict["has_sections"] = !sections.isEmpty
        dict["after_html"] = afterHTML
        dict["toc_html"] = tocHTML
        dict["sections_html"] = sectionsHTML
        if let sharedHTML {
            let shared: TemplateFields = ["html": sharedHTML]
            dict["shared"] = shared
        }
        dict["compare"] = compare.templateList
        if let assessURL { dict["assess_url"] = assessURL }
        if let changes { dict["changes"] = changes.templateFields }
        if let previous { dict["prev"] = previous.templateFields }
        if let next { dict["next"] = next.templateFields }
        if let equivalent {
            var eq = equivalent.level.templateFields
            eq["track_title"] = equivalent.trackTitle
            dict["equivalent"] = eq
        }
        return dict
    }
}
