import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Data {
    /// Whether `byte` occurs: one `memchr`. `Data.contains(_:)` walked a generic iterator byte by byte,
    /// and every page read asks it twice (a carriage return, a NUL).
    public func containsByte(_ byte: UInt8) -> Bool {
        withUnsafeBytes { raw in
            guard let base = raw.baseAddress, raw.count > 0 else { return false }
            return memchr(base, Int32(byte), raw.count) != nil
        }
    }
}

extension StringProtocol {
    /// Whether `byte` occurs in the UTF-8 text: one `memchr` (the generic `utf8.contains` went byte by byte
    /// through an iterator, and a 3 KB page body is scanned for `|` by every render).
    public func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        } ?? utf8.contains(byte)
    }
}

extension String {
    /// Whether `needle`'s UTF-8 bytes occur in the text: a byte scan. `String.contains(_:)` with a string
    /// goes through Foundation's locale-aware search, which folded character clusters one at a time and
    /// was a sixth of a 10,000-page build's time in the quick tests that decide whether a page needs more.
    /// Both strings are compared as bytes, so this is for ASCII or exact Unicode needles, not for
    /// canonically equivalent spellings.
    public func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { wanted in
                guard !wanted.isEmpty else { return true }
                guard text.count >= wanted.count, let a = text.baseAddress, let b = wanted.baseAddress else { return false }
                // memchr to each candidate first byte, memcmp the rest (glibc's memmem needs _GNU_SOURCE).
                let first = Int32(wanted[0])
                var start = 0
                let last = text.count - wanted.count
                while start <= last {
                    guard let hit = memchr(a + start, first, last - start + 1) else { return false }
                    let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(a)
                    if memcmp(a + offset, b, wanted.count) == 0 { return true }
                    start = offset + 1
                }
                return false
            }
        }
    }
}

extension String {
    /// The text cut at each `"\n"`, empty lines kept: `split(separator: "\n", omittingEmptySubsequences:
    /// false)`, by a byte scan. The Character split walked grapheme clusters and was a sixth of a build's
    /// CPU (three passes over every body). As with the Character split, a `"\r\n"` pair is one Character
    /// that is not `"\n"`, so a line is not cut there.
    public func lineSlices() -> [Substring] {
        // Cut offsets found with memchr over the UTF-8 bytes; the UTF8View walk cost a tenth of the model stage.
        var cuts: [Int] = []
        var text = self
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var from = 0
            while from < bytes.count, let hit = memchr(base + from, 0x0A, bytes.count - from) {
                let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if offset == 0 || bytes[offset - 1] != 0x0D { cuts.append(offset) }
                from = offset + 1
            }
        }
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(cuts.count + 1)
        var start = utf8.startIndex
        for cut in cuts {
            let end = utf8.index(utf8.startIndex, offsetBy: cut)
            lines.append(text[start..<end])
            start = utf8.index(after: end)
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }
}
