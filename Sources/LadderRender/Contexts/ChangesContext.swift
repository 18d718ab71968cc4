/// `changes`: the ladder's history (`/changes/`, with `history:` in site.yml): one section per version,
/// newest first, and in each what changed from the version before, by track, level and competency.
/// Each change comes pre-rendered (`html`: escaped text, reworded words in `<ins>`/`<del>`), and as data.
public struct ChangesContext: TemplateContext {
    public var versions: [Version]

    public struct Version: TemplateContext {
        /// The tag, or "Unreleased".
        public var name: String
        /// HTML id of its heading: `v-<slug>`.
        public var anchor: String
        /// `2026-03-14` and "14 March 2026"; nil for the working tree.
        public var date: (value: String, display: String)?
        /// "3 levels in 1 track: the first version listed." for the oldest; "1 reworded, 1 new, …" else.
        public var summary: String
        public var isFirst: Bool
        public var levels: [Level]
        public init(name: String, anchor: String, date: (value: String, display: String)?, summary: String,
                    isFirst: Bool, levels: [Level]) {
            self.name = name
            self.anchor = anchor
            self.date = date
            self.summary = summary
            self.isFirst = isFirst
            self.levels = levels
        }
        public var templateFields: TemplateFields {
            var dict: TemplateFields = ["name": name, "anchor": anchor, "summary": summary, "is_first": isFirst,
                                        "levels": levels.templateList, "has_levels": !levels.isEmpty]
            // Flags for what may be missing: a name a section does not find is looked up in the contexts
            // around it (the page's own `date`, `url`, `title`).
            dict["has_date"] = date != nil
            if let date { dict["date"] = date.value; dict["date_display"] = date.display }
            return dict
        }
    }

    public struct Level: TemplateContext {
        public var trackTitle: String
        public var id: String
        public var title: String
        /// The level page now; nil when the level is gone.
        public var url: String?
        /// "New level", "Level removed", or nil.
        public var status: String?
        public var competencies: [Competency]
        public init(trackTitle: String, id: String, title: String, url: String?, status: String?, competencies: [Competency]) {
            self.trackTitle = trackTitle
            self.id = id
            self.title = title
            self.url = url
            self.status = status
            self.competencies = competencies
        }
        public var templateFields: TemplateFields {
            var dict: TemplateFields = ["track_title": trackTitle, "id": id, "competencies": competencies.templateList]
            // No `title` key when it says nothing more than the id: an empty string is "true" in a section.
            let titled = !title.isEmpty && title != id
            dict["has_title"] = titled
            if titled { dict["title"] = title }
            dict["has_url"] = url != nil
            if let url { dict["url"] = url }
            dict["has_status"] = status != nil
            if let status { dict["status"] = status }
            return dict
        }
    }

    public struct Competency: TemplateContext {
        public var name: String
        /// "1 reworded, 1 new, 1 no longer listed".
        public var summary: String
        public var changes: [Change]
        public init(name: String, summary: String, changes: [Change]) {
            self.name = name
            self.summary = summary
            self.changes = changes
        }
        public var templateFields: TemplateFields {
            ["name": name, "summary": summary, "changes": changes.templateList]
        }
    }

    public struct Change: TemplateContext {
        /// `reworded`, `added` or `removed`.
        public var kind: String
        /// "Reworded", "Added", "Removed": said in words, not by colour alone.
        public var label: String
        /// Escaped: the criterion's text, a rewording's words marked.
        public var html: String
        public var oldText: String?
        public var newText: String?
        /// The criterion on its level page, while it is there.
        public var url: String?
        public init(kind: String, label: String, html: String, oldText: String?, newText: String?, url: String?) {
            self.kind = kind
            self.label = label
            self.html = html
            self.oldText = oldText
            self.newText = newText
            self.url = url
        }
        public var templateFields: TemplateFields {
            var dict: TemplateFields = ["kind": kind, "label": label, "html": html]
            if let oldText { dict["old_text"] = oldText }
            if let newText { dict["new_text"] = newText }
            dict["has_url"] = url != nil
            if let url { dict["url"] = url }
            return dict
        }
    }

    public init(versions: [Version]) { self.versions = versions }
    public var templateFields: TemplateFields { ["versions": versions.templateList, "has_versions": !versions.isEmpty] }
}
