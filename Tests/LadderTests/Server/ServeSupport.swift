#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import LadderCore
@testable import LadderLoad
@testable import LadderMarkdown
@testable import LadderModel
@testable import LadderRender
@testable import LadderSearch
@testable import LadderGenerate
import LadderServer

/// A reply read off a real socket.
struct HTTPReply {
    var status: Int
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// A minimal HTTP/1.1 client over a raw socket, so tests can send request targets exactly as written
/// (`/../`, `%2e%2e`, `//etc/passwd`), which URL types would normalise away. Blocking reads happen on
/// GCD threads, never on the cooperative pool the server's handlers need.
enum RawHTTP {
    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var timeout = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }

    static func get(port: Int, _ target: String, method: String = "GET") async throws -> HTTPReply {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try getBlocking(port: port, target, method: method) })
            }
        }
    }

    static func getBlocking(port: Int, _ target: String, method: String) throws -> HTTPReply {
        let fd = try connect(port: port)
        defer { close(fd) }
        send(fd, "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { throw POSIXError(.EBADMSG) }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return HTTPReply(status: status, headers: headers, body: Data(data[split.upperBound...]))
    }
}

/// Reads `/__ladder/events` on a thread of its own and keeps every event, so a test can wait for one.
final class EventStreamClient: @unchecked Sendable {
    private let lock = NSLock()
    private var received: [ServerEvent] = []
    private let fd: Int32

    init(port: Int) throws {
        fd = try RawHTTP.connect(port: port)
        RawHTTP.send(fd, "GET \(LiveReload.eventsPath) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        let thread = Thread { [self] in self.read() }
        thread.start()
    }

    var events: [ServerEvent] {
        lock.lock(); defer { lock.unlock() }
        return received
    }

    func close() { shutdown(fd, Int32(SHUT_RDWR)) }

    private func read() {
        var pending = ""
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n < 0 && errno == EAGAIN { continue }  // the receive timeout: keep listening
            if n <= 0 { break }
            // Drop CRs: the chunked framing's CRLFs would otherwise glue to lines as one Character. Each
            // event is one chunk, so the chunk-size lines end up as lines of their own, which are ignored.
            pending += String(decoding: buffer[0..<n], as: UTF8.self).replacingOccurrences(of: "\r", with: "")
            while let end = pending.range(of: "\n\n") {
                let block = String(pending[..<end.lowerBound])
                pending = String(pending[end.upperBound...])
                var name = "", data: [String] = []
                for line in block.split(separator: "\n") {
                    if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
                }
                if !name.isEmpty {
                    lock.lock(); received.append(ServerEvent(name: name, data: data.joined(separator: "\n"))); lock.unlock()
                }
            }
        }
        Glibc.close(fd)
    }

    /// The first event after the first `seen` ones, waiting up to `seconds` (a hang guard, not a speed test).
    func event(after seen: Int, within seconds: Double = 20) async throws -> ServerEvent? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let all = events
            if all.count > seen { return all[seen] }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        return nil
    }
}

/// A preview server on an ephemeral port of 127.0.0.1, running in this process.
struct RunningServer {
    let server: PreviewServer
    let port: Int
    let basePath: String
    let task: Task<Void, Error>

    static func start(_ site: TempSite) async throws -> RunningServer {
        let server = PreviewServer(options: BuildOptions(siteFolder: site.path, includeDrafts: true), port: 0, log: { _ in })
        let (urls, continuation) = AsyncStream<String>.makeStream()
        let task = Task { try await server.run(handleSignals: false) { continuation.yield($0) } }
        var iterator = urls.makeAsyncIterator()
        guard let url = await iterator.next(), let parsed = URL(string: url), let port = parsed.port else {
            throw POSIXError(.EADDRNOTAVAIL)
        }
        return RunningServer(server: server, port: port, basePath: parsed.path.hasSuffix("/") ? parsed.path : parsed.path + "/", task: task)
    }

    func get(_ target: String) async throws -> HTTPReply { try await RawHTTP.get(port: port, target) }

    func stop() async throws {
        await server.stop()
        try await task.value
    }
}

/// Served HTML minus what the preview server adds; nil when the addition is missing or repeated.
func withoutLiveReload(_ html: Data) -> Data? {
    let text = String(decoding: html, as: UTF8.self)
    guard let start = text.range(of: LiveReload.beginMarker), let end = text.range(of: LiveReload.endMarker),
          text.components(separatedBy: LiveReload.beginMarker).count == 2 else { return nil }
    return Data((String(text[..<start.lowerBound]) + String(text[end.upperBound...])).utf8)
}

extension TempSite {
    /// Saves a file as many editors do: into a hidden temporary file, renamed over the old one, so the
    /// server's watcher never sees it half-written (a rebuild between truncation and write would build
    /// the empty file, and a test waiting for "the" event would see that build).
    func save(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).saving")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}
