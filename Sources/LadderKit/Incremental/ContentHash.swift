import Foundation

/// A hash of every byte of a file. (`Data.hashValue` may look at only a prefix of the bytes.)
enum ContentHash {
    static func of(_ data: Data) -> Int {
        var hasher = Hasher()
        hasher.combine(data.count)
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }
}
