import Foundation
#if canImport(Glibc)
import Glibc
#endif

package enum Memory {
    /// Hands memory freed between two stages back to the system. glibc keeps freed memory in the arena
    /// of the thread that freed it, where the next stage's threads may not reuse it, so without this a
    /// big build's peak is nearer the sum of its stages than the largest of them.
    package static func returnFreedPages() {
        #if canImport(Glibc)
        // `malloc_trim` is in <malloc.h>, which the Glibc module does not export; look it up instead.
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}

/// Values a one-shot process keeps until it exits, so they are never freed object by object: the
/// system takes the whole heap back at once.
package enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [Any] = []
    private static let lock = NSLock()

    package static func keep(_ value: Any) {
        lock.lock(); defer { lock.unlock() }
        kept.append(value)
    }
}
