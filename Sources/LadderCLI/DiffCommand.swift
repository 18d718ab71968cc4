import ArgumentParser
import Foundation
import LadderCore
import LadderDiff
import LadderGenerate
import LadderModel

/// `ladder diff [REV] [REV2]`: what changed in the ladder between two versions of the site in git, per
/// track, level and competency: expectations reworded (word by word), new and no longer listed.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Say what changed in the ladder between two git revisions (default: the last commit and the working tree).")

    @Argument(help: "The older revision (default: HEAD).")
    var from: String?

    @Argument(help: "The newer revision (default: the working tree, uncommitted edits included).")
    var to: String?

    @Option(help: "The site folder, inside a git repository (holds content/).")
    var site = "."

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    func execute(console: Console, colour: Bool) -> Int32 {
        let git = Git(folder: site)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ladder-diff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            let older = from ?? "HEAD"
            let olderSite = try git.export(older, into: scratch.appendingPathComponent("a"))
            let newerSite = try to.map { try git.export($0, into: scratch.appendingPathComponent("b")) } ?? site
            var options = BuildOptions(siteFolder: olderSite, includeDrafts: drafts)
            let a = try read(options, named: older)
            options.siteFolder = newerSite
            let b = try read(options, named: to ?? "the working tree")
            let changes = LadderChanges(from: a, to: b)
            if json {
                console.out(Self.json(changes, from: older, to: to))
            } else {
                for line in Self.text(changes, from: older, to: to, colour: colour) { console.out(line) }
            }
            return 0
        } catch let failure as DiffFailure {
            console.err("error: \(failure.message)")
            return 1
        } catch {
            console.err("error: \(error)")
            return 1
        }
    }

    func read(_ options: BuildOptions, named name: String) throws -> LadderSnapshot {
        do {
            return try LadderSnapshot.read(options)
        } catch {
            let lines = error.diagnostics.filter { $0.severity == .error }.prefix(5).map(\.description)
            throw DiffFailure(message: "the site at \(name) does not build:\n" + lines.joined(separator: "\n"))
        }
    }

    // MARK: - Output

    /// One line per level with changes and per competency, then one per change: `~` reworded with
    /// `[-removed-]{+added+}` words (coloured instead on a terminal), `+` new, `-` no longer listed.
    static func text(_ changes: LadderChanges, from: String, to: String?, colour: Bool) -> [String] {
        var lines: [String] = []
        guard !changes.levels.isEmpty else { return ["No changes to the ladder between \(from) and \(to ?? "the working tree")."] }
        var track: String?
        for level in changes.levels {
            if level.trackID != track {
                track = level.trackID
                lines.append(bold("\(level.trackTitle) (\(level.trackID))", colour))
            }
            let status = level.status == .changed ? "" : " (\(level.status == .added ? "new level" : "removed level"))"
            let name = level.id == LadderSnapshot.sharedLevelID ? level.title : "\(level.id) \(level.title)"
            lines.append("  " + bold(name, colour) + status)
            for competency in level.competencies {
                lines.append("    \(competency.name.isEmpty ? "Expectations" : competency.name): \(competency.counts.summary)")
                for item in competency.items {
                    switch item.kind {
                    case .reworded(let words):
                        lines.append("      ~ " + wordsText(words, colour))
                    case .added:
                        lines.append("      " + paint("+ " + (item.new?.text ?? ""), "32", colour))
                    case .removed:
                        lines.append("      " + paint("- " + (item.old?.text ?? ""), "31", colour))
                    }
                }
            }
        }
        return lines
    }

    static func wordsText(_ runs: [WordRun], _ colour: Bool) -> String {
        runs.map { run in
            switch run.kind {
            case .same: run.text
            case .added: colour ? paint(run.text, "32;4", true) : "{+\(run.text)+}"
            case .removed: colour ? paint(run.text, "31;9", true) : "[-\(run.text)-]"
            }
        }.joined(separator: " ")
    }

    static func paint(_ text: String, _ code: String, _ colour: Bool) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    static func bold(_ text: String, _ colour: Bool) -> String { paint(text, "1", colour) }

    static func json(_ changes: LadderChanges, from: String, to: String?) -> String {
        let levels: [[String: Any]] = changes.levels.map { level in
            [
                "track": level.trackID, "track_title": level.trackTitle, "level": level.id, "title": level.title,
                "status": level.status.rawValue,
                "competencies": level.competencies.map { competency -> [String: Any] in
                    [
                        "id": competency.id, "name": competency.name,
                        "counts": ["unchanged": competency.counts.unchanged, "reworded": competency.counts.reworded,
                                   "new": competency.counts.new, "no_longer_listed": competency.counts.noLongerListed],
                        "changes": competency.items.map { item -> [String: Any] in
                            var out: [String: Any] = [:]
                            switch item.kind {
                            case .reworded(let words):
                                out["change"] = "reworded"
                                // The older text as the words show it: the words without the added ones.
                                out["old"] = words.filter { $0.kind != .added }.map(\.text).joined(separator: " ")
                                out["words"] = words.map { ["kind": $0.kind.rawValue, "text": $0.text] }
                            case .added: out["change"] = "new"
                            case .removed:
                                out["change"] = "no-longer-listed"
                                out["old"] = item.old?.text
                            }
                            if let new = item.new { out["new"] = new.text }
                            return out
                        },
                    ]
                },
            ]
        }
        let object: [String: Any] = ["from": from, "to": to ?? NSNull(), "levels": levels]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

/// What `ladder diff` fails with: git's own failures (`GitFailure`) and a revision that does not build.
typealias DiffFailure = GitFailure
