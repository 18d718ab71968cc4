import Foundation
import LadderCore

/// What a page is in a ladder found in its folder (a folder of level pages or of competency pages),
/// decided by the model stage from the folder's pages together and carried with the page, so that
/// each page is still interpreted on its own and a build that reuses pages sees when it changed.
public struct FolderLadderNote: Sendable, Hashable {
    public enum Role: String, Sendable {
        /// One level of the track: a page of a folder of level pages.
        case level
        /// The folder's `_index.md` or `index.md`: the track's introduction.
        case intro
        /// The track page Ladder wrote from a folder of competency pages.
        case track
        /// One competency page: it stays a plain page, and its sections are the track's.
        case competency
    }

    public var role: Role
    /// The folder as shown in messages: `content/engineering/`.
    public var folder: String
    public var trackID: String
    /// The folder's URL, where the track lives: `/engineering/`.
    public var trackURL: String
    /// For a level page: its id and place in the track.
    public var levelID: String?
    public var order: Int?
    /// How the levels were written, for the line `ladder build` prints: "its level pages".
    public var origin: String

    public init(role: Role, folder: String, trackID: String, trackURL: String, levelID: String? = nil,
                order: Int? = nil, origin: String) {
        (self.role, self.folder, self.trackID, self.trackURL) = (role, folder, trackID, trackURL)
        (self.levelID, self.order, self.origin) = (levelID, order, origin)
    }
}
