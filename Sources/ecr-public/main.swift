// The `ecr-public` command-line tool: `aws ecr-public`'s commands on the generated ECRPublic client.
// Installed or linked as `docker-credential-ecr-public`, it is Docker's credential helper for public.ecr.aws.
import Foundation

MemoryTuning.returnLargeBuffersToTheSystem()
let programName = CommandLine.arguments.first.map { ($0 as NSString).lastPathComponent } ?? ""
let arguments = Array(CommandLine.arguments.dropFirst())
if programName == CredentialHelper.programName {
    exit(await CredentialHelper.run(arguments: arguments, environment: ProcessInfo.processInfo.environment) {
        (try? FileHandle.standardInput.readToEnd()) ?? Data()
    })
}
exit(await ECRPublicTool.run(arguments: arguments))
