import PackagePlugin
import Foundation

/// Embeds the chat page (`ChatPage/chat.html` of the target it is applied to) into the target as
/// `ChatPageHTML.text`, at build time. The HTML file stays the source of truth and the binary needs
/// no resource bundle beside it, so it serves the page from any working directory or install path.
@main
struct EmbedChatPage: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        // Target.directoryURL needs tools version 6.1; the package is 6.0, and its targets keep
        // SwiftPM's conventional Sources/<name> layout.
        let input = context.package.directoryURL.appending(path: "Sources/\(target.name)/ChatPage/chat.html")
        let output = context.pluginWorkDirectoryURL.appending(path: "ChatPageHTML.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(input.lastPathComponent) into \(target.name)",
                executable: try context.tool(named: "EmbedText").url,
                arguments: [input.path(), output.path(), "ChatPageHTML"],
                inputFiles: [input],
                outputFiles: [output]
            )
        ]
    }
}
