import LadderCore
import LadderModel
import LadderMarkdown

/// One search result: a page, or one section of it. A competency inside a level is its own document,
/// so "mentor" can land on `/engineering/l3/#mentoring` rather than on the top of the L3 page.
public struct SearchDocument: Sendable, Equatable {
    /// Link as written into pages (base path included), with the section's anchor: `/engineering/l3/#impact`.
    public var url: String
    /// The page's title ("L3 Senior Engineer").
    public var title: String
    /// The section's heading ("Impact"); empty for the page itself.
    public var heading: String
    /// What the reader sees in the section, as plain text.
    public var text: String

    public var isSection: Bool { !heading.isEmpty }
}

/// The documents of a track, and of each of its levels, are consecutive, so a filter by track or level
/// is a range of document numbers: the browser needs no per-document table to filter.
public struct SearchTrackFacet: Sendable, Equatable {
    public struct LevelFacet: Sendable, Equatable {
        public var id: String
        public var title: String
        public var documents: Range<Int>
    }

    public var id: String
    public var title: String
    public var documents: Range<Int>
    public var levels: [LevelFacet]
}

/// Everything the index is built from, in document order.
///
/// A document's text is put together from the rendered page when it is read, not kept: a 10,000-page
/// site has 60,000 documents and tens of MB of text, which the pages already hold as blocks.
public struct SearchCorpus: Sendable {
    /// A document without its text, and where the text comes from.
    struct Entry: Sendable {
        /// The page's URL; with `anchor`, the section's. Kept apart, they share the strings the model
        /// already holds rather than making 60,000 new ones.
        var page: String
        var anchor: String = ""
        var title: String
        var heading: String
        /// Text that comes first (a summary, a track's description), then the blocks' plain text.
        var lead: String = ""
        var source: Int32 = 0
        var blocks: Blocks = .range(0..<0)
        /// For a level that is an item of a `levels: list` page: that item's text stands for the list block.
        var listItem: Int32 = -1

        var url: String { anchor.isEmpty ? page : page + "#" + anchor }
    }

    /// Blocks of the rendered page `source`, by index: a level's section is a run of blocks, while a
    /// page's section skips what belongs to levels.
    enum Blocks: Sendable, Hashable {
        case range(Range<Int32>)
        case list([Int32])
    }

    var entries: [Entry] = []
    public var tracks: [SearchTrackFacet] = []
    /// The rendered pages the text comes from, by page index.
    let pages: [RenderedDocument]

    init(pages: [RenderedDocument]) { self.pages = pages }

    public var count: Int { entries.count }

    /// A hash of document `number`'s entry and of `pageKey`, a fingerprint of its page's rendering:
    /// while both are unchanged, so is the document. Cheap, so it is taken of every document.
    func key(_ number: Int, pageKey: Int) -> Int {
        var h = Hasher()
        combine(entries[number], into: &h)
        h.combine(pageKey)
        return h.finalize()
    }

    /// A hash of everything document `number` is made from: its entry and the plain text of its blocks
    /// (what `text(of:)` reads), taken of the documents of a changed page: one edited section of a page
    /// leaves its other sections' documents as they were.
    func textKey(_ number: Int) -> Int {
        let entry = entries[number]
        var h = Hasher()
        combine(entry, into: &h)
        let page = pages[Int(entry.source)]
        func add(_ index: Int32) {
            guard let block = page.block(Int(index)) else { return h.combine(-1) }
            block.combinePlainText(item: entry.listItem >= 0 ? Int(entry.listItem) : nil, into: &h)
        }
        switch entry.blocks {
        case .range(let range): for index in range { add(index) }
        case .list(let list): for index in list { add(index) }
        }
        return h.finalize()
    }

    private func combine(_ entry: Entry, into h: inout Hasher) {
        h.combine(entry.page); h.combine(entry.anchor); h.combine(entry.title); h.combine(entry.heading)
        h.combine(entry.lead); h.combine(entry.blocks); h.combine(entry.listItem); h.combine(entry.source)
    }

    public func document(_ number: Int) -> SearchDocument {
        let entry = entries[number]
        return SearchDocument(url: entry.url, title: entry.title, heading: entry.heading, text: text(of: entry))
    }

    /// The lead and each block's plain text, one space between, runs of white space made one space.
    public func text(_ number: Int) -> String { text(of: entries[number]) }

    func text(of entry: Entry) -> String {
        var out: [UInt8] = []
        appendText(of: entry, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of `text(number)` appended to `out`: made from the pieces without joining them first.
    func appendText(_ number: Int, to out: inout [UInt8]) { entries.withUnsafeBufferPointer { appendText(of: $0[number], to: &out) } }

    /// The pieces (see `forEachTextPiece`) joined by a space, with each run of spaces, tabs and newlines
    /// made one space, none at either end; joined and collapsed in one pass.
    func appendText(of entry: Entry, to out: inout [UInt8]) {
        let start = out.count
        var pendingSpace = false
        forEachTextPiece(of: entry) { Self.appendCollapsing($0, to: &out, from: start, pendingSpace: &pendingSpace) }
    }

    static func appendCollapsing(_ piece: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], from start: Int,
                                         pendingSpace: inout Bool) {
        pendingSpace = out.count > start
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        // Most pieces are a line with single spaces, nothing to collapse: copied whole, after one look.
        if let first = piece.first, !isSpace(first), !isSpace(piece[piece.count - 1]) {
            var collapsible = false, previousSpace = false
            for byte in piece where byte <= 0x20 || previousSpace {
                let space = isSpace(byte)
                if space && (byte != 0x20 || previousSpace) { collapsible = true; break }
                previousSpace = space
            }
            if !collapsible {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(contentsOf: piece)
                return
            }
        }
        // Runs of other bytes are copied whole: a byte at a time was a fifth of the text chunks' time.
        var i = 0
        let end = piece.count
        while i < end {
            if isSpace(piece[i]) {
                pendingSpace = out.count > start
                i += 1
                continue
            }
            var j = i + 1
            while j < end && !isSpace(piece[j]) { j += 1 }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: piece[i..<j]))
            i = j
        }
    }

    /// Calls `body` with the UTF-8 bytes of each piece `text(_:)` joins for document `number` (the lead,
    /// then each block's plain text), without joining them: the tokenizer finds the same terms in the
    /// pieces as in the joined text, since spaces only separate terms.
    func forEachTextPiece(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        // Read where it is: a copy of the entry per document was a fifth of this function's time.
        entries.withUnsafeBufferPointer { forEachTextPiece(of: $0[number], body) }
    }

    func forEachTextPiece(of entry: Entry, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var lead = entry.lead
        lead.withUTF8(body)
        let page = pages[Int(entry.source)]
        let item = entry.listItem >= 0 ? Int(entry.listItem) : nil
        func add(_ wanted: Int32) { page.withPlainText(ofBlock: Int(wanted), item: item, body) }
        switch entry.blocks {
        case .range(let range): for index in range { add(index) }
        case .list(let list): for index in list { add(index) }
        }
    }
}
