/// Parses JMESPath expressions: a Pratt parser with the binding powers of jmespath.org's reference parser.
public struct JMESPathParser {
    private var tokens: [JMESPathToken]
    private var position = 0
    /// How deeply expressions nest here. A model's path is input: nesting without end, or a chain so long that
    /// walking its tree would exhaust the stack, must be an error, not a crash. The limits sit far above any real
    /// waiter (and the compliance suite's 104-step projection benchmark).
    private var depth = 0
    static let maximumDepth = 512
    static let maximumTokens = 2_048

    /// The expression `text` denotes.
    public static func parse(_ text: String) throws(JMESPathError) -> JMESPathExpression {
        let tokens = try JMESPathLexer.tokens(text)
        guard tokens.count <= maximumTokens else {
            throw Self.syntax("the expression has more than \(maximumTokens) tokens")
        }
        var parser = JMESPathParser(tokens: tokens)
        let expression = try parser.expression(0)
        guard parser.current == .end else { throw Self.syntax("unexpected \(parser.current) after a complete expression") }
        return expression
    }

    private init(tokens: [JMESPathToken]) {
        self.tokens = tokens
    }

    private var current: JMESPathToken { tokens[position] }
    private func lookahead(_ offset: Int) -> JMESPathToken { tokens[min(position + offset, tokens.count - 1)] }

    private mutating func advance() -> JMESPathToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func expect(_ token: JMESPathToken) throws(JMESPathError) {
        guard current == token else { throw Self.syntax("expected \(token), found \(current)") }
        _ = advance()
    }

    private static func syntax(_ message: String) -> JMESPathError { JMESPathError(kind: .syntax, message: message) }

