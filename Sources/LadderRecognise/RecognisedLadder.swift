import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown

/// A ladder found in a page that says nothing about levels (no `levels:` or `level:` key): the page is
/// read as if it said `levels: headings` or `levels: list`, with the level headings the reader chose.
public struct RecognisedLadder: Sendable, Hashable {
    public enum Shape: String, Sendable {
        case headings, list, table, data
        /// Written competency by competency: under each competency's heading, a bold lead per level.
        case grid
    }

    /// A ladder written competency by competency (the matrix turned on its side): under each competency's
    /// heading, one bold-led item or paragraph per level (`* **L1** knows the basics`).
    public struct GridLadder: Sendable, Hashable {
        /// What a level has under one competency: a list item without its lead, or a lead paragraph and the
        /// blocks after it up to the next lead or heading.
        public struct Cell: Sendable, Hashable {
            public var block: Int
            public var item: Int?
            public var end: Int
            /// The lead paragraph only leads into the blocks after it (`is capable of:`): not shown.
            public var leadIn = false
        }

        public struct Competency: Sendable, Hashable {
            public var name: String
            public var line: Int
            /// One per level, nil where the competency says nothing of it.
            public var cells: [Cell?]
        }

        public var competencies: [Competency]
    }

    /// A level as a data file gives it (data shape).
    public struct DataLevel: Sendable, Hashable {
        public var label: String
        public var line: Int
        public var skills: [Skill]

        public struct Skill: Sendable, Hashable {
            public var name: String
            public var texts: [String]
        }
    }

    /// A ladder kept as a pipe table: which of the page's tables, which way its levels run, and which
    /// rows or columns are levels and competencies.
    public struct TableLadder: Sendable, Hashable {
        public enum Axis: String, Sendable {
            /// Levels across the header row, a competency per row.
            case columns
            /// A level per row (its label in the first column), a competency per column.
            case rows
        }

        /// Index into the outline's tables.
        public var table: Int
        public var axis: Axis
        /// The column (levels across) or row (levels down) of each level, in order.
        public var levels: [Int]
        /// The row (levels across) or column (levels down) of each competency, in order.
        public var competencies: [Int]
        /// The row (column) of job titles that names the levels beside their ids, if the table has one.
        public var titles: Int?
    }

    public var shape: Shape
    /// Depth of the shallowest level heading (headings shape).
    public var depth: Int
    /// Top-level block indices of the level headings and of a shared "All levels" heading among them.
    /// Levels may sit at several depths (`#### Senior I` under a `### Senior` group).
    public var headingBlocks: Set<Int>
    /// The level labels as written, in order.
    public var labels: [String]
    /// Level ids when the labels alone do not give good ones: `Level 2`, `Junior` (for "Junior level").
    public var levelIDs: [String]?
    /// How the levels were written, for the line `ladder build` prints: "its headings", "its bold list".
    public var origin: String
    /// What the resolver weighed, for `ladder check --explain`: the score and its reasons.
    public var score: Int = 0
    public var evidence: [String] = []
    /// The table the levels are read from (table shape).
    public var table: TableLadder?
    /// The levels a data file holds (data shape).
    public var data: [DataLevel] = []
    /// The competencies and their cells (grid shape).
    public var grid: GridLadder?
    /// Further tracks of the page kept as tables beside its ladder (IC levels as headings, the management
    /// levels in a table under `## Management Levels`), each named after the heading above it.
    public var tableTracks: [TableTrack] = []
    /// The levels are bold paragraphs read as headings (`Outline.promotingBoldParagraphs`): the page's
    /// outline is that one from now on.
    public var promotesBoldParagraphs = false

    public struct TableTrack: Sendable, Hashable {
        public var name: String
        public var table: TableLadder
    }
    /// Several tracks in one page (`# Engineering` / `## L1` … and `# Management` / `## M1` …), each under
    /// a heading of its own; empty when the page holds one track.
    public var tracks: [PageTrack] = []

    public struct PageTrack: Sendable, Hashable {
        /// The track heading's text and block.
        public var name: String
        public var headingBlock: Int
        /// The blocks of its level headings (and of a shared "All levels" heading).
        public var levelBlocks: Set<Int>
    }
}

/// What recognition made of one page: the reading it kept, and the best one that lost (with why).
public struct Recognition: Sendable, Hashable {
    public var ladder: RecognisedLadder?
    /// "3 headings (## Step 1 …) score 1 of 5: +2 numbered in order, -3 no word about careers".
    public var nearMiss: String?
}

/// A reading a reader proposes: which headings (or list items) would be levels, and the evidence.
struct LadderCandidate {
    var shape: RecognisedLadder.Shape
    /// Indices into the outline's headings (headings shape) of the levels, in order.
    var levels: [Int] = []
    /// Index of a shared "All levels" heading among them.
    var shared: Int?
    /// Index of the heading the levels sit under (-1 at the top of the page).
    var parent = -1
    /// The table reading (table shape).
    var table: RecognisedLadder.TableLadder?
    /// The data reading (data shape).
    var data: [RecognisedLadder.DataLevel] = []
    /// The grid reading (grid shape).
    var grid: RecognisedLadder.GridLadder?
    var labels: [String]
    var score = 0
    var evidence: [String] = []

    mutating func weigh(_ points: Int, _ why: String) {
        guard points != 0 else { return }
        score += points
        evidence.append((points > 0 ? "+" : "") + "\(points) " + why)
    }

    var summary: String {
        let first = labels.first ?? ""
        let what = shape == .headings ? "headings" : shape == .list ? "bold items" : shape == .data ? "records"
            : shape == .grid ? "levels under each of \(grid?.competencies.count ?? 0) competencies"
            : table?.axis == .rows ? "table rows" : "table columns"
        return "\(labels.count) \(what) (\(first) …) score \(score) of "
            + "\(LadderRecognition.threshold): " + evidence.joined(separator: ", ")
    }
}
