import ArgumentParser
import CLadderBuild
import Foundation

/// The version `ladder --version` prints.
public enum LadderVersion {
    public static let current = "0.9.0"

    /// The commit the binary was built from, when the build stamped one (`make dist` does), else "".
    public static var commit: String { String(cString: ladder_build_commit()) }

    /// What `ladder --version` prints: `ladder 0.9.0 (abc1234)` for a stamped build, `ladder 0.9.0` for a
    /// plain `swift build`.
    public static var display: String { "ladder \(current)" + (commit.isEmpty ? "" : " (\(commit))") }
}

/// `ladder new [DIR]`: a starter site that builds as it is, written only into a folder with nothing in it.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Write a starter site (site.yml, a track of three levels, a one-file track, a page) into a new or empty folder.")

    @Argument(help: "The folder to create (default: the current folder, which must be empty).")
    var folder: String = "."

    func execute(console: Console) -> Int32 {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                console.err("\(folder): error: a file of that name exists; give a new folder name, such as 'ladder new careers'")
                return 1
            }
            // Hidden files count: a `.git` folder is someone's work.
            let entries = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
            if !entries.isEmpty {
                console.err("\(folder): error: the folder is not empty (\(entries.count) \(entries.count == 1 ? "entry" : "entries")); "
                            + "ladder new writes only into a new or empty folder, so nothing of yours is overwritten. "
                            + "Give a new folder name, such as 'ladder new careers'")
                return 1
            }
        }
        do {
            for (path, text) in StarterSite.files {
                let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            console.err("\(folder): error: cannot write the starter site: \(error.localizedDescription)")
            return 1
        }
        let site = folder == "." ? "" : " " + Self.shellQuoted(folder)
        console.out("Wrote a starter site to \(folder == "." ? "this folder" : folder) (\(StarterSite.files.count) files). Next:")
        console.out("  ladder serve\(site)    # preview at http://127.0.0.1:4000/, rebuilt as you edit")
        console.out("  ladder build\(site)    # write the site to \(folder == "." ? "" : folder + "/")public/")
        return 0
    }

    /// A folder name as a shell would need it typed.
    static func shellQuoted(_ text: String) -> String {
        text.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) }) ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
