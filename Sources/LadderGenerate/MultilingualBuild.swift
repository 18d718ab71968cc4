import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderModel
import LadderRender

/// A site in several languages (`languages:` in site.yml): each language is built as a site of its own,
/// the default at `/` and each other under `/<code>/`, from the default language's pages with that
/// language's translations in their place. Every language's URLs are known before any page is written,
/// so each page can link to itself in the others.
extension SiteGenerator {
    /// One language, modelled and its URLs fixed, waiting for the others before it is written.
    private struct Prepared {
        var part: LanguageContent
        var run: BuildRun
        var model: SiteModel
        var bodies: [String]
        var templates: CompiledTheme
        var urls: ResolvedURLs
        var strings: UIStrings
    }

    func buildLanguages(_ content: LoadedContent, first: BuildRun, into sink: OutputSink, since start: Date) throws(BuildFailure) -> BuildReport {
        let (parts, splitDiagnostics) = LanguageContent.split(content)
        var seen = Set<Diagnostic>()
        // The default language's pages are in every language's site: what is said of them is said once.
        func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] { diagnostics.filter { seen.insert($0).inserted } }
        var prepared: [Prepared] = []
        var failed: [Diagnostic] = []
        do {
            let theme = try first.stage("theme", first.loadTheme())
            _ = try first.stage("languages", ((), splitDiagnostics))
            for part in parts {
                // Reuse between preview rebuilds is keyed by content path, which the languages share: none here.
                let run = part.language == parts[0].language ? first : BuildRun(options: options, memo: nil)
                var languageContent = part.content
                languageContent.config.baseURL = SiteLanguages.baseURL(content.config.baseURL, language: part.language,
                                                                       isDefault: part.language == parts[0].language)
                // The ladder's history (`/changes/`) is the default language's: its versions in git are that language's text.
                if part.language != parts[0].language { languageContent.config.history = nil }
                do {
                    var ((ladder, bodies), found) = run.modelLadder(languageContent)
                    if let original = prepared.first?.model, !found.hasErrors {
                        // The checks of the ladder are made again once the translated competencies are the original's.
                        let (before, after) = LanguageCompetencies.align(&ladder, with: original)
                        found = found.filter { !before.contains($0) } + after
                        LanguageCompetencies.nameTracks(&ladder, untranslated: part.fallbacks)
                    }
                    let modelled = try run.stage("model", (ladder, found))
                    let templates = try run.stage("strings", run.localize(theme, language: part.language))
                    let model = try run.stage("layouts", run.checkLayouts(modelled, templates: templates))
                    let urls = try run.stage("urls", run.siteURLs(model, templates: templates))
                    prepared.append(Prepared(part: part, run: run, model: model, bodies: bodies, templates: templates,
                                             urls: urls, strings: templates.set.strings))
                } catch {
                    failed += error.diagnostics
                }
            }
        } catch {
            failed += error.diagnostics
        }
        if !failed.isEmpty || prepared.count < parts.count { throw BuildFailure(unique(failed)) }
        let languages = prepared.map { one in
            SiteLanguages.Language(code: one.part.language, name: Self.ownName(one.part.language, strings: one.strings),
                                   baseURL: one.model.config.baseURL, urls: one.urls.site.allURLs)
        }
        var report = BuildReport()
        report.serveWords = ServeWords(prepared[0].strings)
        var warnings: [Diagnostic] = []
        var originalCriteria: [String: [String: [String]]] = [:]
        for index in prepared.indices {
            let one = prepared[index]
            let run = one.run
            let fallbacks = SiteLanguages.fallbacks(in: one.model, untranslated: one.part.fallbacks)
            run.languages = SiteLanguages(languages: languages, current: one.part.language, fallbackURLs: fallbacks.urls,
                                          fallbackPrefixes: fallbacks.prefixes,
                                          notice: one.strings.text("page.untranslated", ["language": Self.name(of: parts[0].language, in: one.strings)]),
                                          shortNotice: one.strings.text("page.untranslated_short", ["language": Self.name(of: parts[0].language, in: one.strings)]),
                                          originalCriteria: originalCriteria)
            let target: OutputSink = index == 0 ? sink : PrefixedSink(base: sink, prefix: one.part.language + "/")
            do {
                let documents = try run.stage("markdown", run.renderMarkdown(one.model, bodies: one.bodies, urls: one.urls))
                run.history = try run.stage("history", HistoryReader.read(config: one.model.config, options: options,
                                                                          current: LadderSnapshot.of(model: one.model, documents: documents)))
                if index == 0 {
                    // A track's "All levels" criteria are under the key of no level.
                    for track in one.model.tracks {
                        guard let shared = track.shared else { continue }
                        originalCriteria["\(track.id)\n"] = LevelCriteria.shared(
                            shared, of: track, in: documents[shared.pageIndex], given: one.model.givenCriterionIDs(shared.pageIndex)).idsByCompetency
                    }
                    for level in one.model.levels {
                        originalCriteria["\(level.trackID)\n\(level.id)"] = LevelCriteria.of(
                            level, in: documents[level.pageIndex], given: one.model.givenCriterionIDs(level.pageIndex)).idsByCompetency
                    }
                } else {
                    report.languages += LanguageCompleteness.lines(language: one.part.language, model: one.model, documents: documents,
                                                                   untranslated: one.part.fallbacks)
                }
                let written = try run.write(one.model, documents: documents, templates: one.templates, urls: one.urls, into: target)
                if index == 0 {
                    let own = run.report(one.model, written: written, since: start)
                    (report.levels, report.tracks, report.recognised, report.explanation, report.basePath)
                        = (own.levels, own.tracks, own.recognised, own.explanation, own.basePath)
                }
                report.pages += written.pages
                report.files += written.files
                warnings += run.diagnostics.filter { $0.severity == .warning }
            } catch {
                throw BuildFailure(unique(error.diagnostics))
            }
        }
        report.warnings = unique(warnings).sortedForDisplay()
        report.seconds = Date().timeIntervalSince(start)
        return report
    }
}

