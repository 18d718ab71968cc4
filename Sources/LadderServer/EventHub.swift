import Foundation
import LadderCore
import LadderGenerate
import LadderLoad

/// One Server-Sent Event, in the wire format of the `text/event-stream` type.
public struct ServerEvent: Sendable, Equatable {
    public var name: String
    public var data: String

    public init(name: String, data: String) {
        self.name = name
        self.data = data
    }

    /// `data` may hold several lines; each becomes its own `data:` field.
    public var wireFormat: String {
        var text = "event: \(name)\n"
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) { text += "data: \(line)\n" }
        return text + "\n"
    }
}

/// Hands every event to every open event stream. `finishAll()` ends the streams, and any opened later,
/// so the HTTP server does not wait on them when it shuts down.
final class EventHub: @unchecked Sendable {
    private let lock = NSLock()
    private var streams: [UUID: AsyncStream<String>.Continuation] = [:]
    private var finished = false

    /// A stream of wire-format chunks, starting with `first`.
    func subscribe(first: String) -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(64))
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        lock.lock()
        if finished {
            lock.unlock()
            continuation.finish()
            return stream
        }
        streams[id] = continuation
        lock.unlock()
        continuation.yield(first)
        return stream
    }

    private func remove(_ id: UUID) {
        lock.lock(); defer { lock.unlock() }
        streams[id] = nil
    }

    var subscriberCount: Int {
        lock.lock(); defer { lock.unlock() }
        return streams.count
    }

    func send(_ chunk: String) {
        lock.lock()
        let targets = Array(streams.values)
        lock.unlock()
        for continuation in targets { continuation.yield(chunk) }
    }

    func finishAll() {
        lock.lock()
        finished = true
        let targets = Array(streams.values)
        streams = [:]
        lock.unlock()
        for continuation in targets { continuation.finish() }
    }
}
