import Foundation

/// The part of a REST protocol's request every REST protocol builds the same way: method and path from the
/// operation's route, query parameters and headers from the input's bound members. The codec adds the body.
struct HTTPBoundRequest {
    /// The request without its body.
    var request: EncodedRequest
    /// The payload member's value, if the input has one and it is set.
    var payload: HTTPRequestBindings.Payload?
    /// Whether the input has body members (so a body is sent even when they are all unset).
    var hasBodyMembers: Bool

    init(input: some OperationInput, operation: String, context: RequestEncodingContext,
         customization: ServiceCustomization?) throws {
        guard let route = context.route else {
            throw HTTPBindingError.missingRoute(operation: operation)
        }
        var bindings = HTTPRequestBindings(operation: operation, idempotencyTokenGenerator: context.idempotencyTokenGenerator)
        hasBodyMembers = true
        if let bound = input as? any HTTPBoundInput {
            try bound.bind(to: &bindings)
            hasBodyMembers = type(of: bound).hasBodyMembers
        }
        var labels = bindings.labels
        customization?.adjust(labels: &labels)
        let (path, literalQuery) = try URITemplate.expand(
            customization?.adjust(uri: route.uri) ?? route.uri, labels: labels, operation: operation,
            allowsDotSegments: customization?.allowsDotSegments ?? false)
        request = EncodedRequest(method: route.method, path: path, query: literalQuery, headers: bindings.headers)
        for field in bindings.prefixHeaders where !bindings.headers.contains(field.name) {
            request.headers.add(name: field.name, value: field.value)
        }
        request.query += bindings.query.map { ($0.name, $0.value) }
        // A parameter named by its own member wins over the same name in an `httpQueryParams` map.
        let named = Set(request.query.map(\.name))
        request.query += bindings.queryParams.filter { !named.contains($0.name) }.map { ($0.name, $0.value) }
        payload = bindings.payload
    }

    /// Streams the body from `stream`, with its `Content-Type` unless a member bound to that header set it.
    mutating func setBodyStream(_ stream: ByteStream, contentType: String) {
        request.bodyStream = stream
        if !request.headers.contains("Content-Type") {
            request.headers.add(name: "Content-Type", value: contentType)
        }
    }

    /// Sends `events` as the body, `application/vnd.amazon.eventstream`.
    mutating func setEventStream(_ events: EventStreamRequestBody) {
        request.eventStream = events
        request.headers["Content-Type"] = EventStreamFraming.contentType
    }

    /// Sets the body, and its `Content-Type` unless a member bound to that header set it.
    mutating func setBody(_ body: Data, contentType: String?) {
        request.body = body
        if let contentType, !request.headers.contains("Content-Type") {
            request.headers.add(name: "Content-Type", value: contentType)
        }
    }
}
