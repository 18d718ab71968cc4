import Foundation

/// A git command that failed, or a revision the repository does not have, in words for the user.
public struct GitFailure: Error, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
}

/// git, run as a process in the site's repository.
public struct Git: Sendable {
    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// Writes the site's `content/` as it is at `revision` under `scratch`; returns the site folder there.
    public func export(_ revision: String, into scratch: URL) throws -> String {
        let top = try run(["rev-parse", "--show-toplevel"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let prefix = try run(["rev-parse", "--show-prefix"]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard (try? run(["rev-parse", "--verify", "--quiet", revision + "^{commit}"])) != nil else {
            throw GitFailure(message: "'\(revision)' is not a revision of the repository at \(top)")
        }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let archive = scratch.appendingPathComponent("site.tar").path
        do {
            _ = try run(["-C", top, "archive", "--format=tar", "-o", archive, revision, "--", prefix + "content"])
        } catch {
            throw GitFailure(message: "\(revision) has no \(prefix)content/ folder")
        }
        _ = try Self.process("/usr/bin/env", ["tar", "-xf", archive, "-C", scratch.path])
        return scratch.appendingPathComponent(prefix).path
    }

    public func run(_ arguments: [String]) throws -> String {
        try Self.process("/usr/bin/env", ["git", "-C", folder] + arguments)
    }

    /// Runs a program and returns its standard output; throws with its standard error when it fails.
    public static func process(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw GitFailure(message: "cannot run \(arguments.first ?? executable): \(error)") }
        // Standard error is read on another thread while standard output is read here, so neither pipe
        // can fill and stall the process.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitFailure(message: String(decoding: errBox.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
