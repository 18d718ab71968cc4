import LadderCore

/// A page's Markdown as HTML blocks, with the plain text that summaries, comparisons and search read.
///
/// Every block's HTML sits in one string and every block's plain text in another; a block is a few
/// offsets into them. A 10,000-page site has 190,000 blocks and 250,000 list items: one string each
/// cost twice the memory of the text itself (string headers, allocator rounding, a heading copied into
/// every block), and the build keeps every document until the search index is written.
public struct RenderedDocument: Sendable, Hashable {
    public var blocks: [RenderedBlock]
    /// For a `levels: list` page: the inner HTML of each level's list item.
    public var levelItemsHTML: [String] = []

    public var html: String { blocks.map(\.html).joined() }

    /// The block with this index among the source's top-level blocks, if it rendered to anything (dropped
    /// raw HTML leaves a gap). Blocks are kept in index order, so this is a binary search.
    public func block(_ index: Int) -> RenderedBlock? {
        position(ofBlock: index).map { blocks[$0] }
    }

    /// Calls `body` with the UTF-8 plain text of the block with this index (see `RenderedBlock.withPlainText`),
    /// or not at all when there is no such block; the block is read where it is, not copied out (the
    /// search index reads every block of a site, some several times).
    public func withPlainText(ofBlock index: Int, item: Int? = nil, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let position = position(ofBlock: index) else { return }
        blocks.withUnsafeBufferPointer { blocks in
            var plain = blocks[position].text.plain(blocks[position].plainRange(item: item))
            plain.withUTF8(body)
        }
    }

    private func position(ofBlock index: Int) -> Int? {
        var low = 0, high = blocks.count
        while low < high {
            let middle = (low + high) / 2
            if blocks[middle].index < index { low = middle + 1 } else { high = middle }
        }
        return low < blocks.count && blocks[low].index == index ? low : nil
    }
}

/// One top-level block of a rendered page.
public struct RenderedBlock: Sendable, Hashable {
    /// The document's text, shared by its blocks.
    final class Text: Sendable {
        let html: String
        let plain: String
        let headings: [Outline.Heading]

        init(html: String, plain: String, headings: [Outline.Heading]) {
            self.html = html
            self.plain = plain
            self.headings = headings
        }

        func html(_ range: Range<Int32>) -> Substring { Self.slice(html, range) }
        func plain(_ range: Range<Int32>) -> Substring { Self.slice(plain, range) }

