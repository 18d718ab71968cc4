import Foundation
import LadderCore

/// One Markdown file, split and with its front matter parsed; the body is not rendered yet.
public struct PageSource: Sendable {
    /// Path for diagnostics, e.g. `content/engineering/l3.md`.
    public var displayPath: String
    /// Path inside `content/`, with `/` separators: `engineering/l3.md`.
    public var contentPath: String
    public var frontMatter: FrontMatter
    public var body: String
    /// Line of the file on which `body` starts, so Markdown positions map back to the file.
    public var bodyLine: Int
    /// Set by the model stage on text pasted from a document: how its lines read (its Markdown is read as
    /// that layout says).
    public var pasted: PastedLayout? = nil
    /// The id of each level, in order, when recognition or a folder reading names the levels by id (`L1`)
    /// and the headings say more (`L1 - Junior`).
    public var levelIDs: [String]? = nil
    /// Set by the model stage when the page is part of a ladder found in its folder as a whole.
    public var folderLadder: FolderLadderNote? = nil
    /// Set by the model stage on the page of a track read from a folder of competency pages.
    public var competencyPages: CompetencyPagesReading? = nil
    /// Set by the model stage for a `README.md` in a folder with no `index.md`: it is the folder's index
    /// page (as GitHub shows it), at the folder's URL.
    public var isFolderIndex = false
    /// A JSON or YAML file whose arrays may hold a ladder (roles and skills): a page only if recognition
    /// reads one in it; the file itself is published as it is either way.
    public var isDataCandidate = false

    /// The file line of a line of `body` (1-based).
    public func fileLine(_ bodyLineNumber: Int) -> Int {
        FileLines(bodyLine: bodyLine).fileLine(bodyLineNumber)
    }
}

extension PageSource {
    /// A page Ladder makes itself (the track of a folder of competency pages that has no index page).
    public init(displayPath: String, contentPath: String, frontMatter: FrontMatter, body: String, bodyLine: Int) {
        self.init(displayPath: displayPath, contentPath: contentPath, frontMatter: frontMatter, body: body,
                  bodyLine: bodyLine, pasted: nil, levelIDs: nil)
    }
}
