/// A page's versions in the site's other languages (`languages:` in site.yml): the language menu, the
/// `<link rel="alternate" hreflang>` of each translation and `x-default`, and the note on a page shown in
/// the default language because it is not translated yet. A site in one language has none of it.
public struct TranslationsContext: Sendable {
    public struct Language: Sendable {
        /// `de`, `pt-BR`: the `hreflang` and the menu's `lang`.
        public var code: String
        /// The language's name in itself (`Deutsch`), as a menu of languages shows it.
        public var name: String
        /// This page in that language, or that language's home page when the page is not in it.
        public var url: String
        /// The page's absolute URL in that language (`hreflang` wants it absolute), nil when the page is not in it.
        public var permalink: String?
        public var current: Bool

        public init(code: String, name: String, url: String, permalink: String?, current: Bool) {
            self.code = code
            self.name = name
            self.url = url
            self.permalink = permalink
            self.current = current
        }
    }

    public var languages: [Language]
    /// The page in the default language, for `hreflang="x-default"`.
    public var defaultPermalink: String?
    /// "Not yet translated — shown in English", in the reader's language, on a page shown in the default language.
    public var untranslated: String?
    /// The default language's code, which an untranslated page's text is in.
    public var defaultLanguage: String

    public init(languages: [Language], defaultPermalink: String?, untranslated: String?, defaultLanguage: String) {
        self.languages = languages
        self.defaultPermalink = defaultPermalink
        self.untranslated = untranslated
        self.defaultLanguage = defaultLanguage
    }

    /// The keys `base.mustache` reads: `translations` (the menu), `alternates` (the `hreflang` links),
    /// `x_default`, `untranslated` (`text`, `lang`).
    func add(to context: inout [String: TemplateValue]) {
        context["has_translations"] = .bool(true)
        context["translations"] = .list(languages.map { language in
            var fields: TemplateFields = ["code": language.code, "name": language.name, "url": language.url, "current": language.current]
            if let permalink = language.permalink { fields["permalink"] = permalink }
            return .object(fields.values)
        })
        context["alternates"] = .list(languages.compactMap { language in
            language.permalink.map { TemplateValue.object((["code": language.code, "permalink": $0] as TemplateFields).values) }
        })
        if let defaultPermalink { context["x_default"] = .string(defaultPermalink) }
        if let untranslated {
            context["untranslated"] = .object((["text": untranslated, "lang": defaultLanguage] as TemplateFields).values)
        }
    }
}
