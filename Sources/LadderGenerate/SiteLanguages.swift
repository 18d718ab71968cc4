import LadderCore
import LadderModel
import LadderRender

/// What one language's pages know of the site's other languages (`languages:` in site.yml): where each
/// language's site is, which URLs each has, and which of this language's pages are shown in the default
/// language. Every URL here is a path inside a language's site (`/engineering/l3/`), as the model has it.
struct SiteLanguages: Sendable {
    struct Language: Sendable {
        var code: String
        /// The language's name in itself (`Deutsch`).
        var name: String
        /// `base_url` for this language: the site's, then `de/` for any but the default.
        var baseURL: String
        /// Every URL this language's site has.
        var urls: Set<String>

        func href(_ path: String) -> String {
            let base = SiteURLs.basePath(of: baseURL)
            return base == "/" ? path : String(base.dropLast()) + path
        }

        func absolute(_ path: String) -> String { (PageWriter.origin(of: baseURL) ?? "") + href(path) }
    }

    /// Every language, the default first.
    var languages: [Language]
    /// The code of the language this build writes.
    var current: String
    /// URLs of this language's pages shown in the default language, and URL prefixes of whole tracks that are.
    var fallbackURLs: Set<String>
    var fallbackPrefixes: [String]
    /// "Not yet translated — shown in English", in this language.
    var notice: String
    /// "(shown in English)", beside such a level in a view of several.
    var shortNotice: String = ""
    /// The default language's criterion ids, by `track\nlevel` and then competency id: a translation's
    /// criteria take them (`LevelCriteria.sameIDs(as:)`). Empty in the default language.
    var originalCriteria: [String: [String: [String]]] = [:]

    var isDefault: Bool { current == languages[0].code }

    func isFallback(_ url: String) -> Bool {
        fallbackURLs.contains(url) || fallbackPrefixes.contains { url.hasPrefix($0) }
    }

    /// The page at `url` in every language: the menu, `hreflang` links and `x-default`.
    func context(for url: String?) -> TranslationsContext {
        TranslationsContext(
            languages: languages.map { language in
                let has = url.map { language.urls.contains($0) } ?? false
                return .init(code: language.code, name: language.name, url: language.href(has ? url! : "/"),
                             permalink: has ? language.absolute(url!) : nil, current: language.code == current)
            },
            defaultPermalink: url.flatMap { languages[0].urls.contains($0) ? languages[0].absolute($0) : nil },
            untranslated: url.map(isFallback) == true ? notice : nil,
            defaultLanguage: languages[0].code)
    }

    /// The sitemap's `<xhtml:link>` lines of one URL: the page in every language that has it.
    func sitemapLinks(for url: String) -> String {
        var xml = ""
        for language in languages where language.urls.contains(url) {
            xml += "<xhtml:link rel=\"alternate\" hreflang=\"\(HTML.escapeXML(language.code))\" href=\"\(HTML.escapeXML(language.absolute(url)))\"/>"
        }
        if languages[0].urls.contains(url) {
            xml += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(HTML.escapeXML(languages[0].absolute(url)))\"/>"
        }
        return xml
    }

    /// A language's `base_url`: the site's for the default language, with `<code>/` after it for the others.
    static func baseURL(_ siteBaseURL: String, language: String, isDefault: Bool) -> String {
        guard !isDefault else { return siteBaseURL }
        return (siteBaseURL.hasSuffix("/") ? siteBaseURL : siteBaseURL + "/") + language + "/"
    }

    /// The URLs of a language's model that show default-language text: its untranslated pages and their
    /// levels, and every page of a track none of whose levels is translated.
    static func fallbacks(in model: SiteModel, untranslated paths: Set<String>) -> (urls: Set<String>, prefixes: [String]) {
        guard !paths.isEmpty else { return ([], []) }
        var urls: Set<String> = []
        var fallbackPages: Set<Int> = []
        for index in model.pages.indices where paths.contains(model.pages[index].source.contentPath) {
            urls.insert(model.pages[index].url)
            fallbackPages.insert(index)
        }
        var prefixes: [String] = []
        for track in model.tracks {
            let untranslated = track.levels.filter { fallbackPages.contains($0.pageIndex) }
            for level in untranslated { urls.insert(level.url); urls.insert(level.assessURL) }
            if !track.levels.isEmpty, untranslated.count == track.levels.count { prefixes.append(track.url) }
        }
        return (urls, prefixes)
    }
}
