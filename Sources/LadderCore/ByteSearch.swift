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
                return memmem(a, text.count, b, wanted.count) != nil
            }
        }
    }
}