extension SiteGenerator {
    /// A language's name in itself, for the menu: its strings' `language.self`, else the system's (ICU's)
    /// name for it — also when a site's own strings file, copied from English, still says "English".
    static func ownName(_ code: String, strings: UIStrings) -> String {
        let english = UIStrings.english.text("language.self")
        if strings.messages["language.self"] != nil {
            let name = strings.text("language.self")
            if name != english || code.lowercased().hasPrefix("en") { return name }
        }
        return Locale(identifier: code).localizedString(forIdentifier: code) ?? code
    }

    /// The default language's name in the reader's language ("Englisch"), for the note on an untranslated page.
    static func name(of code: String, in strings: UIStrings) -> String {
        if strings.messages["language.\(code)"] != nil { return strings.text("language.\(code)") }
        return Locale(identifier: strings.language).localizedString(forLanguageCode: code) ?? code
    }
}

/// Writes into another sink under a folder: a language's site under `de/`.
struct PrefixedSink: OutputSink {
    let base: OutputSink
    let prefix: String

    func write(_ path: String, _ bytes: Data) throws { try base.write(prefix + path, bytes) }
    func copy(from absolutePath: String, to path: String) throws { try base.copy(from: absolutePath, to: prefix + path) }
    func write(batch: [(path: String, bytes: Data)]) throws { try base.write(batch: batch.map { (prefix + $0.path, $0.bytes) }) }
    func write(_ path: String, pieces: [Data]) throws { try base.write(prefix + path, pieces: pieces) }
    func write(_ path: String, streaming produce: (_ emit: (Data) throws -> Void) throws -> [FilePatch]) throws {
        try base.write(prefix + path, streaming: produce)
    }
}
