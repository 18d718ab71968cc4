import Foundation
import LadderLoad
@testable import LadderModel
import Testing

/// The manual's reference (docs/content/reference/) against the code: every `site.yml` key the loader
/// knows (`SiteConfig.knownKeys`, and `SiteConfig.nestedKeys` as `tracks.title`), every front-matter key the model reads (`Page.knownKeys`) and every
/// option of every command of the real binary (its `--experimental-dump-help`) must be named in the first
/// column of a reference table, and the tables may name nothing the code does not know.
@Suite struct ManualReferenceTests {
    static let reference = Repo.root.appendingPathComponent("docs/content/reference")

    static func page(_ name: String) throws -> String {
        try String(contentsOf: reference.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func everySiteYmlKeyIsInTheReference() throws {
        // Keys inside a key's map are written `tracks.title`.
        let known = SiteConfig.knownKeys.union(SiteConfig.nestedKeys.flatMap { key, inner in inner.map { key + "." + $0 } })
        #expect(known.count > SiteConfig.knownKeys.count)
        let documented = ReferenceTables(try Self.page("site-yml.md")).names()
        let missing = known.subtracting(documented).sorted()
        #expect(missing.isEmpty, "site.yml keys the loader reads but docs/content/reference/site-yml.md does not name: \(missing)")
        let unknown = documented.subtracting(known).sorted()
        #expect(unknown.isEmpty, "site-yml.md names keys the loader does not read: \(unknown)")
    }

    @Test func everyFrontMatterKeyIsInTheReference() throws {
        let documented = ReferenceTables(try Self.page("front-matter.md")).names()
        let missing = Page.knownKeys.subtracting(documented).sorted()
        #expect(missing.isEmpty, "front-matter keys Ladder reads but docs/content/reference/front-matter.md does not name: \(missing)")
        let unknown = documented.subtracting(Page.knownKeys).sorted()
        #expect(unknown.isEmpty, "front-matter.md names keys Ladder does not read: \(unknown)")
    }

    /// Each command has a `## \`ladder NAME\`` section whose table names its options; `--help` and `--version`,
    /// which every command has, are in the "Every command" section.
    @Test func everyCommandAndOptionIsInTheReference() throws {
        let run = try runProcess(Repo.binary, ["--experimental-dump-help"], in: Repo.root)
        #expect(run.status == 0, "ladder --experimental-dump-help: \(run.err)")
        let tool = try JSONDecoder().decode(ToolInfo.self, from: Data(run.out.utf8))
        let tables = ReferenceTables(try Self.page("commands.md"))
        let everyCommand: Set = ["--help", "-h", "--version"]
        let commands = (tool.command.subcommands ?? []).filter { $0.commandName != "help" }
        #expect(commands.count >= 5, "the binary lists \(commands.map(\.commandName))")
        for command in commands {
            let section = "`ladder \(command.commandName)`"
            #expect(tables.sections.contains(section), "commands.md has no section \(section)")
            let options = Set((command.arguments ?? []).flatMap { $0.names ?? [] }.map(\.spelled)).subtracting(everyCommand)
            let documented = tables.names(in: section)
            let missing = options.subtracting(documented).sorted()
            #expect(missing.isEmpty, "options of ladder \(command.commandName) missing from its section of commands.md: \(missing)")
            let unknown = documented.subtracting(options).sorted()
            #expect(unknown.isEmpty, "commands.md names options ladder \(command.commandName) does not have: \(unknown)")
        }
        let shared = Set((tool.command.arguments ?? []).flatMap { $0.names ?? [] }.map(\.spelled))
        #expect(shared == everyCommand, "the root command's options changed: \(shared.sorted())")
        #expect(tables.names(in: "Every command") == everyCommand, "commands.md's 'Every command' table: \(tables.names(in: "Every command").sorted())")
    }

    /// The check itself: a reference missing a key is caught.
    @Test func aKeyLeftOutIsCaught() throws {
        let text = try Self.page("site-yml.md")
        let without = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("| `base_url` |") }.joined(separator: "\n")
        #expect(without != text)
        #expect(!ReferenceTables(without).names().contains("base_url"))
        #expect(ReferenceTables(text).names().contains("base_url"))
    }
}

/// The names a reference page's tables give: the code spans of each row's first cell, each up to its first
/// space (`` `--output DIR` `` names `--output`), grouped by the `##` section they are in.
struct ReferenceTables {
    /// Section heading text (the page's `#` title for what comes before the first `##`) → names.
    private(set) var bySection: [String: Set<String>] = [:]
    private(set) var sections: [String] = []

    init(_ markdown: String) {
        var section = ""
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            if inFence { continue }
            if line.hasPrefix("## ") {
                section = String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                sections.append(section)
                continue
            }
            guard line.hasPrefix("|") else { continue }
            let cells = line.dropFirst().split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            guard let first = cells.first else { continue }
            let spans = first.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map(\.element)
            for span in spans {
                guard let name = span.split(separator: " ").first else { continue }
                bySection[section, default: []].insert(String(name))
            }
        }
    }

    /// Every name, or those of one section.
    func names(in section: String? = nil) -> Set<String> {
        guard let section else { return bySection.values.reduce(into: []) { $0.formUnion($1) } }
        return bySection[section] ?? []
    }
}

/// The parts of ArgumentParser's `--experimental-dump-help` JSON this test reads.
struct ToolInfo: Decodable {
    struct Command: Decodable {
        var commandName: String
        var arguments: [Argument]?
        var subcommands: [Command]?
    }
    struct Argument: Decodable {
        var names: [Name]?
    }
    struct Name: Decodable {
        var kind: String
        var name: String
        var spelled: String { kind == "short" ? "-" + name : kind == "longWithSingleDash" ? "-" + name : "--" + name }
    }
    var command: Command
}