        /// UTF-8 offsets (always at character boundaries: they were taken from whole strings) to a slice.
        private static func slice(_ string: String, _ range: Range<Int32>) -> Substring {
            let utf8 = string.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: Int(range.lowerBound))
            let end = utf8.index(start, offsetBy: Int(range.count))
            return string[start..<end]
        }
    }

    let text: Text
    let htmlRange: Range<Int32>
    let plainRange: Range<Int32>
    /// Inside `plainRange`, one per list item; empty for other blocks.
    let itemRanges: [Range<Int32>]
    /// Inside `htmlRange`, for a heading: what is between `<hN …>` and `</hN>`.
    let innerRange: Range<Int32>?
    let headingNumber: Int32
    let blockIndex: Int32
    /// For a list, one per item: where its `<li` tag ends, its line, its own text and its examples.
    let marks: [ItemMark]

    /// Where a top-level list item sits in the block, for criterion ids and their text.
    struct ItemMark: Sendable, Hashable {
        /// UTF-8 offset inside the block's HTML just after `<li`; -1 when unknown.
        var tagEnd: Int32
        /// Line of the item in the body (1-based).
        var line: Int32
        /// Plain text of the item's own blocks, before any nested list (document offsets).
        var own: Range<Int32>
        /// Plain text of each item of the item's nested lists (document offsets).
        var examples: [Range<Int32>]
    }

    /// Index among the document's top-level blocks (the same numbering as `Outline`).
    public var index: Int { Int(blockIndex) }
    public var html: String { String(text.html(htmlRange)) }
    /// Set when the block is a heading (the same heading, anchor included, as in the page's `Outline`).
    public var heading: Outline.Heading? { headingNumber < 0 ? nil : text.headings[Int(headingNumber)] }
    /// What a reader sees, for summaries, search and comparisons.
    public var plainText: String { String(text.plain(plainRange)) }
    /// Feeds the plain text (`plainText`, or item `item`'s) to `hasher` without making a string of it.
    /// The bytes, not the String: hashing a String normalises it first, and byte-equal is all a cache needs.
    public func combinePlainText(item: Int? = nil, into hasher: inout Hasher) {
        withPlainText(item: item) { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
    }

    /// Calls `body` with the UTF-8 bytes of the plain text (`plainText`, or item `item`'s: none when
    /// there is no such item), without making a string of it.
    public func withPlainText<T>(item: Int? = nil, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        var plain = text.plain(plainRange(item: item))
        return try plain.withUTF8(body)
    }

    /// The block's plain text, or one list item's (nothing for an item it does not have).
    func plainRange(item: Int?) -> Range<Int32> {
        item.map { $0 < itemRanges.count ? itemRanges[$0] : 0..<0 } ?? plainRange
    }

    /// Whether the block is a list with items (what `listCriteria` reads), without making their text.
    public var hasListItems: Bool { !marks.isEmpty }
    /// How many items `listCriteria` has.
    public var listItemCount: Int { marks.count }

    /// For a list, the plain text of each item, so comparisons can work item by item.
    public var listItems: [String] { itemRanges.map { String(text.plain($0)) } }
    /// For a heading: the HTML inside the `<hN>` tag, so it can be re-emitted at another depth or anchor.
    public var headingInnerHTML: String? { innerRange.map { String(text.html($0)) } }

    /// For a list: each item's own text (without its nested lists) and its nested lists' items, the
    /// shape of a criterion with examples.
    public var listCriteria: [(text: String, examples: [String])] {
        marks.map { (String(text.plain($0.own)), $0.examples.map { String(text.plain($0)) }) }
    }

    /// `listCriteria` as slices of the document's text, which they keep alive rather than copy: a
    /// 10,000-level site keeps every level's criteria for the whole build.
    public var listCriteriaSlices: [(text: Substring, examples: [Substring])] {
        marks.map { (text.plain($0.own), $0.examples.map { text.plain($0) }) }
    }

    /// For a list: the body line (1-based) each item starts on.
    public var itemLines: [Int] { marks.map { Int($0.line) } }

    /// Appends a list's HTML with `id` attributes on its top-level items (`ids[n]` for item `n`; nil
    /// or a missing entry leaves an item without one).
    public func appendHTML(itemIDs ids: [String?], to out: inout String) {
        guard !marks.isEmpty, ids.contains(where: { $0 != nil }) else { return appendHTML(to: &out) }
        let html = text.html(htmlRange)
        let utf8 = html.utf8
        var from = utf8.startIndex
        for (mark, id) in zip(marks, ids) {
            guard let id, mark.tagEnd >= 0, Int(mark.tagEnd) <= utf8.count else { continue }
            let at = utf8.index(utf8.startIndex, offsetBy: Int(mark.tagEnd))
            guard at >= from else { continue }
            out += html[from..<at]
            out += " id=\"\(HTML.escape(id))\""
            from = at
        }
        out += html[from...]
    }

    /// Appends the block's HTML without making a string of it first.
    public func appendHTML(to out: inout String) { out += text.html(htmlRange) }

    /// Appends the heading at `depth` with anchor `id`; other blocks unchanged.
    public func appendHTML(headingDepth depth: Int, anchor id: String, to out: inout String) {
        guard let inner = innerRange else { return appendHTML(to: &out) }
        let d = min(6, max(1, depth))
        out += "<h\(d) id=\"\(HTML.escape(id))\">"
        out += text.html(inner)
        out += "</h\(d)>\n"
    }

    /// The heading at `depth` with anchor `id`; other blocks unchanged.
    public func html(headingDepth depth: Int, anchor id: String) -> String {
        var out = ""
        appendHTML(headingDepth: depth, anchor: id, to: &out)
        return out
    }

    // What a block says, not where its text is stored, decides equality: the preview server compares
    // fingerprints of documents rendered in different builds.
    public static func == (a: RenderedBlock, b: RenderedBlock) -> Bool {
        a.blockIndex == b.blockIndex && a.text.html(a.htmlRange) == b.text.html(b.htmlRange)
            && a.text.plain(a.plainRange) == b.text.plain(b.plainRange) && a.listItems == b.listItems
            && a.heading == b.heading && a.headingInnerHTML == b.headingInnerHTML
            && a.itemLines == b.itemLines && a.listCriteria.map(\.text) == b.listCriteria.map(\.text)
            && a.listCriteria.map(\.examples) == b.listCriteria.map(\.examples)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(blockIndex)
        hasher.combine(text.html(htmlRange))
        hasher.combine(text.plain(plainRange))
        hasher.combine(itemRanges.count)
        for range in itemRanges { hasher.combine(text.plain(range)) }
        hasher.combine(heading)
        hasher.combine(innerRange.map { text.html($0) })
        hasher.combine(itemLines)
    }
}

