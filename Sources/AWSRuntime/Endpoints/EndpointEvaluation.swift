import Foundation

/// The state of one rule-set evaluation: the value of every parameter and `assign`ed name, by slot.
///
/// Expressions evaluate to `nil` when a value is unset (an unset parameter, a failed `parseArn`, a missing
/// `getAttr` member); a condition holds when its value is set and not `false`.
struct EndpointEvaluation {
    var slots: [JSONValue?]
    let partitions: AWSPartitionTable

    /// Returns the outcome of the first rule whose conditions hold.
    ///
    /// Paths for error messages are autoclosures so that the common, successful evaluation builds no strings.
    mutating func evaluate(_ rules: [EndpointRule], path: @autoclosure () -> String) throws -> ResolvedEndpoint {
        for rule in rules where conditionsHold(rule.conditions) {
            switch rule.outcome {
            case .endpoint(let definition):
                return try endpoint(definition, path: rule.path)
            case .error(let message):
                throw EndpointError.ruleSetError(message: try requiredString(message, path: "\(rule.path).error"))
            case .tree(let children):
                return try evaluate(children, path: "\(rule.path).rules")
            }
        }
        throw EndpointError.noMatchingRule(path: path())
    }

    private mutating func conditionsHold(_ conditions: [EndpointCondition]) -> Bool {
        for condition in conditions {
            let result = value(of: condition.expression)
            guard Self.isTruthy(result) else { return false }
            if let assignment = condition.assignment { slots[assignment.slot] = result }
        }
        return true
    }

    static func isTruthy(_ value: JSONValue?) -> Bool {
        guard let value else { return false }
        return value != .bool(false)
    }

    private func endpoint(_ definition: EndpointTemplateDefinition, path: String) throws -> ResolvedEndpoint {
        let url = try requiredString(definition.url, path: "\(path).endpoint.url")
        var headers: [String: [String]] = [:]
        for (name, values) in definition.headers {
            headers[name] = try values.enumerated().map { index, value in
                try requiredString(value, path: "\(path).endpoint.headers.\(name)[\(index)]")
            }
        }
        var properties: [String: JSONValue] = [:]
        for (name, expression) in definition.properties {
            guard let value = value(of: expression) else {
                throw EndpointError.evaluationFailed(
                    path: "\(path).endpoint.properties.\(name)", reason: "the property's value is unset")
            }
            properties[name] = value
        }
        return ResolvedEndpoint(url: url, headers: headers, properties: properties)
    }

    private func requiredString(_ expression: EndpointExpression, path: @autoclosure () -> String) throws
        -> String
    {
        switch value(of: expression) {
        case .string(let text):
            return text
        case nil:
            throw EndpointError.evaluationFailed(path: path(), reason: "a value used here is unset")
        case let other?:
            throw EndpointError.evaluationFailed(path: path(), reason: "expected a string, found \(other.kindName)")
        }
    }

    /// Evaluates an expression; `nil` means unset.
    func value(of expression: EndpointExpression) -> JSONValue? {
        switch expression {
        case .literal(let value):
            return value
        case .variable(let variable):
            return slots[variable.slot]
        case .template(let template):
            return render(template).map(JSONValue.string)
        case .call(let function, let arguments):
            return call(function, arguments)
        case .array(let elements):
            var values: [JSONValue] = []
            values.reserveCapacity(elements.count)
            for element in elements {
                guard let value = value(of: element) else { return nil }
                values.append(value)
            }
            return .array(values)
        case .object(let members):
            var values: [String: JSONValue] = [:]
            for (key, member) in members {
                guard let value = value(of: member) else { return nil }
                values[key] = value
            }
            return .object(values)
        }
    }

    /// Renders a template, or `nil` when a placeholder's value is unset or not text.
    private func render(_ template: EndpointTemplate) -> String? {
        var text = ""
        for part in template.parts {
            switch part {
            case .text(let literal):
                text += literal
            case .placeholder(let variable, let path):
                guard var value = slots[variable.slot] else { return nil }
                if let path {
                    guard let member = path.value(in: value) else { return nil }
                    value = member
                }
                switch value {
                case .string(let string): text += string
                case .bool(let bool): text += bool ? "true" : "false"
                case .number: guard let integer = value.integerValue else { return nil }; text += String(integer)
                case .null, .array, .object: return nil
                }
            }
        }
        return text
    }

    /// Applies a standard function; arguments are evaluated only as the function needs them.
    private func call(_ function: EndpointFunction, _ arguments: [EndpointExpression]) -> JSONValue? {
        switch function {
        case .isSet:
            return .bool(value(of: arguments[0]) != nil)
        case .not:
            // Unset counts as false, as in a condition, so `not(someUnsetCheck)` holds.
            return .bool(!Self.isTruthy(value(of: arguments[0])))
        case .booleanEquals:
            // Comparing an unset value is false rather than unset, so that `not(booleanEquals(x, true))` holds
            // when `x` is unset, as in the reference SDKs.
            guard let left = value(of: arguments[0])?.boolValue, let right = value(of: arguments[1])?.boolValue
            else { return .bool(false) }
            return .bool(left == right)
        case .stringEquals:
            guard let left = value(of: arguments[0])?.stringValue, let right = value(of: arguments[1])?.stringValue
            else { return .bool(false) }
            return .bool(left == right)
        case .getAttr(let path):
            return value(of: arguments[0]).flatMap(path.value(in:))
        case .substring:
            guard let input = value(of: arguments[0])?.stringValue,
                let start = value(of: arguments[1])?.integerValue,
                let stop = value(of: arguments[2])?.integerValue,
                let reverse = value(of: arguments[3])?.boolValue
            else { return nil }
            return EndpointStandardLibrary.substring(input, start: start, stop: stop, reverse: reverse)
                .map(JSONValue.string)
        case .uriEncode:
            return value(of: arguments[0])?.stringValue.map { .string(EndpointStandardLibrary.uriEncode($0)) }
        case .parseURL:
            return value(of: arguments[0])?.stringValue.flatMap { EndpointURL(parsing: $0)?.value }
        case .isValidHostLabel:
            guard let label = value(of: arguments[0])?.stringValue,
                let allowSubDomains = value(of: arguments[1])?.boolValue
            else { return .bool(false) }
            return .bool(EndpointStandardLibrary.isValidHostLabel(label, allowSubDomains: allowSubDomains))
        case .awsPartition:
            return value(of: arguments[0])?.stringValue.map { partitions.partition(forRegion: $0).outputs }
        case .awsParseArn:
            return value(of: arguments[0])?.stringValue.flatMap { AWSARN(parsing: $0)?.value }
        case .awsIsVirtualHostableS3Bucket:
            guard let bucket = value(of: arguments[0])?.stringValue,
                let allowSubDomains = value(of: arguments[1])?.boolValue
            else { return .bool(false) }
            return .bool(S3BucketName.isVirtualHostable(bucket, allowSubDomains: allowSubDomains))
        }
    }
}
