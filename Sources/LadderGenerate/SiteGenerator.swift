import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderModel
import LadderRender
import LadderSearch

/// Runs the pipeline — load content → model the ladder → render Markdown → generate pages — into any
/// `OutputSink`. Each stage adds its diagnostics; errors stop the build before anything is written.
public struct SiteGenerator {
    public var options: BuildOptions

    public init(options: BuildOptions) { self.options = options }

    /// Builds the site. Throws `BuildFailure` with every error found (and the warnings seen so far).
    /// With a `memo` (the preview server), work whose inputs did not change since the memo's last build
    /// is reused; the output is the same as without one.
    public func build(into sink: OutputSink, memo: BuildMemo? = nil) throws(BuildFailure) -> BuildReport {
        let start = Date()
        let run = BuildRun(options: options, memo: memo)
        do {
            let content = try run.stage("load", run.loadContent())
            if content.config.languages.count > 1 { return try buildLanguages(content, first: run, into: sink, since: start) }
            let theme = try run.stage("theme", run.loadTheme())
            // The loaded pages go to the model (which keeps their bodies apart), not held beside it.
            // (What was read of the ladder is noted by the stage itself, before any error stops the build.)
            let (ladder, bodies) = try run.stage("model", run.modelLadder(consume content))
            let templates = try run.stage("strings", run.localize(theme, language: ladder.config.language))
            let model = try run.stage("layouts", run.checkLayouts(consume ladder, templates: templates))
            let urls = try run.stage("urls", run.siteURLs(model, templates: templates))
            let documents = try run.stage("markdown", run.renderMarkdown(model, bodies: consume bodies, urls: urls))
            run.history = try run.stage("history", HistoryReader.read(config: model.config, options: options,
                                                                      current: LadderSnapshot.of(model: model, documents: documents)))
            let written = try run.write(model, documents: documents, templates: templates, urls: urls, into: sink)
            if options.keepValuesUntilExit { ProcessLifetime.keep((model, documents, urls, templates)) }
            var report = run.report(model, written: written, since: start)
            report.serveWords = ServeWords(templates.set.strings)
            return report
        } catch {
            // What was read of the ladder is said even when the build stops: it is often why.
            var failure = error
            if let (lines, counts) = run.ladderRead { (failure.ladderLines, failure.ladderCounts) = (lines, counts) }
            failure.explanation = run.explanation
            throw failure
        }
    }
}

/// One build in progress: the options, the memo (when reuse is on) and every diagnostic so far. The
/// stages' functions are pure; this is where their results are reused from the memo, or not.
final class BuildRun {
    let options: BuildOptions
    let memo: BuildMemo?
    let loader: ContentLoader
    /// Each file's last commit date, looked up while the first stages run.
    let gitDates: GitDates.Lookup
    private(set) var diagnostics: [Diagnostic] = []
    /// The recognition lines and ladder counts, once the model is assembled (said even if the build fails).
    var ladderRead: (lines: [String], counts: String)?
    var explanation: [String] = []
    /// The ladder's versions (`history:` in site.yml), read once the pages are rendered.
    var history: LadderHistory?
    /// The site's other languages, when it has several (`languages:`); nil for a site in one language.
    var languages: SiteLanguages?

    init(options: BuildOptions, memo: BuildMemo?) {
        self.options = options
        self.memo = memo
        self.loader = ContentLoader(siteFolder: options.siteFolder)
        self.gitDates = GitDates.Lookup(contentFolder: loader.contentFolder)
        memo?.beginBuild()
        BuildTrace.begin()
    }

    /// Ends one stage: keeps what it reported, times it, and stops the build when anything so far is an error.
    func stage<T>(_ name: String, _ result: (T, [Diagnostic])) throws(BuildFailure) -> T {
        let (value, found) = result
        diagnostics += found
        memo?.mark(name)
        BuildTrace.mark(name)
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        return value
    }

    func report(_ model: SiteModel, written: (pages: Int, files: Int), since start: Date) -> BuildReport {
        var report = BuildReport()
        report.pages = written.pages
        report.levels = model.levels.count
        report.tracks = model.tracks.count
        report.recognised = RecognisedTracks.lines(model)
        report.explanation = explanation
        report.files = written.files
        report.warnings = diagnostics.filter { $0.severity == .warning }.sortedForDisplay()
        report.seconds = Date().timeIntervalSince(start)
        report.basePath = SiteURLs.basePath(of: model.config.baseURL)
        return report
    }
}
