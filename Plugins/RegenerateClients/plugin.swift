import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory regenerate [codegen options]`: regenerates checked-in
/// clients in place, exactly as `swift run codegen` does from the package's folder.
///
/// With no options that is every model in `models/` into `Generated/<Module>/`; any options are passed to
/// `codegen` as given (`--check`, `--model`, `--output`, `--config`, …), with relative paths taken from the
/// package's folder.
@main
struct RegenerateClients: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let codegen = try context.tool(named: "codegen")
        let process = Process()
        process.executableURL = codegen.url
        process.arguments = arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw RegenerateError(status: process.terminationStatus)
        }
    }
}

/// `codegen` failed; its own messages say why.
struct RegenerateError: Error, CustomStringConvertible {
    var status: Int32
    var description: String { "codegen failed (exit status \(status)); see its messages above" }
}
