import ArgumentParser
import Foundation
import LadderCore
import LadderGenerate
import LadderServer

/// `ladder`: the root command. Subcommands map flags onto `BuildOptions` and call the pipeline.
public struct LadderCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ladder",
        abstract: "Build a careers site from Markdown engineering-ladder pages.",
        version: LadderVersion.display,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, DiffCommand.self]
    )

    public init() {}

    /// Runs with `arguments` (without the program name) and returns the exit status: 0 success,
    /// 1 content or template errors, 2 usage.
    public static func run(_ arguments: [String], console: Console = .standard) -> Int32 {
        do {
            var command = try parseAsRoot(optionalExplainPath(arguments))
            if var build = command as? BuildCommand { return build.execute(console: console) }
            if var check = command as? CheckCommand { return check.execute(console: console) }
            if let serve = command as? ServeCommand { return serve.execute(console: console) }
            if let new = command as? NewCommand { return new.execute(console: console) }
            if let diff = command as? DiffCommand { return diff.execute(console: console, colour: console.isTerminal) }
            try command.run()
            return 0
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                console.out(message)
                return 0
            }
            console.err(message)
            return 2
        }
    }
}

/// `check --explain` takes an optional PATH: alone (last, or before another flag) it means every file.
func optionalExplainPath(_ arguments: [String]) -> [String] {
    guard arguments.first == "check" else { return arguments }
    var out: [String] = []
    var index = 0
    while index < arguments.count {
        let argument = arguments[index]
        out.append(argument)
        if argument == "--explain" {
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            // A value that names the site folder itself (`check --explain .`) is still the path filter.
            if next == nil || next!.hasPrefix("-") { out.append("") }
        }
        index += 1
    }
    return out
}

/// Where commands print: the terminal, or a buffer in tests.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void

    /// Whether `out` is a terminal (`ladder diff` colours its words only then).
    public var isTerminal = false

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void, isTerminal: Bool = false) {
        self.out = out
        self.err = err
        self.isTerminal = isTerminal
    }

    public static let standard = Console(
        out: { print($0) },
        err: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) },
        isTerminal: isatty(STDOUT_FILENO) == 1
    )
}

/// Flags every command that reads a site shares.
public struct SiteOptions: ParsableArguments {
    @Argument(help: "The site folder (holds content/ and optionally templates/).")
    var site: String = "."

    @Option(name: .customLong("base-url"), help: "Override base_url from content/site.yml.")
    var baseURL: String?

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    public init() {}

    /// A base URL is a scheme and host (`https://acme.example/careers/`) or a path from the root
    /// (`/careers/`), with no query or fragment: it is pasted before every link.
    public func validate() throws {
        guard let baseURL else { return }
        if let message = Self.problem(withBaseURL: baseURL) { throw ValidationError("--base-url \(message)") }
    }

