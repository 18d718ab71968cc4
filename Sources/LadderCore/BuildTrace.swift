import Foundation

/// With `LADDER_TRACE=1` in the environment, each build stage prints its time and the process's
/// memory to stderr: `markdown: 1433 ms, RSS 172 MiB, peak 172 MiB`. For profiling (see bench/README.md);
/// it changes no output.
package enum BuildTrace {
    static let enabled = ProcessInfo.processInfo.environment["LADDER_TRACE"] != nil
    private static let clock = NSLock()
    nonisolated(unsafe) private static var last = Date()

    /// Starts the clock of the first stage.
    package static func begin() {
        guard enabled else { return }
        clock.lock(); defer { clock.unlock() }
        last = Date()
    }

    package static func mark(_ stage: String) {
        guard enabled else { return }
        clock.lock(); defer { clock.unlock() }
        let now = Date()
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        func mebibytes(_ key: String) -> String {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }),
                  let kib = Int(line.split(separator: " ").dropFirst().first ?? "") else { return "?" }
            return String(kib / 1024)
        }
        let line = "\(stage): \(Int(now.timeIntervalSince(last) * 1000)) ms, RSS \(mebibytes("VmRSS")) MiB, peak \(mebibytes("VmHWM")) MiB\n"
        FileHandle.standardError.write(Data(line.utf8))
        last = now
    }

    /// Runs `work` (a stage that runs beside others) and prints its own time when it ends.
    package static func timing<T>(stage: String, _ work: () throws -> T) rethrows -> T {
        guard enabled else { return try work() }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try work()
        let elapsed = (DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        FileHandle.standardError.write(Data("\(stage): \(elapsed) ms\n".utf8))
        return result
    }

    nonisolated(unsafe) private static var layouts: [String: (nanoseconds: UInt64, pages: Int)] = [:]

    /// Runs `render`, adding its time to the layout's total when tracing.
    package static func timing<T>(layout: String, _ render: () -> T) -> T {
        guard enabled else { return render() }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = render()
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        clock.lock(); defer { clock.unlock() }
        layouts[layout, default: (0, 0)].nanoseconds += elapsed
        layouts[layout, default: (0, 0)].pages += 1
        return result
    }

    /// Prints each layout's render time, the slowest first: `compare: 4500 pages, 220 µs each`.
    package static func reportLayouts() {
        guard enabled else { return }
        clock.lock(); defer { clock.unlock() }
        for (name, total) in layouts.sorted(by: { $0.value.nanoseconds > $1.value.nanoseconds }) {
            let each = total.nanoseconds / UInt64(max(1, total.pages)) / 1000
            FileHandle.standardError.write(Data("  \(name): \(total.pages) pages, \(each) µs each\n".utf8))
        }
        layouts = [:]
    }
}
