import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderModel
import LadderRender
import LadderRender
import LadderSearch

/// What a build reads and how (the CLI maps its flags onto this).
public struct BuildOptions: Sendable {
    /// The site folder: holds `content/` and optionally `templates/`.
    public var siteFolder: String
    /// Overrides `base_url` from site.yml.
    public var baseURL: String?
    public var includeDrafts: Bool
    /// For a process that exits after one build (`ladder build`): the build's values are left to the
    /// process's end rather than freed one by one (70 ms of a 10,000-page build's 2.2 s, on one core).
    public var keepValuesUntilExit = false
    /// `check --explain [PATH]`: explain what was read of the ladder in the files under PATH ("" for all).
    public var explain: String?

    public init(siteFolder: String = ".", baseURL: String? = nil, includeDrafts: Bool = false) {
        self.siteFolder = siteFolder
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
    }
}

/// What a finished build reports: counts for the summary line, and warnings.
/// What the preview server says over the page while a build has failed, in the site's language (its
/// default language on a multilingual site), from the theme's strings (`serve.*`).
public struct ServeWords: Sendable, Equatable {
    public var failed: String
    public var label: String
    public var note: String

    /// English, the built-in strings' (before any build has said the site's language).
    public init() { self.init(.english) }

    init(_ strings: UIStrings) {
        failed = strings.text("serve.failed")
        label = strings.text("serve.failed_label")
        note = strings.text("serve.fixed_note")
    }
}

public struct BuildReport: Sendable {
    public var pages = 0
    public var levels = 0
    public var tracks = 0
    public var files = 0
    /// One line per track found in a page that does not say `levels:` (`ladder build` prints them).
    public var recognised: [String] = []
    /// With `explain`: what each file or folder was read as (`LadderExplanation`).
    public var explanation: [String] = []
    public var warnings: [Diagnostic] = []
    /// With `languages:`: how much of each language is translated, track by track (`ladder check` prints it).
    public var languages: [String] = []
    public var seconds: Double = 0
    /// The path part of `base_url` (`/careers/`), which prefixes every link; the preview server serves there.
    public var basePath = "/"
    /// The preview server's words, in the site's language.
    public var serveWords = ServeWords()

    public var summary: String {
        let time = String(format: "%.2f", seconds)
        return "Built \(pages) pages (\(levels) levels in \(tracks) tracks\(recognisedCount)), \(files) files in \(time) s\(warningCount)"
    }

    /// ", 3 warnings" when there were any.
    public var warningCount: String {
        warnings.isEmpty ? "" : ", \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
    }

    /// ", 2 recognised" when tracks were found in pages as they are.
    public var recognisedCount: String { recognised.isEmpty ? "" : ", \(recognised.count) recognised" }
}
