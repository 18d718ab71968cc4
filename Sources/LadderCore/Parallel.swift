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
