import LadderCore
import LadderLoad

/// The content of one language of a multilingual site (`languages:` in site.yml): the default language's
/// pages with this language's translations in their place, so a translated site is never missing a page.
struct LanguageContent {
    var language: String
    var content: LoadedContent
    /// Content paths of the pages shown in the default language because this one has no translation.
    var fallbacks: Set<String>
    /// How many pages this language translates.
    var translated: Int

    /// Splits a site's content by language. A translation is either `l3.de.md` beside `l3.md` or
    /// `content/de/…` mirroring the tree; both are read as `l3.md` in the German site. When a page has both,
    /// the file beside the original wins (it is the one an editor sees next to the page), with a warning
    /// naming the other.
    static func split(_ content: LoadedContent) -> ([LanguageContent], [Diagnostic]) {
        let languages = content.config.languages
        guard let first = languages.first else { return ([], []) }
        var diagnostics: [Diagnostic] = []
        // A code names a folder of the output (`/de/`): a language tag, and each once.
        let location = content.config.languagesLocation ?? .whole("content/site.yml")
        var codes: Set<String> = []
        for code in languages {
            if !isLanguageTag(code) {
                diagnostics.append(.error(location, "'\(code)' in 'languages' is not a language code: write codes such as en, de, pt-BR"))
            } else if !codes.insert(code.lowercased()).inserted {
                diagnostics.append(.error(location, "'\(code)' is listed twice in 'languages'"))
            }
        }
        if diagnostics.hasErrors { return ([], diagnostics) }
        // Content path (as the language's site reads it) → page, per language.
        var byLanguage: [String: [String: (page: PageSource, beside: Bool)]] = [:]
        var statics: [String: [StaticFile]] = [:]
        var order: [String] = []
        for page in content.pages {
            let (language, path, beside) = place(page.contentPath, languages: languages)
            var moved = page
            moved.contentPath = path
            if let other = byLanguage[language]?[path] {
                // Both forms of one translation: the file beside the original is kept.
                let keepNew = beside && !other.beside
                let (kept, dropped) = keepNew ? (moved, other.page) : (other.page, moved)
                diagnostics.append(.warning(.whole(dropped.displayPath),
                    "translates \(path) into '\(language)', as \(kept.displayPath) does: \(kept.displayPath) is used (the file beside the original wins); remove one of them"))
                if keepNew { byLanguage[language]![path] = (moved, true) }
                continue
            }
            if language == first { order.append(path) }
            byLanguage[language, default: [:]][path] = (moved, beside)
        }
        for file in content.staticFiles {
            let (language, path, _) = place(file.contentPath, languages: languages)
            var moved = file
            moved.contentPath = path
            statics[language, default: []].append(moved)
        }
        let originals = byLanguage[first] ?? [:]
        var result: [LanguageContent] = []
        for language in languages {
            let own = byLanguage[language] ?? [:]
            var pages: [PageSource] = []
            var fallbacks: Set<String> = []
            // The default language's pages in their order, each replaced by its translation when there is one;
            // then the pages only this language has.
            for path in order {
                if let translation = own[path] { pages.append(translation.page) } else {
                    pages.append(originals[path]!.page)
                    if language != first { fallbacks.insert(path) }
                }
            }
            for path in own.keys.sorted() where language != first && originals[path] == nil { pages.append(own[path]!.page) }
            var files = statics[first] ?? []
            let ownFiles = language == first ? [] : statics[language] ?? []
            let ownPaths = Set(ownFiles.map(\.contentPath))
            files = files.filter { !ownPaths.contains($0.contentPath) } + ownFiles
            var config = content.config
            config.language = language
            result.append(LanguageContent(
                language: language,
                content: LoadedContent(config: config, pages: pages, staticFiles: files, diagnostics: content.diagnostics),
                fallbacks: fallbacks, translated: language == first ? pages.count : own.count))
        }
        return (result, diagnostics)
    }

    /// `de`, `pt-BR`, `zh-Hant-TW`: letters, then parts of letters and digits after `-` (BCP 47's shape).
    static func isLanguageTag(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// The language of a file and its path in that language's site: `de/eng/l3.md` and `eng/l3.de.md` are
    /// both `eng/l3.md` in German. Whether it is the file beside the original (`l3.de.md`).
    static func place(_ contentPath: String, languages: [String]) -> (language: String, path: String, beside: Bool) {
        let others = languages.dropFirst()
        if let slash = contentPath.firstIndex(of: "/") {
            let folder = String(contentPath[..<slash])
            if let language = others.first(where: { $0.lowercased() == folder.lowercased() }) {
                return (language, String(contentPath[contentPath.index(after: slash)...]), false)
            }
        }
        let name = contentPath.split(separator: "/").last.map(String.init) ?? contentPath
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count >= 3, let language = languages.first(where: { $0.lowercased() == parts[parts.count - 2].lowercased() }) {
            let plain = (parts.dropLast(2) + [parts[parts.count - 1]]).joined(separator: ".")
            let folder = contentPath.dropLast(name.count)
            return (language, folder + plain, language != languages.first)
        }
        return (languages[0], contentPath, false)
    }
}