/// Collects a document's blocks while it is rendered, then shares one `Text` among them.
package struct RenderedDocumentBuilder {
    /// The document's HTML as UTF-8: each block is written here, then added (`add(index:htmlFrom:…)`).
    var html: [UInt8] = []
    /// The document's plain text as UTF-8, made a String once when the document is built.
    private var plain: [UInt8] = []
    /// The page's headings, the outline's own list: blocks point into it rather than copy their heading.
    private let headings: [Outline.Heading]
    private var pending: [(index: Int32, html: Range<Int32>, plain: Range<Int32>, items: [Range<Int32>],
                           inner: Range<Int32>?, heading: Int32, marks: [RenderedBlock.ItemMark])] = []
    var levelItemsHTML: [String] = []

    init(headings: [Outline.Heading]) { self.headings = headings }

    /// `plain` (UTF-8) and `items` untrimmed: a list's plain text is its items' one after another, so the
    /// items are ranges of it. Each piece is trimmed of spaces and newlines at both ends.
    /// `heading`: the block's heading, by its position in `headings`.
    /// The block's HTML is what was written to `html` from `htmlStart` on; `inner` counts from there.
    mutating func add(index: Int, htmlFrom htmlStart: Int, inner: Range<Int>?, heading: Int?,
                      plain rawPlain: [UInt8], items rawItems: [Range<Int>], marks rawMarks: [RenderedBlock.ItemMark] = []) {
        let htmlRange = Self.range(htmlStart, html.count)
        let innerRange = inner.map { Self.range(htmlStart + $0.lowerBound, htmlStart + $0.upperBound) }

        let trimmed = Self.trimmed(rawPlain, 0..<rawPlain.count)
        let plainStart = plain.count
        plain.append(contentsOf: rawPlain[trimmed])
        func place<Offset: BinaryInteger>(_ item: Range<Offset>) -> Range<Int32> {
            let lower = max(0, min(Int(item.lowerBound), rawPlain.count))
            let piece = Self.trimmed(rawPlain, lower..<max(lower, min(Int(item.upperBound), rawPlain.count)))
            let start = piece.lowerBound - trimmed.lowerBound
            // An item trimmed to nothing, or one the block's own trimming cut into, is clamped to the text.
            let from = max(0, min(start, trimmed.count)), to = max(from, min(start + piece.count, trimmed.count))
            return Self.range(plainStart + from, plainStart + to)
        }
        let items = rawItems.map(place)
        let marks = rawMarks.map { mark in
            RenderedBlock.ItemMark(tagEnd: mark.tagEnd, line: mark.line, own: place(mark.own), examples: mark.examples.map(place))
        }
        let headingNumber = heading.map { Int32(clamping: $0) } ?? -1
        pending.append((Int32(clamping: index), htmlRange, Self.range(plainStart, plain.count), items, innerRange, headingNumber, marks))
    }

    /// `range` of the UTF-8 `bytes` without spaces and newlines at either end, as
    /// `Substring.trimmingSpacesAndNewlines` cuts it: by bytes (`SpaceTrim`), by Characters only when an
    /// edge is a space or newline beside a non-ASCII byte, or a line feed after a carriage return.
    static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        let kept = bytes.withUnsafeBufferPointer { SpaceTrim.byBytes($0, range) }
        guard !kept.isEmpty, SpaceTrim.isEdge(bytes[kept.lowerBound]) || SpaceTrim.isEdge(bytes[kept.upperBound - 1]) else { return kept }
        let text = String(decoding: bytes[kept], as: UTF8.self)
        let cut = text[...].trimmingSpacesAndNewlines()
        let start = kept.lowerBound + text.utf8.distance(from: text.startIndex, to: cut.startIndex)
        return start..<(start + cut.utf8.count)
    }

    func build() -> RenderedDocument {
        var htmlText = String(decoding: html, as: UTF8.self)
        // cmark writes valid UTF-8 from valid input, so this never repairs anything; if it did, the blocks'
        // ranges would be off: the text is then kept ASCII, byte for byte, rather than trap later.
        if htmlText.utf8.count != html.count { htmlText = String(decoding: html.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self) }
        let text = RenderedBlock.Text(html: htmlText, plain: String(decoding: plain, as: UTF8.self), headings: headings)
        return RenderedDocument(blocks: pending.map {
            RenderedBlock(text: text, htmlRange: $0.html, plainRange: $0.plain, itemRanges: $0.items,
                          innerRange: $0.inner, headingNumber: $0.heading, blockIndex: $0.index, marks: $0.marks)
        }, levelItemsHTML: levelItemsHTML)
    }

    private static func range(_ lower: Int, _ upper: Int) -> Range<Int32> {
        Int32(clamping: lower)..<Int32(clamping: max(lower, upper))
    }
}
