import Foundation

package extension Array {
    /// `map` spread over all cores, results in input order (so output stays deterministic).
    func parallelMap<T>(_ transform: (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let out = buffer
            self.withUnsafeBufferPointer { input in
                DispatchQueue.concurrentPerform(iterations: count) { i in
                    out[i] = transform(input[i])
                }
            }
        }
        return results.map { $0! }
    }
}

/// Work started on a thread of its own now and waited for later, so that two stages reading the same
/// values and writing different files run side by side (the search index beside the pages: each has
/// stretches that keep only one core busy).
package final class BackgroundWork<T>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<T, Error>?

    package init(_ work: @escaping () throws -> T) {
        let thread = Thread { [self] in
            result = Result { try work() }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The work's result, or what it threw, once it is done.
    package func wait() throws -> T {
        done.wait()
        done.signal()
        return try result!.get()
    }
}
