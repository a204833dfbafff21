import AWSRuntime
import ECRPublic

/// Prints an error the way the AWS CLI does and picks the exit status.
///
/// Service errors read `An error occurred (Code) when calling the Operation operation: message` (status 1);
/// usage errors and inputs that break the model's constraints show usage or the violations (status 2);
/// transport, credential and configuration failures get a one-line explanation (status 1). No message
/// contains a secret: the runtime's errors never carry one.
struct ErrorReporter {
    let console: Console
    let help: HelpText

    /// Reports `error` on standard error and returns the exit status.
    func report(_ error: any Error) -> Int32 {
        switch error {
        case let usage as UsageError:
            return reportUsage(usage)
        case let invalid as ValidationError:
            console.error("\nParameter validation failed for the \(invalid.operation) operation:")
            invalid.violations.forEach { console.error("  - \($0)") }
            return ExitStatus.usage
        case let source as ImageSourceError:
            console.error("\n\(HelpText.program): \(source)")
            return ExitStatus.usage
        case let service as any ServiceError:
            console.error("\n" + Self.serviceErrorLine(
                code: service.errorCode, operation: service.context.operation, message: service.message))
            return ExitStatus.failure
        default:
            console.error("\n" + Self.runtimeErrorLine(error))
            return ExitStatus.failure
        }
    }

    /// The AWS CLI's line for an error response.
    static func serviceErrorLine(code: String, operation: String, message: String?) -> String {
        "An error occurred (\(code)) when calling the \(operation) operation: \(message ?? "Unknown")"
    }

    /// One line for a failure that is not a modelled error response.
    static func runtimeErrorLine(_ error: any Error) -> String {
        switch error {
        case let runtime as ClientRuntimeError:
            if case let .unexpectedResponse(operation, status, code, _, excerpt) = runtime {
                return serviceErrorLine(code: code ?? "HTTP \(status)", operation: operation,
                                        message: excerpt.isEmpty ? nil : excerpt)
            }
            return "\(HelpText.program): \(runtime)"
        case let transport as HTTPClientError:
            return "Could not connect to the endpoint: \(transport)"
        case let credentials as CredentialProviderError:
            return "Unable to locate credentials: \(credentials)"
        case let config as ConfigError:
            return "\(HelpText.program): \(config)"
        case let failure as ToolFailure:
            return "\(HelpText.program): \(failure.message)"
        default:
            return "\(HelpText.program): \(error)"
        }
    }

    private func reportUsage(_ usage: UsageError) -> Int32 {
        console.error(help.usage(for: usage.command))
        console.error("")
        console.error("\(HelpText.program): error: \(usage.message)")
        return ExitStatus.usage
    }
}