    static func problem(withBaseURL url: String) -> String? {
        if url.contains("?") || url.contains("#") { return "must not have a query or fragment: '\(url)'" }
        if url.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\"" || $0 == "<" || $0 == ">" }) {
            return "must be a URL such as https://careers.example.com/ or a path such as /careers/, found '\(url)'"
        }
        if url.hasPrefix("/") { return url.hasPrefix("//") ? "must not start with '//': '\(url)'" : nil }
        guard let scheme = url.range(of: "://"), !url[..<scheme.lowerBound].isEmpty,
              url[..<scheme.lowerBound].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }),
              let host = url[scheme.upperBound...].split(separator: "/", omittingEmptySubsequences: false).first, !host.isEmpty else {
            return "must be a URL such as https://careers.example.com/ or a path such as /careers/, found '\(url)'"
        }
        return nil
    }

    var buildOptions: BuildOptions {
        BuildOptions(siteFolder: site, baseURL: baseURL, includeDrafts: drafts)
    }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the site into a folder (default SITE/public).")

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: [.short, .customLong("output")], help: "Output folder (default: SITE/public).")
    var output: String?

    @Flag(help: "Print errors only: no warnings, no summary.")
    var quiet = false

    @Flag(help: "Treat warnings as errors: the build fails and the output folder is left as it was.")
    var strict = false

    mutating func execute(console: Console) -> Int32 {
        let destination = output ?? (siteOptions.site == "." ? "public" : siteOptions.site + "/public")
        var options = siteOptions.buildOptions
        options.keepValuesUntilExit = true
        let generator = SiteGenerator(options: options)
        var isDirectory: ObjCBool = false
        // Nothing is created for a site that is not there (the output's temporary folder would make one).
        guard FileManager.default.fileExists(atPath: siteOptions.site, isDirectory: &isDirectory), isDirectory.boolValue else {
            console.err("\(siteOptions.site): error: no such folder: give the site folder, which holds content/ (or run 'ladder build' inside it)")
            return 1
        }
        do {
            let strict = self.strict
            let report = try AtomicOutput(destination: destination).replace { sink in
                let report = try generator.build(into: sink)
                // Thrown inside, so the new folder is discarded and the old one stays.
                BuildTrace.mark("teardown")
                if strict && !report.warnings.isEmpty { throw BuildFailure(report.warnings.map(\.promotedToError)) }
                return report
            }
            BuildTrace.mark("swap")
            if !quiet {
                // Repeats of one kind are counted past 20; `ladder check` lists every one.
                for line in report.warnings.summarisedLines() { console.err(line) }
                for line in report.recognised { console.out(line) }
                console.out(report.summary + " → \(destination)")
            }
            return 0
        } catch let failure as BuildFailure {
            for diagnostic in failure.errors { console.err(diagnostic.description) }
            if !quiet {
                for line in failure.diagnostics.filter({ $0.severity == .warning }).summarisedLines() { console.err(line) }
                for line in failure.ladderLines { console.out(line) }
                if let counts = failure.ladderCounts { console.out("Read \(counts) before stopping.") }
            }
            if let hint = failure.linkHint { console.err(hint) }
            console.err("Build failed with \(failure.errors.count) error\(failure.errors.count == 1 ? "" : "s"); \(destination) is unchanged.")
            return 1
        } catch {
            console.err("\(destination): error: \(error)")
            return 1
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate the site (front matter, links, templates) and write nothing.")

    @OptionGroup var siteOptions: SiteOptions

    @Flag(help: "Treat warnings (missing images and files) as errors.")
    var strict = false

    @Option(help: ArgumentHelp("Say what was read of the ladder, file by file: each track with its levels, competencies, reader and score, and the reading that lost (all files, or those under PATH).",
                               valueName: "PATH"))
    var explain: String?

    mutating func execute(console: Console) -> Int32 {
        var options = siteOptions.buildOptions
        options.explain = explain
        do {
            let report = try SiteGenerator(options: options).build(into: MemorySink())
            for line in report.explanation { console.out(line) }
            if strict && !report.warnings.isEmpty {
                for warning in report.warnings { console.err(warning.promotedToError.description) }
                console.err("Check failed: \(report.warnings.count) warning(s) under --strict.")
                return 1
            }
            for warning in report.warnings { console.err(warning.description) }
            for line in report.recognised { console.out(line) }
            for line in report.languages { console.out(line) }
            console.out("OK: \(report.pages) pages, \(report.levels) levels in \(report.tracks) tracks\(report.recognisedCount), no errors\(report.warningCount).")
            return 0
        } catch let failure as BuildFailure {
            for line in failure.explanation { console.out(line) }
            for diagnostic in failure.diagnostics { console.err(diagnostic.description) }
            for line in failure.ladderLines { console.out(line) }
            if let counts = failure.ladderCounts { console.out("Read \(counts) before stopping.") }
            if let hint = failure.linkHint { console.err(hint) }
            return 1
        } catch {
            console.err("error: \(error)")
            return 1
        }
    }
}

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: build into memory, serve it, rebuild on every change and reload open pages.")

    @Argument(help: "The site folder (holds content/ and optionally templates/).")
    var site: String = "."

    @Option(help: "Address to listen on. Only this machine can connect unless you change it.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one and prints it).")
    var port = 4000

    @Flag(name: .customLong("no-drafts"), help: "Leave out pages marked draft: true (they are shown by default).")
    var noDrafts = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
    }

    /// Serves until SIGINT or SIGTERM. 0 when stopped that way, 1 when the server cannot start.
    func execute(console: Console) -> Int32 {
        // Lines go out as they happen, even into a pipe: scripts wait for the URL.
        let say: @Sendable (String) -> Void = { console.out($0); fflush(stdout) }
        let server = PreviewServer(options: BuildOptions(siteFolder: site, includeDrafts: !noDrafts),
                                   host: host, port: port, log: say)
        let site = self.site
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run { url in say("Serving \(site) at \(url) (Ctrl-C to stop)") }
            } catch {
                let text = "\(error)"
                if text.contains("Address already in use") || text.contains("errno: 98") {
                    outcome.set("\(site): error: port \(port) is in use; try --port 0 (any free port) or another --port")
                } else {
                    outcome.set("\(site): error: cannot serve on \(host):\(port): \(error)")
                }
            }
            done.signal()
        }
        done.wait()
        if let message = outcome.message {
            console.err(message)
            return 1
        }
        return 0
    }

    final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var text: String?
        func set(_ message: String) { lock.lock(); text = message; lock.unlock() }
        var message: String? { lock.lock(); defer { lock.unlock() }; return text }
    }
}

extension Diagnostic {
    /// The same message as an error, as `--strict` reports a warning.
    var promotedToError: Diagnostic { Diagnostic(.error, location, message) }
}
