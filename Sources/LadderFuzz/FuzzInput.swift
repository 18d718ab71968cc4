import Foundation
import LadderCore
import LadderGenerate
import LadderLoad
import LadderMarkdown
import LadderModel

/// One input through every stage that reads what a user writes: front-matter splitting, YAML, the
/// page model and ladder recognition, Markdown rendering with link rewriting, and (now and then) a
/// whole build with the theme. Only a crash, a trap or a hang is a finding; diagnostics are results.
enum FuzzInput {
    /// Pages the fuzzed one sits beside, so links, levels and tracks have something to meet.
    static let neighbours: [(path: String, text: String)] = [
        ("eng/l1.md", "---\nlevel: L1\ntitle: One\n---\n## Impact\n\n- Ships small things.\n\n## Craft\n\n- Learns.\n"),
        ("eng/l2.md", "---\nlevel: L2\n---\n## Impact\n\n- Ships features. See [L1](l1.md#impact).\n"),
        ("index.md", "# Home\n\n[Engineering](eng/l1.md) and [about](about.md).\n"),
    ]

    /// Runs the stages on `bytes` as the page `eng/fuzz.md` (a level file when its front matter says so).
    static func run(_ bytes: [UInt8]) {
        let data = Data(bytes)
        guard case .success(let text) = UTF8Validation.decode(data, displayPath: "content/eng/fuzz.md") else { return }
        let parts = FrontMatterSplitter.split(text)
        // The whole text as YAML too (site.yml and data files are YAML all through).
        _ = try? YAMLReader(path: "content/site.yml").readMapping(text)
        // The fast ways of reading front matter must read what Yams with its defaults reads, or step aside.
        if let yaml = parts.yaml { crossCheckYAML(String(yaml)) }
        _ = try? SiteConfig.parse(text, path: "content/site.yml")

        var sources: [PageSource] = []
        for page in neighbours {
            if let source = try? ContentLoader.parsePage(text: page.text, displayPath: "content/" + page.path, contentPath: page.path) {
                sources.append(source)
            }
        }
        if let fuzzed = try? ContentLoader.parsePage(text: text, displayPath: "content/eng/fuzz.md", contentPath: "eng/fuzz.md") {
            sources.append(fuzzed)
        } else if let body = try? ContentLoader.parsePage(text: "\n" + FrontMatterSplitter.split(text).body,
                                                          displayPath: "content/eng/fuzz.md", contentPath: "eng/fuzz.md") {
            // Front matter that does not parse: the body alone still goes through Markdown.
            sources.append(body)
        }
        let content = LoadedContent(config: SiteConfig(), pages: sources, staticFiles: [], diagnostics: [])
        var (model, _) = ModelBuilder(includeDrafts: true).build(content)
        let bodies = model.takeBodies()
        let known = Set(model.pages.map(\.url) + model.levels.map(\.url))
        let resolver = LinkResolver(model: model, basePath: "/", knownURLs: known)
        for (index, page) in model.pages.enumerated() {
            var renderer = MarkdownRenderer(displayPath: page.source.displayPath, bodyLine: page.source.bodyLine,
                                            allowRawHTML: index % 2 == 0,
                                            levelList: model.levelLists[index]) { url, isImage, location in
                resolver.resolve(url, from: page, pageIndex: index, isImage: isImage, at: location).url
            }
            renderer.pasted = page.source.pasted
            renderer.levelMentions = Dictionary(model.levels.map { ($0.id.uppercased(), $0.url) }) { first, _ in first }
            renderer.appendedBlocks = model.appendedBlocks[index] ?? []
            renderer.headingShift = page.headingShift
            _ = renderer.render(bodies[index])
        }
    }

    /// A difference between `FlatYAML` or the tuned Yams parse and Yams with its defaults (values, positions,
    /// errors) is a finding: it traps, and the watchdog saves the input.
    static func crossCheckYAML(_ yaml: String) {
        let reader = YAMLReader(path: "content/eng/fuzz.md", firstLine: 2)
        let text = YAMLReader.separatingTabsAsSpaces(yaml)
        func outcome(_ read: () throws(Diagnostic) -> YAMLMap) -> Result<YAMLMap, Diagnostic> {
            do { return .success(try read()) } catch { return .failure(error) }
        }
        let reference = outcome { () throws(Diagnostic) in try reader.readMappingWithYams(text, yamsDefaults: true) }
        let tuned = outcome { () throws(Diagnostic) in try reader.readMappingWithYams(text) }
        precondition(tuned == reference, "the tuned Yams parse differs from Yams' defaults on \(text.debugDescription)")
        if let flat = FlatYAML.read(text, reader: reader) {
            precondition(.success(flat) == reference, "FlatYAML differs from Yams on \(text.debugDescription)")
        }
    }

    /// The whole build, theme included, on a site folder holding the input as a page.
    static func buildSite(_ bytes: [UInt8], in folder: String) {
        let content = folder + "/content"
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.createDirectory(atPath: content + "/eng", withIntermediateDirectories: true)
        for page in neighbours { _ = FileManager.default.createFile(atPath: content + "/" + page.path, contents: Data(page.text.utf8)) }
        _ = FileManager.default.createFile(atPath: content + "/eng/fuzz.md", contents: Data(bytes))
        _ = try? SiteGenerator(options: BuildOptions(siteFolder: folder, includeDrafts: true)).build(into: MemorySink())
    }
}
