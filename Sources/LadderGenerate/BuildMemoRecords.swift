import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderModel
import LadderRender
import LadderSearch

/// What the memo counts and keeps: its statistics, and its records of the files read, the pages
/// rendered and the output written.
extension BuildMemo {
    public struct Stats: Sendable {
        public var filesParsed = 0
        public var documentsRendered = 0
        public var groupsRendered = 0
        public var groupsReused = 0
        /// Search documents tokenised (nil: the index was not made again).
        public var searchDocumentsCounted: Int?
        /// The ladder model (tracks, levels, anchors) was kept: no page's structure changed.
        public var modelReused = false
        /// Milliseconds per stage, in order: `load`, `model`, `markdown`, `pages` (and so on).
        public var phases: [(name: String, milliseconds: Int)] = []
        public init() {}

        /// `12 ms load, 3 ms model, …` for the server's log.
        public var phaseSummary: String {
            phases.map { "\($0.milliseconds) ms \($0.name)" }.joined(separator: ", ")
        }
    }

    // MARK: Loading

    struct CachedSource {
        var signature: FileSignature
        var result: Result<PageSource, Diagnostic>
        var contentHash: Int
    }

    // MARK: Markdown

    /// Everything a page's Markdown rendering reads besides link resolution.
    struct RenderInputs: Equatable {
        var displayPath: String
        var body: String
        var bodyLine: Int
        /// Pasted text is read as its layout says.
        var pasted: PastedLayout?
        var rawHTML: Bool
        var levelListBlock: Int?
        var levelListAnchors: [String]
        var mentions: [String: String]
        var appended: [AppendedBlock] = []
        var headingShift = 0
    }

    /// One link or image destination the renderer asked about, and what it was told.
    struct ResolvedLink {
        var url: String
        var isImage: Bool
        var location: SourceLocation
        var outcomeURL: String
        var diagnostic: Diagnostic?
    }

    struct RenderRecord {
        var inputs: RenderInputs
        /// The `LinkWorld` fingerprint under which `links` last resolved as recorded.
        var world: Int
        var links: [ResolvedLink]
        var document: RenderedDocument
        var diagnostics: [Diagnostic]
        var fingerprint: Int
    }

    // MARK: Output

    struct CachedFile {
        var path: String
        var bytes: Data
        var entry: PageWriter.SitemapEntry
    }

    struct CachedGroup {
        var fingerprint: Int
        var files: [CachedFile]
    }
}