    private mutating func expression(_ bindingPower: Int) throws(JMESPathError) -> JMESPathExpression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw Self.syntax("the expression nests more than \(Self.maximumDepth) levels deep") }
        var left = try prefix(advance())
        while bindingPower < current.bindingPower {
            left = try infix(advance(), left)
        }
        return left
    }

    /// A token that starts an expression.
    private mutating func prefix(_ token: JMESPathToken) throws(JMESPathError) -> JMESPathExpression {
        switch token {
        case .literal(let value):
            return .literal(value)
        case .identifier(let name):
            return .field(name)
        case .quotedIdentifier(let name):
            if current == .leftParen { throw Self.syntax("a quoted identifier cannot name a function") }
            return .field(name)
        case .star:
            return .valueProjection(.current, try projectionRight(JMESPathToken.star.bindingPower))
        case .filter:
            return try filter(.current)
        case .leftBrace:
            return try multiSelectHash()
        case .leftParen:
            let inner = try expression(0)
            try expect(.rightParen)
            return inner
        case .flatten:
            return .listProjection(.flatten(.current), try projectionRight(JMESPathToken.flatten.bindingPower))
        case .not:
            return .not(try expression(JMESPathToken.not.bindingPower))
        case .leftBracket:
            if case .number = current { return try indexOrSlice(.current) }
            if current == .colon { return try indexOrSlice(.current) }
            if current == .star && lookahead(1) == .rightBracket {
                _ = advance()
                _ = advance()
                return .listProjection(.current, try projectionRight(JMESPathToken.star.bindingPower))
            }
            return try multiSelectList()
        case .current:
            return .current
        case .expressionReference:
            return .expressionReference(try expression(0))
        default:
            throw Self.syntax("unexpected \(token)")
        }
    }

    /// A token that continues `left`.
    private mutating func infix(_ token: JMESPathToken, _ left: JMESPathExpression) throws(JMESPathError) -> JMESPathExpression {
        switch token {
        case .dot:
            if current == .star {
                _ = advance()
                return .valueProjection(left, try projectionRight(JMESPathToken.dot.bindingPower))
            }
            return .subexpression(left, try dotRight(JMESPathToken.dot.bindingPower))
        case .pipe:
            return .pipe(left, try expression(JMESPathToken.pipe.bindingPower))
        case .or:
            return .or(left, try expression(JMESPathToken.or.bindingPower))
        case .and:
            return .and(left, try expression(JMESPathToken.and.bindingPower))
        case .comparator(let comparator):
            return .comparison(comparator, left, try expression(token.bindingPower))
        case .leftParen:
            guard case .field(let name) = left else { throw Self.syntax("only a name can be called as a function") }
            var arguments: [JMESPathExpression] = []
            while current != .rightParen {
                arguments.append(try expression(0))
                if current == .comma {
                    _ = advance()
                    if current == .rightParen { throw Self.syntax("a trailing ',' in a function call") }
                } else if current != .rightParen {
                    throw Self.syntax("expected ',' or ')' in a function call, found \(current)")
                }
            }
            _ = advance()
            return .function(name, arguments)
        case .filter:
            return try filter(left)
        case .flatten:
            return .listProjection(.flatten(left), try projectionRight(JMESPathToken.flatten.bindingPower))
        case .leftBracket:
            if case .number = current { return try indexOrSlice(left) }
            if current == .colon { return try indexOrSlice(left) }
            try expect(.star)
            try expect(.rightBracket)
            return .listProjection(left, try projectionRight(JMESPathToken.star.bindingPower))
        default:
            throw Self.syntax("unexpected \(token)")
        }
    }

    /// `[?condition]` after `left`, and what is projected after it.
    private mutating func filter(_ left: JMESPathExpression) throws(JMESPathError) -> JMESPathExpression {
        let condition = try expression(0)
        try expect(.rightBracket)
        let right: JMESPathExpression = current == .flatten ? .current : try projectionRight(JMESPathToken.filter.bindingPower)
        return .filterProjection(left, right, condition: condition)
    }

    /// `[n]` or `[start:stop:step]` (the opening bracket already read); a slice projects what follows.
    private mutating func indexOrSlice(_ left: JMESPathExpression) throws(JMESPathError) -> JMESPathExpression {
        if current == .colon || lookahead(1) == .colon {
            var parts: [Int?] = [nil, nil, nil]
            var part = 0
            while current != .rightBracket {
                switch current {
                case .colon:
                    part += 1
                    guard part < 3 else { throw Self.syntax("a slice has at most two ':'") }
                    _ = advance()
                case .number(let value):
                    parts[part] = value
                    _ = advance()
                default:
                    throw Self.syntax("expected a number or ':' in a slice, found \(current)")
                }
            }
            _ = advance()
            let slice = JMESPathExpression.slice(start: parts[0], stop: parts[1], step: parts[2])
            let sliced: JMESPathExpression = left == .current ? slice : .subexpression(left, slice)
            return .listProjection(sliced, try projectionRight(JMESPathToken.star.bindingPower))
        }
        guard case .number(let value) = advance() else { throw Self.syntax("expected an index") }
        try expect(.rightBracket)
        return left == .current ? .index(value) : .subexpression(left, .index(value))
    }

    /// What a projection applies to each element: nothing (the element itself), an index, a filter, or `.rest`.
    private mutating func projectionRight(_ bindingPower: Int) throws(JMESPathError) -> JMESPathExpression {
        if current.bindingPower < 10 { return .current }
        switch current {
        case .leftBracket, .filter:
            return try expression(bindingPower)
        case .dot:
            _ = advance()
            return try dotRight(bindingPower)
        default:
            throw Self.syntax("unexpected \(current) after a projection")
        }
    }

    /// What may follow a `.`: a name, `*`, a multi-select list or hash.
    private mutating func dotRight(_ bindingPower: Int) throws(JMESPathError) -> JMESPathExpression {
        switch current {
        case .identifier, .quotedIdentifier, .star:
            return try expression(bindingPower)
        case .leftBracket:
            _ = advance()
            return try multiSelectList()
        case .leftBrace:
            _ = advance()
            return try multiSelectHash()
        default:
            throw Self.syntax("unexpected \(current) after '.'")
        }
    }

    /// `[a, b, …]` (the opening bracket already read).
    private mutating func multiSelectList() throws(JMESPathError) -> JMESPathExpression {
        var elements: [JMESPathExpression] = []
        while true {
            elements.append(try expression(0))
            if current == .rightBracket { break }
            try expect(.comma)
        }
        _ = advance()
        return .multiSelectList(elements)
    }

    /// `{key: value, …}` (the opening brace already read).
    private mutating func multiSelectHash() throws(JMESPathError) -> JMESPathExpression {
        var pairs: [(key: String, value: JMESPathExpression)] = []
        while true {
            let key: String
            switch advance() {
            case .identifier(let name), .quotedIdentifier(let name): key = name
            default: throw Self.syntax("a multi-select hash key must be a name")
            }
            try expect(.colon)
            pairs.append((key, try expression(0)))
            if current == .rightBrace { break }
            try expect(.comma)
        }
        _ = advance()
        return .multiSelectHash(pairs)
    }
}
