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
        case .text: try printText(value)
        }
    }

    /// Prints a result that has no table layout of its own: its JSON, or one table row per JSON field.
    func emitFields<Value: Encodable>(_ value: Value) throws {
        switch output {
        case .json: console.print(try JSONOutput.render(value))
        case .table: console.print(try FieldTable.of(value).render())
        case .text: try printText(value)
        }
    }

    /// The text form, without an empty line for a result with nothing to show (as `aws --output text`).
    private func printText<Value: Encodable>(_ value: Value) throws {
        let text = try TextOutput.render(value)
        guard !text.isEmpty else { return }
        console.print(text)
    }

    /// Prints a listing; in a table or text, `NextToken` follows on its own line when the listing stopped early.
    func emit<Item: Encodable>(list: ListOutput<Item>, table: @autoclosure () -> TableOutput) throws {
        if output == .text {
            // As the AWS CLI's text output: the items, then the token on a line of its own.
            var items = list
            items.nextToken = nil
            try printText(items)
            if let token = list.nextToken { console.print("NEXTTOKEN\t\(token.encoded)") }
            return
        }
        try emit(list, table: table())
        if output == .table, let token = list.nextToken {
            console.print("NextToken: \(token.encoded)")
        }
    }
}
