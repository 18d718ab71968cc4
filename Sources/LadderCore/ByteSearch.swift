#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
