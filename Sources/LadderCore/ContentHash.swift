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

    /// A short, stable fingerprint of a generated file's bytes for its name, taken eight bytes at a time:
    /// FNV-1a goes a byte at a time, and naming a 10,000-page site's 40 MB of search index with it took
    /// 50 ms of one core. (Criterion ids keep `hex`: they are permalinks.)
    package static func fileHex(_ bytes: some Sequence<UInt8>) -> String {
        let wide: UInt64? = bytes.withContiguousStorageIfAvailable { buffer in wideHash(UnsafeRawBufferPointer(buffer)) }
        return hexDigits(wide ?? Array(bytes).withUnsafeBytes { wideHash($0) })
    }

    private static func wideHash(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count)
        var offset = 0
        while offset + 8 <= raw.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            hash = (hash ^ word) &* k
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        for (shift, index) in (offset..<raw.count).enumerated() { tail |= UInt64(raw[index]) << (8 * shift) }
        hash = (hash ^ tail) &* k
        // Murmur3's finaliser, so every input bit reaches the ten digits kept.
        hash ^= hash >> 33; hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33; hash = hash &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash
    }

    static func hexDigits(_ hash: UInt64) -> String {
        let text = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - text.count) + text).prefix(10))
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

        package var hex: String { ContentHash.hexDigits(hash) }

        package mutating func add(byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }

        /// `hex`'s first eight digits (the hash's top 32 bits), without making the sixteen.
        package var hex8: String {
            let digits = Array("0123456789abcdef".utf8)
            var out = [UInt8](repeating: 0, count: 8)
            for n in 0..<8 { out[n] = digits[Int(hash >> (60 - 4 * UInt64(n)) & 0xF)] }
            return String(decoding: out, as: UTF8.self)
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
