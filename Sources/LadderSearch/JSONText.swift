import Foundation
import LadderCore
import LadderModel
import LadderMarkdown

/// A small JSON writer for the search index: compact, with a fixed key order and integers only, so
/// the same index is the same bytes on every build (Foundation's encoder promises neither).
package enum JSONText {
    package static func string(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 2)
        appendString(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// `string(value)`'s bytes appended. Works on UTF-8 bytes: tens of MB of snippet and criterion text
    /// go through here on a large site.
    package static func appendString(_ value: String, to out: inout [UInt8]) {
        let done: Void? = value.utf8.withContiguousStorageIfAvailable { appendString(utf8: $0, to: &out) }
        if done == nil { appendString(utf8: Array(value.utf8), to: &out) }
    }

    /// `appendString` of the string with these UTF-8 bytes.
    package static func appendString(utf8 buffer: some Collection<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        // Most text needs no escape: copied whole.
        guard buffer.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) else {
            out.append(contentsOf: buffer)
            out.append(0x22)
            return
        }
        var bytes = buffer.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case 0x22: out += [0x5C, 0x22]                      // \"
            case 0x5C: out += [0x5C, 0x5C]                      // \\
            case 0x0A: out += [0x5C, 0x6E]                      // \n
            case 0x0D: out += [0x5C, 0x72]                      // \r
            case 0x09: out += [0x5C, 0x74]                      // \t
            case 0..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]  // \u00XX
            case 0xE2:
                // U+2028/2029 (E2 80 A8/A9) are valid JSON but not valid JavaScript source: escape them too.
                let second = bytes.next(), third = bytes.next()
                if second == 0x80, let third, third == 0xA8 || third == 0xA9 {
                    out += Array((third == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                } else {
                    out.append(byte)
                    if let second { out.append(second) }
                    if let third { out.append(third) }
                }
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }

    package static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    package static func strings(_ items: [String]) -> String { array(items.map(string)) }

    static func ints(_ items: [Int]) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (n, item) in items.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            appendInt(item, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    /// `String(value)`'s bytes appended, without making the string.
    static func appendInt(_ value: Int, to out: inout [UInt8]) {
        // Postings are millions of one- and two-digit numbers: those without a loop.
        let zero = UInt8(ascii: "0")
        if value >= 0 && value < 10 { return out.append(zero + UInt8(value)) }
        if value >= 10 && value < 100 {
            out.append(zero + UInt8(value / 10))
            return out.append(zero + UInt8(value % 10))
        }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var n = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: room for any Int's 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                count += 1
                buffer[24 - count] = zero + UInt8(n % 10)
                n /= 10
            } while n > 0
            out.append(contentsOf: buffer[(24 - count)...])
        }
    }

    /// `String(value).utf8.count`.
    static func digits(_ value: Int) -> Int {
        var n = value.magnitude
        var length = value < 0 ? 2 : 1
        while n >= 10 { n /= 10; length += 1 }
        return length
    }

    /// An object with keys in the order given.
    package static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}

/// Writes JSON straight into bytes, in the order it is told, with the same output as `JSONText`'s
/// functions nested. For the large files (`ladder.json` is ~5 KB a level): nesting strings copied each
/// piece once per level of nesting and held them all at once.
package struct JSONWriter {
    package private(set) var bytes: [UInt8] = []
    /// Whether the next value or key in the open container follows another.
    private var follows = false

    package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    package mutating func object(_ fill: (inout JSONWriter) -> Void) { open(0x7B); fill(&self); close(0x7D) }
    package mutating func array(_ fill: (inout JSONWriter) -> Void) { open(0x5B); fill(&self); close(0x5D) }

    /// `"name":`; the value comes next.
    package mutating func key(_ name: String) {
        if follows { bytes.append(0x2C) }
        JSONText.appendString(name, to: &bytes)
        bytes.append(0x3A)
        follows = false
    }

    package mutating func string(_ value: String) {
        if follows { bytes.append(0x2C) }
        JSONText.appendString(value, to: &bytes)
        follows = true
    }

    package mutating func strings(_ values: [String]) { array { for value in values { $0.string(value) } } }

    /// `"name":"value"`.
    package mutating func field(_ name: String, _ value: String) { key(name); string(value) }

    /// JSON made elsewhere, as one value.
    package mutating func raw(_ json: some Collection<UInt8>) {
        if follows { bytes.append(0x2C) }
        bytes.append(contentsOf: json)
        follows = true
    }

    /// Ends a file.
    package mutating func newline() { bytes.append(0x0A) }

    /// The bytes as `Data`, for an `OutputSink`.
    package func data() -> Data { Data(bytes) }

    private mutating func open(_ mark: UInt8) {
        if follows { bytes.append(0x2C) }
        bytes.append(mark)
        follows = false
    }

    private mutating func close(_ mark: UInt8) {
        bytes.append(mark)
        follows = true
    }
}
