/// How a page of text pasted from a document or a web page reads: which of its lines are list items, levels
/// or a title, though nothing in it is Markdown for them. The model stage finds the layout from the page's
/// lines; the Markdown stage applies it to cmark's tree of the page (`CMarkTree(_:pasted:)`), turning the
/// paragraphs cmark read into the headings and lists they stand for. The page is parsed once, as written:
/// nothing is written out as Markdown to be read again, and every block keeps its line in the file.
/// Lines are the body's, 1-based, as cmark counts them.
public struct PastedLayout: Sendable, Hashable {
    public enum Shape: Sendable, Hashable {
        /// Lines led by `•`, `◦`, `▪` or `–` are list items (`◦` one deeper). `leads`: the lines whose item
        /// leads with a level's id (`• L1’s are new…`), and that id's length in bytes, shown bold as a
        /// bold-led list writes it.
        case bullets(leads: [Int: Int])
        /// `Level 1`, `Level 2`, … lines standing alone are the levels (`levels`: their lines). Under each, its
        /// first line is its summary, the other lines are the criteria of one competency, `competency`, and
        /// lines led by "E.g." are that competency's examples.
        case levelLines(levels: [Int], competency: String)
    }

    public var shape: Shape
    /// The line that is the page's title (a short first line), shown as its `#` heading.
    public var titleLine: Int?

    public init(shape: Shape, titleLine: Int?) {
        self.shape = shape
        self.titleLine = titleLine
    }

    /// "E.g. Cleared a full disk" → the length in bytes of "E.g. " (the lead an example line starts with).
    public static func exampleLead(_ text: Substring) -> Int? {
        for lead in ["E.g.", "e.g.", "Eg.", "For example"] where text.hasPrefix(lead) {
            var rest = text.dropFirst(lead.count)
            if rest.first == "," || rest.first == ":" { rest = rest.dropFirst() }
            let body = rest.drop { $0 == " " || $0 == "\t" }
            guard body.count < rest.count, !body.isEmpty else { return nil }
            return text.utf8.count - body.utf8.count
        }
        return nil
    }

    /// The bullet characters of pasted lists, and whether one is a nested item's (`◦`).
    public static func bullet(_ text: Substring) -> (length: Int, nested: Bool)? {
        guard let first = text.first, "•◦▪–".contains(first) else { return nil }
        let rest = text.dropFirst()
        let body = rest.drop { $0 == " " || $0 == "\t" }
        guard body.count < rest.count else { return nil }
        return (text.utf8.count - body.utf8.count, first == "◦")
    }
}
