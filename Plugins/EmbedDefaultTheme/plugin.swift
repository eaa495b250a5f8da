import Foundation
import PackagePlugin

/// Embeds themes/default into the target it is applied to (DefaultTheme, whose folder holds it) at build time: ThemeEmbedder
/// writes BuiltInThemeFiles.swift into the plugin's work folder, never into the repository, so the
/// theme folder stays the one source of truth and nothing generated is checked in.
@main
struct EmbedDefaultTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let theme = context.package.directoryURL.appendingPathComponent("themes/default")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuiltInThemeFiles.swift")
        // Every file, and every folder (its listing changes when a file is added or removed).
        var inputs: [URL] = [theme]
        if let walker = FileManager.default.enumerator(at: theme, includingPropertiesForKeys: nil) {
            for case let url as URL in walker { inputs.append(url) }
        }
        return [.buildCommand(displayName: "Embedding themes/default into densho",
                              executable: try context.tool(named: "ThemeEmbedder").url,
                              arguments: [theme.path, output.path],
                              inputFiles: inputs, outputFiles: [output])]
    }
}
