import Foundation

/// Hashes of whole contents.
package enum ContentHash {
    /// A short, stable fingerprint for a file name (`terms.3f2a9c1b07.json`): a file whose name never
    /// changes while its bytes are the same can be cached forever. FNV-1a, 64 bits: this guards caches,
    /// not secrets, and needs no crypto package.
    package static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var hash = Running()
        hash.add(bytes)
        return hash.hex
    }

    /// `hex` of bytes that arrive in pieces: `ladder.json` names the hash of its tracks, which are made
    /// one by one, and need not be joined to be hashed.
    package struct Running {
        private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

        package init() {}

        package mutating func add(_ bytes: some Sequence<UInt8>) {
            // Over a buffer when there is one (a String's UTF-8): a generic iterator byte by byte was 5% of
            // a build that names every search file after its content.
            let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
                for byte in buffer {
                    hash ^= UInt64(byte)
                    hash = hash &* 0x100_0000_01b3
                }
            }
            if done == nil {
                for byte in bytes {
                    hash ^= UInt64(byte)
                    hash = hash &* 0x100_0000_01b3
                }
            }
        }

        package var hex: String {
            let text = String(hash, radix: 16)
            return String((String(repeating: "0", count: 16 - text.count) + text).prefix(10))
        }
    }

    /// A hash of every byte, to tell an unchanged input from a changed one (per process, not stable across runs).
    /// `Data.hashValue` may look at only a prefix of the bytes.
    package static func of(_ data: Data) -> Int {
        var hasher = Hasher()
        hasher.combine(data.count)
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }
}
