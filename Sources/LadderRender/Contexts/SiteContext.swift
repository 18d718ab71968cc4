/// `site`: what every page shows of the site, from `site.yml` and the list of tracks.
public struct SiteContext: TemplateContext {
    public var title: String
    public var description: String
    public var language: String
    public var baseURL: String
    /// The base path without its trailing slash (`/careers`, or empty), for links templates write.
    public var root: String
    public var params: [String: Any]
    public var tracks: [TrackLink]
    /// The header names every track while that fits in a bar; a site with dozens links home instead.
    public var navTracks: [TrackLink]
    public var manyTracks: Bool
    public var search: Bool
    public var views: Bool
    public var nav: [NavGroup]
    /// `/changes/`, the ladder's history, when `history:` is on.
    public var changesURL: String?
    /// The icon every page links: the site's own, else the theme's.
    public var favicon: Favicon?
    /// The career-path diagram the home page shows, when the site has one to draw.
    public var careerPaths: CareerPathsContext?

    public struct Favicon: TemplateContext {
        public var url: String
        /// `image/svg+xml`; nil for an `.ico`, which browsers recognise by itself.
        public var type: String?
        public init(url: String, type: String?) { self.url = url; self.type = type }
        public var templateFields: TemplateFields {
            var dict: TemplateFields = ["url": url]
            if let type { dict["type"] = type }
            return dict
        }
    }

    public init(title: String, description: String, language: String, baseURL: String, root: String,
                params: [String: Any], tracks: [TrackLink], navTracks: [TrackLink], manyTracks: Bool,
                search: Bool, views: Bool, changesURL: String? = nil, nav: [NavGroup]) {
        self.changesURL = changesURL
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
        self.root = root
        self.params = params
        self.tracks = tracks
        self.navTracks = navTracks
        self.manyTracks = manyTracks
        self.search = search
        self.views = views
        self.nav = nav
    }

    public var templateFields: TemplateFields {
        var dict: TemplateFields = [
            "title": title, "language": language, "base_url": baseURL, "root": root, "has_tracks": !tracks.isEmpty,
            "params": TemplateValue(params) ?? .object([:]), "tracks": tracks.templateList, "nav_tracks": navTracks.templateList,
            "many_tracks": manyTracks, "search": search, "views": views, "nav": nav.templateList,
        ]
        // An empty description is none: a section over "" would still show what surrounds it (`Careers · `).
        if !description.isEmpty { dict["description"] = description }
        if let favicon { dict["favicon"] = favicon.templateFields }
        if let careerPaths { dict["career_paths"] = careerPaths.templateFields }
        if let changesURL { dict["changes_url"] = changesURL }
        return dict
    }
}

extension TemplateSet {
    /// The site context with `site.header_html` and `site.footer_html`: the header and footer read only
    /// `site`, so, like Hugo's `partialCached`, each is rendered once per site context and pasted into
    /// every page: they make a dozen lookups on each of tens of thousands of pages.
    public func shared(_ site: SiteContext) -> SharedContext<SiteContext> {
        var fields = site.templateFields.values
        for name in ["header", "footer"] {
            var html = render(partial: name, context: .object(["site": .object(fields)]))
            while html.hasSuffix("\n") { html.removeLast() }   // the line of `{{{site.header_html}}}` ends it
            fields[name + "_html"] = .string(html)
        }
        return SharedContext(site, value: .object(fields))
    }
}

/// A track as the header and home page list it.
public struct TrackLink: TemplateContext {
    public var id: String
    public var title: String
    public var description: String
    public var url: String
    public var levels: [LevelLink]
    /// Set only in `site.nav_tracks`, where the header marks the track of the page shown.
    public var current: Bool?

    public init(id: String, title: String, description: String, url: String, levels: [LevelLink], current: Bool? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.url = url
        self.levels = levels
        self.current = current
    }

    public var templateFields: TemplateFields {
        var dict: TemplateFields = ["id": id, "title": title, "description": description, "url": url, "levels": levels.templateList]
        if let current { dict["current"] = current }
        return dict
    }
}

public struct LevelLink: TemplateContext {
    public var id: String
    public var title: String
    public var displayName: String
    public var url: String
    public init(id: String, title: String, displayName: String, url: String) {
        self.id = id
        self.title = title
        self.displayName = displayName
        self.url = url
    }
    public var templateFields: TemplateFields { ["id": id, "title": title, "display_name": displayName, "url": url] }
}

/// Pages grouped by their `nav:` front matter.
public struct NavGroup: TemplateContext {
    public var name: String
    public var title: String
    public var pages: [Page]

    public struct Page: TemplateContext {
        public var title: String
        public var url: String
        public var current: Bool
        public init(title: String, url: String, current: Bool) { self.title = title; self.url = url; self.current = current }
        public var templateFields: TemplateFields { ["title": title, "url": url, "current": current] }
    }

    public init(name: String, title: String, pages: [Page]) { self.name = name; self.title = title; self.pages = pages }
    public var templateFields: TemplateFields { ["name": name, "title": title, "pages": pages.templateList] }
}
