import Foundation
import Hummingbird
import LadderCore
import LadderGenerate
import LadderLoad
import Logging
import NIOCore
import ServiceLifecycle

/// `ladder serve`: builds the site into memory, serves it, watches `content/` and `templates/`, rebuilds
/// what a change touches and tells open pages over Server-Sent Events once the new build is swapped in.
public final class PreviewServer: @unchecked Sendable {
    public let options: BuildOptions
    public let host: String
    public let port: Int
    let store = SnapshotStore()
    let hub = EventHub()
    private let memo = BuildMemo()
    private let log: @Sendable (String) -> Void
    private let buildQueue = DispatchQueue(label: "ladder.serve.rebuild")
    private let lock = NSLock()
    private var pendingPaths: [String] = []
    private var rebuildScheduled = false
    private var basePath = "/"
    private var group: ServiceGroup?
    private var watcher: DirectoryWatcher?
    /// Only touched on the build queue.
    private var shownWarnings: Set<Diagnostic> = []

    /// `log` receives one line per build (and every diagnostic), as the terminal shows them.
    public init(options: BuildOptions, host: String = "127.0.0.1", port: Int = 4000,
                log: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.options = options
        self.host = host
        self.port = port
        self.log = log
    }

    /// The site as served right now.
    public var snapshot: SiteSnapshot { store.current }

    /// The base path requests are served under (`/careers/` for `base_url: https://x.io/careers/`).
    var servedBasePath: String {
        lock.lock(); defer { lock.unlock() }
        return basePath
    }

    /// Builds, starts watching, and serves until SIGINT or SIGTERM (`handleSignals`), `stop()`, or the
    /// task is cancelled. `onReady` gets the site's URL once the socket is bound (port 0 picks a free one).
    public func run(handleSignals: Bool = true, onReady: @escaping @Sendable (String) -> Void) async throws {
        // The first build runs on the build queue like every other, off the cooperative thread pool.
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            buildQueue.async { [self] in
                rebuild(changed: [])
                done.resume()
            }
        }
        // Paths spelled as the loader spells them, so the memo forgets exactly the files reported.
        let loader = ContentLoader(siteFolder: options.siteFolder)
        let watcher = DirectoryWatcher(roots: [loader.contentFolder, loader.displayPath("templates")]) { [weak self] paths in
            self?.schedule(paths)
        }
        do {
            try watcher.start()
            lock.withLock { self.watcher = watcher }
        } catch {
            // Still worth serving (the build is there); the user must know edits will not show up.
            log("warning: cannot watch \(loader.contentFolder) and \(loader.displayPath("templates")) (\(error)); "
                + "changes will not be rebuilt (on Linux, see fs.inotify.max_user_watches)")
        }

        var logger = Logger(label: "ladder.serve")
        logger.logLevel = .error
        let host = self.host
        let app = Application(
            responder: PreviewResponder(server: self),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { [weak self] channel in
                let bound = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                onReady("http://\(shown):\(bound)\(self?.servedBasePath ?? "/")")
            },
            logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [app, LiveReloadService(hub: hub, stop: { [weak self] in self?.finishStreams() })],
            gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [],
            logger: logger))
        lock.withLock { self.group = group }
        defer { finishStreams() }
        try await group.run()
    }

    /// Shuts the server down as SIGTERM would: event streams end, then the server stops.
    public func stop() async {
        let group = lock.withLock { self.group }
        finishStreams()
        await group?.triggerGracefulShutdown()
    }

    /// Open event streams hold their connections; they must end for the server to stop promptly.
    private func finishStreams() {
        hub.finishAll()
        lock.withLock { watcher }?.stop()
    }

    // MARK: Rebuilding

    /// Queues a rebuild for these changed paths; one build runs at a time and takes every path that
    /// arrived meanwhile.
    func schedule(_ paths: [String]) {
        lock.lock()
        pendingPaths += paths
        if rebuildScheduled { lock.unlock(); return }
        rebuildScheduled = true
        lock.unlock()
        buildQueue.async { [self] in
            while true {
                lock.lock()
                let paths = pendingPaths
                pendingPaths = []
                if paths.isEmpty { rebuildScheduled = false; lock.unlock(); return }
                lock.unlock()
                rebuild(changed: paths)
            }
        }
    }

    /// Builds into memory, swaps the snapshot in, then tells the pages (never before the swap), then
    /// logs: the browser hears first.
    func rebuild(changed paths: [String]) {
        let start = Date()
        memo.forget(paths: paths)
        let old = store.current
        let sink = SnapshotSink()
        do {
            let report = try SiteGenerator(options: options).build(into: sink, memo: memo)
            lock.lock(); basePath = report.basePath; lock.unlock()
            var new = SiteSnapshot(files: sink.files, version: old.version, failure: nil, words: report.serveWords)
            // Compared with what is served (the last good build), which a failed build leaves in place.
            let changed = sink.changedPaths(since: old)
            // Saving a file without changing the site (or a rename that keeps every URL) reloads nothing.
            let tell = !(changed.isEmpty && old.failure == nil && old.version > 0)
            if tell {
                new.version += 1
                store.replace(new)
                if old.failure == nil && !changed.isEmpty && changed.allSatisfy({ $0.hasSuffix(".css") }) {
                    hub.send(ServerEvent(name: "css", data: Self.json(CSSChange(version: new.version, paths: changed.map { "/" + $0 }))).wireFormat)
                } else {
                    hub.send(ServerEvent(name: "reload", data: "\(new.version)").wireFormat)
                }
            }
            let told = Int((Date().timeIntervalSince(start) * 1000).rounded())
            // Warnings are printed when they first appear, not again on every rebuild.
            let warnings = Set(report.warnings)
            for warning in report.warnings where !shownWarnings.contains(warning) { log(warning.description) }
            shownWarnings = warnings
            let stats = memo.lastStats
            let outcome = old.version == 0 ? "" : tell ? "; pages told after \(told) ms" : "; nothing changed"
            log("\(report.summary) (\(stats.groupsRendered) page groups rendered, \(stats.groupsReused) reused; "
                + "\(stats.phaseSummary)\(outcome))")
        } catch {
            let failure = error
            store.replace(SiteSnapshot(files: old.files, version: old.version + 1, failure: failure, words: old.words))
            let errors = failure.errors.map {
                ErrorReport(file: $0.location.path, line: $0.location.line, column: $0.location.column, message: $0.message)
            }
            hub.send(ServerEvent(name: "failed", data: Self.json(FailureReport(version: old.version + 1, errors: errors))).wireFormat)
            for diagnostic in failure.diagnostics { log(diagnostic.description) }
            log("Build failed with \(failure.errors.count) error\(failure.errors.count == 1 ? "" : "s"); still serving the last good build.")
        }
    }

    struct CSSChange: Encodable { var version: Int; var paths: [String] }
    struct ErrorReport: Encodable { var file: String; var line: Int; var column: Int; var message: String }
    struct FailureReport: Encodable { var version: Int; var errors: [ErrorReport] }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// Runs beside the HTTP server: keeps idle event streams alive with a comment every 15 s (so closed
/// tabs are noticed), and on graceful shutdown ends every stream before the server waits for its
/// connections — an open event stream would otherwise keep it running.
struct LiveReloadService: Service {
    let hub: EventHub
    let stop: @Sendable () -> Void

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(nanoseconds: 15_000_000_000)
                hub.send(": keep-alive\n\n")
            }
        }
        stop()
    }
}
