import Foundation
import LadderCLI
@testable import LadderCore
@testable import LadderLoad
@testable import LadderMarkdown
@testable import LadderModel
@testable import LadderRender
@testable import LadderSearch
@testable import LadderGenerate
import Testing

/// Paths of the repository and its test fixtures (tests read real files, never `../shared/`).
enum Repo {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")

    static func fixture(_ path: String) -> URL { fixtures.appendingPathComponent(path) }

    /// Every line (CRLF kept as written) of the example site's and the fixtures' files with these
    /// extensions: real text of every shape the project has, for tests comparing a fast path with the
    /// general one.
    static func contentLines(extensions: Set<String>) -> [String] {
        var lines: [String] = []
        for folder in [root.appendingPathComponent("content"), fixtures] {
            guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in files where extensions.contains(file.pathExtension) {
                guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
        }
        return lines
    }

    /// The `ladder` executable SwiftPM built next to the test bundle.
    static var binary: URL {
        var url = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = url.appendingPathComponent("ladder")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            url = url.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/ladder")
    }
}

/// A copy of a fixture site in a fresh temporary folder, so builds can write `public/` next to it.
struct TempSite {
    let folder: URL

    init(copying source: URL? = nil, files: [String: String] = [:]) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("ladder-test-\(UUID().uuidString)")
        if let source {
            try FileManager.default.copyItem(at: source, to: folder)
        } else {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        for (path, text) in files { try write(path, text) }
    }

    var path: String { folder.path }

    func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path) }

    /// Every file under `path` with its bytes, for byte-for-byte comparisons.
    func snapshot(_ path: String = "public") -> [String: Data] {
        let root = folder.appendingPathComponent(path)
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return out }
        while let rel = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            let full = root.appendingPathComponent(rel).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = FileManager.default.contents(atPath: full)
            }
        }
        return out
    }

    /// Runs `ladder ARGS` in-process (the same code the executable runs) and captures its output.
    func ladder(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
        let capture = Capture()
        let status = LadderCommand.run(arguments, console: Console(out: { capture.add(out: $0) }, err: { capture.add(err: $0) }))
        return (status, capture.out, capture.err)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

final class Capture: @unchecked Sendable {
    private let lock = NSLock()
    private var outLines: [String] = []
    private var errLines: [String] = []
    func add(out: String) { lock.lock(); outLines.append(out); lock.unlock() }
    func add(err: String) { lock.lock(); errLines.append(err); lock.unlock() }
    var out: String { lock.lock(); defer { lock.unlock() }; return outLines.joined(separator: "\n") }
    var err: String { lock.lock(); defer { lock.unlock() }; return errLines.joined(separator: "\n") }
}

/// Runs an executable and returns its exit status and output.
func runProcess(_ executable: URL, _ arguments: [String], in folder: URL) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// A page with the criterion ids (`<li id="c-…">`) taken out, for tests about the text of list items.
func withoutCriterionIDs(_ html: String) -> String {
    html.replacingOccurrences(of: " id=\"c-[^\"]*\"", with: "", options: .regularExpression)
}

/// Every string of up to `pieces` pieces from `alphabet` (the empty string first), for checking a fast
/// path against the slow one it replaces on all the awkward combinations.
func everyString(over alphabet: [String], upTo pieces: Int) -> [String] {
    var all: [String] = []
    func grow(_ prefix: String, _ depth: Int) {
        all.append(prefix)
        guard depth < pieces else { return }
        for piece in alphabet { grow(prefix + piece, depth + 1) }
    }
    grow("", 0)
    return all
}
