import LadderCore
import LadderModel
import LadderMarkdown

/// A small JSON writer for the search index: compact, with a fixed key order and integers only, so
/// the same index is the same bytes on every build (Foundation's encoder promises neither).
package enum JSONText {
    package static func string(_ value: String) -> String {
        // Works on UTF-8 bytes: tens of MB of snippet text go through here on a large site.
        var out: [UInt8] = [0x22]
        out.reserveCapacity(value.utf8.count + 2)
        let hex = Array("0123456789abcdef".utf8)
        var bytes = value.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case 0x22: out += [0x5C, 0x22]                      // \"
            case 0x5C: out += [0x5C, 0x5C]                      // \\
            case 0x0A: out += [0x5C, 0x6E]                      // \n
            case 0x0D: out += [0x5C, 0x72]                      // \r
            case 0x09: out += [0x5C, 0x74]                      // \t
            case 0..<0x20: out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
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
        return String(decoding: out, as: UTF8.self)
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
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var n = value.magnitude
        let start = out.count
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(n % 10))
            n /= 10
        } while n > 0
        out[start...].reverse()
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
