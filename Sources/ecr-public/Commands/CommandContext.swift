import AWSRuntime
import ECRPublic

/// What a running command works with: the client, the output format and the console.
struct CommandContext: Sendable {
    var client: ECRPublicClient
    var output: OutputFormat
    var console: Console

    /// Prints a result: its JSON (as `aws --output json` would) or its table.
    func emit<Value: Encodable>(_ value: Value, table: @autoclosure () -> TableOutput) throws {
        switch output {
        case .json: console.print(try JSONOutput.render(value))
        case .table: console.print(table().render())
        }
    }

    /// Prints a result that has no table layout of its own: its JSON, or one table row per JSON field.
    func emitFields<Value: Encodable>(_ value: Value) throws {
        switch output {
        case .json: console.print(try JSONOutput.render(value))
        case .table: console.print(try FieldTable.of(value).render())
        }
    }

    /// Prints a listing; in a table, `NextToken` follows on its own line when the listing stopped early.
    func emit<Item: Encodable>(list: ListOutput<Item>, table: @autoclosure () -> TableOutput) throws {
        try emit(list, table: table())
        if output == .table, let token = list.nextToken {
            console.print("NextToken: \(token.encoded)")
        }
    }
}
