/// A line that leads with bold text: `* **Impact** — …`, `**Senior** …`, `A __Junior Developer__ is …`.
///
/// One reading of it for the readers that look for one: the heading reader's names under a level and the grid
/// reader's scan for bold level labels. It reads bytes, because the grid reader scans every page of an
/// article site before cmark parses any of it again.
enum BoldLead {
    /// The bytes inside the bold lead of the line that starts at `start`, or nil. Spaces and one bullet
    /// (`-`, `*`, `+`) may come first; with `afterShortWord`, also a word of three letters at most (`A`, `An`,
    /// `The`) and `__` as well as `**`. The bold text is at most 60 bytes and ends on its line.
    static func inner(_ bytes: UnsafeBufferPointer<UInt8>, lineStart start: Int, afterShortWord: Bool) -> Range<Int>? {
        let n = bytes.count
        var j = start
        while j < n, bytes[j] == 0x20 { j += 1 }
        if j + 1 < n, bytes[j] == 0x2D || bytes[j] == 0x2A || bytes[j] == 0x2B, bytes[j + 1] == 0x20 {
            j += 2
            while j < n, bytes[j] == 0x20 { j += 1 }
        }
        func opens(_ k: Int) -> Bool {
            k + 1 < n && (bytes[k] == 0x2A || (afterShortWord && bytes[k] == 0x5F)) && bytes[k + 1] == bytes[k]
        }
        if afterShortWord, !opens(j) {
            var k = j
            while k < n, k - j <= 3, bytes[k] != 0x20, bytes[k] != 0x0A { k += 1 }
            if k < n, bytes[k] == 0x20, k > j, k - j <= 3 { j = k + 1 }
        }
        guard opens(j) else { return nil }
        let marker = bytes[j]
        let open = j + 2
        var close = open
        while close + 1 < n, close - open <= 60, bytes[close] != 0x0A, !(bytes[close] == marker && bytes[close + 1] == marker) {
            close += 1
        }
        guard close + 1 < n, bytes[close] == marker, bytes[close + 1] == marker, close > open else { return nil }
        return open..<close
    }

    /// The bold lead of one line as text (`**Tests**: …` → `Tests`), nil when it has none.
    static func text(of line: Substring) -> String? {
        var line = line
        return line.withUTF8 { bytes in
            inner(bytes, lineStart: 0, afterShortWord: false).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }
}
