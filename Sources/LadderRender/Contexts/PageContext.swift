/// `page`: the page being shown. A written page fills every field; a generated page (a matrix, a
/// comparison) only its title, URL and description. A field left nil has no key at all, which templates
/// can tell apart from an empty one: an empty string still opens a `{{#section}}`.
public struct PageContext: TemplateContext {
    public var title: String
    /// nil only on the 404 page, which is served at whatever address was missing.
    public var url: String?
    public var permalink: String?
    public var description: String?
    public var summary: String?
    /// The page's rendered Markdown.
    public var content: String?
    /// Whether the title is the page's own first heading (left out of `content`): a layout that shows the
    /// content without a title of its own (the home page) shows it as the `<h1>`.
    public var titleFromHeading = false
    public var params: Any?
    /// `home`, `page`, `trackPage`, … (`Page.Kind`).
    public var kind: String?
    public var authors: [String]?
    public var tags: [Tag]?
    public var date: Dated?
    /// Only when it differs from `date`.
    public var lastmod: Dated?
    /// Only for pages long enough to want one (three `##`/`###` headings or more).
    public var toc: [TOCEntry]?
    /// The `nav:` group the page belongs to, with the page marked current.
    public var navGroup: NavGroup?
    /// "Last updated": `lastmod`, else the file's last commit.
    public var updated: Dated?
    /// "Edit this page": `site.yml`'s `edit_url` for the page's file.
    public var editURL: String?

    public struct Tag: TemplateContext {
        public var name: String
        public var url: String
        public init(name: String, url: String) { self.name = name; self.url = url }
        public var templateFields: TemplateFields { ["name": name, "url": url] }
    }

    /// `2026-03-01`, and the same date for people (`1 March 2026`).
    public struct Dated {
        public var value: String
        public var display: String
        public init(value: String, display: String) { self.value = value; self.display = display }
    }

    public struct TOCEntry: TemplateContext {
        public var text: String
        public var anchor: String
        public var depth: Int
        public init(text: String, anchor: String, depth: Int) { self.text = text; self.anchor = anchor; self.depth = depth }
        public var templateFields: TemplateFields { ["text": text, "anchor": anchor, "depth": depth] }
    }

    public init(title: String, url: String?, permalink: String? = nil, description: String? = nil, summary: String? = nil) {
        self.title = title
        self.url = url
        self.permalink = permalink
        self.description = description
        self.summary = summary
    }

    public var templateFields: TemplateFields {
        var dict = TemplateFields(minimumCapacity: 32)
        dict["title"] = title
        if let url { dict["url"] = url }
        if let permalink { dict["permalink"] = permalink }
        if let description { dict["description"] = description }
        if let summary { dict["summary"] = summary }
        if let content { dict["content"] = content }
        if titleFromHeading { dict["title_from_heading"] = true }
        if let params, let value = TemplateValue(params) { dict["params"] = value }
        if let kind { dict["kind"] = kind }
        if let authors {
            dict["authors"] = authors
            dict["authors_text"] = authors.joined(separator: ", ")
        }
        if let tags {
            dict["tags"] = tags.templateList
            dict["has_tags"] = !tags.isEmpty
        }
        if let date { dict["date"] = date.value; dict["date_display"] = date.display }
        if let lastmod { dict["lastmod"] = lastmod.value; dict["lastmod_display"] = lastmod.display }
        if let toc {
            dict["has_toc"] = true
            dict["toc"] = toc.templateList
        }
        if let navGroup { dict["nav_group"] = navGroup.templateFields }
        if let updated { dict["updated"] = updated.value; dict["updated_display"] = updated.display }
        if let editURL { dict["edit_url"] = editURL }
        if updated != nil || editURL != nil { dict["has_meta"] = true }
        return dict
    }
}
