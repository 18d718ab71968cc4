import Foundation

package extension Array {
    /// `map` spread over all cores, results in input order (so output stays deterministic).
    func parallelMap<T>(_ transform: (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        // Each result is made in its place in the array returned: gathered as optionals first, every result
        // was copied once more and the copy destroyed (10,000 pages: 60 ms on one core, after the work).
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let out = buffer
            self.withUnsafeBufferPointer { input in
                DispatchQueue.concurrentPerform(iterations: count) { i in
                    (out.baseAddress! + i).initialize(to: transform(input[i]))
                }
            }
            initialized = count
        }
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
