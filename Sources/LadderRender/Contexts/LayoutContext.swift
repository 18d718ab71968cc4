/// What a layout is rendered with. Every layout gets `site`, and every page `page` and `breadcrumbs`;
/// the rest depends on the kind of page (`view`). The names templates read are the keys written by the
/// `templateFields` of each type in this folder, so a theme author reads one type to know what a
/// layout gets:
///
/// | layout | keys |
/// |---|---|
/// | every page | `site` (`SiteContext`), `page` (`PageContext`), `breadcrumbs`, `has_breadcrumbs` (`Breadcrumb`) |
/// | `track`, a track page | `track` (`TrackContext`) |
/// | `level` | `track`, `level` (`LevelContext`) |
/// | `competency` | `track`, `competency` (`CompetencyPageContext`) |
/// | `matrix` | `track`, `matrix` (`MatrixContext`) |
/// | `compare` | `track`, `compare` (`CompareContext`) |
/// | `compare-index` | `track`, `compare` (`CompareIndexContext`) |
/// | `tag` | `tag` (`TagContext`) |
/// | `search` | `search` (`SearchContext`) |
/// | `assess` | `track`, `assess` (`AssessContext`) |
/// | `changes` | `changes` (`ChangesContext`) |
/// | `redirect` | `site`, `target` only |
/// | every page of a site in several languages | `translations`, `alternates`, `x_default`, `untranslated` (`TranslationsContext`) |
public struct LayoutContext {
    /// Made once per site (and per current track while the header lists tracks): see `SiteContext`.
    public var site: SharedContext<SiteContext>
    public var page: PageContext?
    /// With the "Home" crumb first; empty on the home page.
    public var breadcrumbs: [Breadcrumb]
    public var track: SharedContext<TrackContext>?
    public var view: View
    /// The page in the site's other languages; nil on a site in one language.
    public var translations: TranslationsContext?

    public enum View {
        case plain
        case level(LevelContext)
        case competency(CompetencyPageContext)
        case matrix(MatrixContext)
        case compare(CompareContext)
        case compareIndex(CompareIndexContext)
        case tag(TagContext)
        case search(SearchContext)
        case assess(AssessContext)
        case changes(ChangesContext)
        /// A page that only sends the browser elsewhere (`aliases`): no `page`, no breadcrumbs.
        case redirect(target: String)
    }

    public init(site: SharedContext<SiteContext>, page: PageContext?, breadcrumbs: [Breadcrumb] = [],
                track: SharedContext<TrackContext>? = nil, view: View = .plain) {
        self.site = site
        self.page = page
        self.breadcrumbs = breadcrumbs
        self.track = track
        self.view = view
    }

    /// The value templates read. Shared parts (site, track) were converted once; the rest is per page.
    public var templateValue: TemplateValue {
        var context: [String: TemplateValue] = ["site": site.value]
        if case .redirect(let target) = view {
            context["target"] = .string(target)
            return .object(context)
        }
        if let page { context["page"] = page.templateValue }
        context["has_breadcrumbs"] = .bool(!breadcrumbs.isEmpty)
        context["breadcrumbs"] = breadcrumbs.templateList
        if let track { context["track"] = track.value }
        translations?.add(to: &context)
        switch view {
        case .plain, .redirect: break
        case .level(let level): context["level"] = level.templateValue
        case .competency(let competency): context["competency"] = competency.templateValue
        case .matrix(let matrix): context["matrix"] = matrix.templateValue
        case .compare(let compare): context["compare"] = compare.templateValue
        case .compareIndex(let index): context["compare"] = index.templateValue
        case .tag(let tag): context["tag"] = tag.templateValue
        case .search(let search): context["search"] = search.templateValue
        case .assess(let assess): context["assess"] = assess.templateValue
        case .changes(let changes): context["changes"] = changes.templateValue
        }
        return .object(context)
    }

}

/// A value templates read, by the keys its fields give.
public protocol TemplateContext: TemplateRepresentable {
    var templateFields: TemplateFields { get }
}

extension TemplateContext {
    public var templateValue: TemplateValue { .object(templateFields.values) }
}

extension Array where Element: TemplateContext {
    // A closure, not `\.templateValue`: in this generic getter the key path was made anew on every call
    // (1.2 % of a 10,000-level build's CPU).
    var templateList: TemplateValue { .list(map { $0.templateValue }) }
}

extension Array where Element: TemplateContext & Sendable {
    /// `templateList`, made only when a template reads it.
    var deferredList: TemplateValue {
        let items = self
        return .deferred(.init { items.templateList })
    }
}

/// A context many pages share (the site, a track), turned into a template value once rather than per page.
public struct SharedContext<Context: TemplateContext>: @unchecked Sendable {
    public let context: Context
    public let value: TemplateValue

    public init(_ context: Context) {
        self.context = context
        self.value = context.templateValue
    }

    init(_ context: Context, value: TemplateValue) {
        self.context = context
        self.value = value
    }
}

/// A link with its text: crumbs, comparisons, navigation.
public struct Link: TemplateContext {
    public var url: String
    public var label: String
    public init(url: String, label: String) { self.url = url; self.label = label }
    public var templateFields: TemplateFields { ["url": url, "label": label] }
}

public struct Breadcrumb: TemplateContext {
    public var title: String
    /// nil for the current page, the last crumb.
    public var url: String?
    public init(title: String, url: String?) { self.title = title; self.url = url }
    public var templateFields: TemplateFields {
        // A flag, not a test of `url`: a section on a string makes every name inside it a slow lookup.
        var item: TemplateFields = ["title": title, "current": url == nil]
        if let url { item["url"] = url }
        return item
    }
}
