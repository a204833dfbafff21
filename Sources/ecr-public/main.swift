// The `ecr-public` command-line tool: `aws ecr-public`'s commands on the generated ECRPublic client.
import Foundation

exit(await ECRPublicTool.run(arguments: Array(CommandLine.arguments.dropFirst())))
