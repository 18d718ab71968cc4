import Foundation
import PackagePlugin

/// Embeds `templates/` into LadderRender as `DefaultTheme.files`. Every theme file is an input of the
/// command, so editing, adding or removing a template regenerates the Swift file on the next build.
@main
struct ThemePlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultTheme.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: templates, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where !url.hasDirectoryPath { inputs.append(url) }
        }
        return [.buildCommand(
            displayName: "Embedding templates/ as the built-in theme",
            executable: try context.tool(named: "ThemeEmbedder").url,
            arguments: [templates.path, output.path],
            inputFiles: inputs.sorted { $0.path < $1.path },
            outputFiles: [output])]
    }
}
