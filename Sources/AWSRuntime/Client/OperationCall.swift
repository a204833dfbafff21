import Foundation

/// One call of one operation: binds the encoded request to the endpoint, signs and sends each attempt, and
/// decides whether to retry. Protocol-agnostic: the service's ``ProtocolCodec`` made the request and reads the
/// responses.
struct OperationCall: Sendable {
    let runtime: ServiceRuntime
    let codec: any ProtocolCodec
    let operation: String
    /// The request as the codec encoded it, before endpoint, user agent, hooks and signature.
    let request: EncodedRequest
    /// The operation's `endpoint` trait prefix with its host labels filled in, e.g. `data.`.
    var hostPrefix: String? = nil
    /// The operation's own endpoint rule-set parameters, from its traits and its input.
    var endpointParameters: [String: JSONValue] = [:]
    /// How requests are authenticated: SigV4, a bearer token, or not at all (`@auth([])`: STS
    /// AssumeRoleWithWebIdentity, the SSO portal), when no credentials are read either.
    var auth = OperationAuth.sigV4

    var state: RuntimeState { runtime.state }
    private var configuration: ClientConfiguration { runtime.configuration }

    /// Why an attempt failed, as the retry logic sees it.
    private enum AttemptFailure {
        case transient(any Error, isTimeout: Bool)
        case clockSkew(any Error, serverDate: Date)
        case final(any Error)
    }

    func run<Output: Decodable & Sendable, Failure: ServiceError>(output: Output.Type, error: Failure.Type)
        async throws -> Output
    {
        await state.resolveRegionFromInstanceMetadataIfNeeded()
        // Account-based endpoints need the caller's account id, which comes with the credentials.
        let accountID = try auth == .sigV4 && state.usesAccountID() ? try await state.credentials.credentials().accountId : nil
        let target = try state.target(operationParameters: endpointParameters, accountID: accountID)
        let callContext = RequestHookContext(service: runtime.metadata.sdkId, operation: operation, attempt: 1)
        for hook in configuration.hooks { await hook.didResolveEndpoint(target.endpoint, region: target.region, context: callContext) }
        var strategy = configuration.retryStrategy ?? RetryStrategy()
        // The attempt count from the option, environment or profile wins over the strategy's own default.
        strategy.maxAttempts = state.maxAttempts
        let body = try await StreamedBody.prepare(
            request, transportStreams: state.httpClient.streamsBodies,
            sendsStreamsUnsigned: runtime.metadata.customization?.sendsStreamsUnsigned ?? false)
        // A transport that cannot stream sends the events at once: they are read (until the caller's sequence ends)
        // before the request is signed, so neither signature goes stale while the caller takes its time.
        let events = state.httpClient.streamsBodies ? request.eventStream : try await request.eventStream?.collected()
        // A sequence of chunks, or of events, is read once: a failed attempt cannot send it again.
        let isReplayable = body.isReplayable && events == nil
        if !isReplayable { strategy.maxAttempts = 1 }
        let streamsOutput = Output.self is any HTTPStreamingOutput.Type || Output.self is any EventStreamOutput.Type

        var attempt = 1
        var retryCost: Int?
        var correctedClock = false
        while true {
            try Task.checkCancellation()
            if let limiter = state.rateLimiter {
                // Adaptive mode: after throttling, every attempt waits for the client's rate allows.
                let wait = limiter.acquire(now: RuntimeState.monotonicNow())
                if wait > .zero { try await configuration.sleep(wait) }
            }
            let response: HTTPResponse
            do {
                response = try await send(
                    attempt: attempt, target: target, body: body, events: events, streamsOutput: streamsOutput)
            } catch HTTPClientError.cancelled {
                // The transport saw the task's cancellation: report it as Swift concurrency does.
                throw CancellationError()
            } catch let transport as HTTPClientError {
                if Task.isCancelled { throw CancellationError() }
                let context = RequestHookContext(service: runtime.metadata.sdkId, operation: operation, attempt: attempt)
                for hook in configuration.hooks { await hook.didFail(transport, context: context) }
                // The same server would answer the same way again.
                if case .redirectNotFollowed = transport { throw transport }
                if case .responseTooLarge = transport { throw transport }
                try await retryOrThrow(.transient(transport, isTimeout: transport == .timedOut))
                continue
            }
            if (200..<300).contains(response.statusCode) {
                state.rateLimiter?.update(isThrottling: false, now: RuntimeState.monotonicNow())
                state.retryQuota.release(retryCost: retryCost)
                let ready: HTTPResponse
                do {
                    ready = streamsOutput ? try await codec.prepareStreamedResponse(response, operation: operation) : response
                } catch HTTPClientError.cancelled {
                    throw CancellationError()
                }
                return try decode(Output.self, from: ready)
            }
            let (outcome, isThrottling) = classify(response, as: Failure.self)
            state.rateLimiter?.update(isThrottling: isThrottling, now: RuntimeState.monotonicNow())
            switch outcome {
            case .final(let failure):
                throw failure
            case .clockSkew(let failure, let serverDate) where !correctedClock:
                // Correct the clock once, and retry without spending an attempt or quota; a body read once cannot
                // be sent again.
                guard isReplayable else { throw failure }
                correctedClock = true
                state.clockOffset.withLock { $0 = serverDate.timeIntervalSinceNow }
                _ = failure
            case .clockSkew(let failure, _):
                throw failure
            case .transient(let failure, let isTimeout):
                try await retryOrThrow(.transient(failure, isTimeout: isTimeout))
            }
        }

        func retryOrThrow(_ failure: AttemptFailure) async throws {
            guard case .transient(let error, let isTimeout) = failure else { return }
            guard attempt < strategy.maxAttempts, let cost = state.retryQuota.acquire(isTimeout: isTimeout) else {
                throw error
            }
            retryCost = cost
            let delay = strategy.backoff(forRetry: attempt)
            let context = RequestHookContext(service: runtime.metadata.sdkId, operation: operation, attempt: attempt)
            for hook in configuration.hooks { await hook.willRetry(after: delay, error: error, context: context) }
            try await configuration.sleep(delay)
            attempt += 1
        }
    }

    /// Builds, hooks, signs (afresh for every attempt) and sends one attempt.
    private func send(
        attempt: Int, target: RuntimeState.ResolvedTarget, body: StreamedBody, events: EventStreamRequestBody?,
        streamsOutput: Bool
    ) async throws -> HTTPResponse {
        var request = HTTPRequest(
            method: self.request.method, url: try requestURL(endpoint: self.request.endpoint ?? target.endpoint),
            headers: self.request.headers,
            body: body.data, bodyStream: body.stream)
        request.headers.add(name: "User-Agent", value: state.userAgent)
        for (name, values) in target.headers.sorted(by: { $0.key < $1.key }) {
            for value in values { request.headers.add(name: name, value: value) }
        }
        let hookContext = RequestHookContext(service: runtime.metadata.sdkId, operation: operation, attempt: attempt)
        for hook in configuration.hooks { try await hook.willSend(&request, context: hookContext) }
        // Stated (and signed) rather than left to the transport, after the hooks, which may change the body; a
        // GET or DELETE without a body has none. Events are sent as they come: their length is unknown, and libcurl
        // sends them chunked.
        let sendsEvents = events != nil
        if let stream = request.bodyStream {
            // Unknown: libcurl sends it chunked.
            if let length = stream.length { request.headers["Content-Length"] = String(length) }
        } else if !sendsEvents, !request.body.isEmpty || ["POST", "PUT", "PATCH"].contains(request.method) {
            request.headers["Content-Length"] = String(request.body.count)
        }
        // A line break in a header (from a hook, or one day a header-bound member) would smuggle a header or a
        // whole request past the signature: refuse it before anything is signed or sent.
        if let field = request.headers.first(where: { !Self.isSafeHeader($0) }) {
            let name = Self.isToken(field.name) ? "the header \(field.name)" : "a header with a malformed name"
            throw ClientRuntimeError.invalidRequest(
                operation: operation, reason: "\(name) holds a line break, NUL or another character a header cannot carry")
        }

        var eventSigner: EventStreamSigner?
        switch auth {
        case .sigV4:
            let credentials = try await state.credentials.credentials()
            let offset = state.clockOffset.withLock { $0 }
            var options = runtime.metadata.customization?.signingOptions ?? SigV4Options()
            if sendsEvents {
                // The request's signature covers its headers; each event is signed on its own, chained from it.
                options.payloadSHA256 = EventStreamSigner.streamingPayloadHash
                if !options.addContentSHA256Header {
                    request.headers["X-Amz-Content-Sha256"] = EventStreamSigner.streamingPayloadHash
                }
            } else if request.bodyStream != nil {
                if let hash = body.payloadSHA256 { options.payloadSHA256 = hash } else { options.unsignedPayload = true }
            }
            let signature = try state.signer.sign(
                &request, credentials: credentials, region: target.region, signingName: runtime.metadata.signingName,
                date: Date().addingTimeInterval(offset), options: options)
            if sendsEvents {
                eventSigner = EventStreamSigner(
                    seedSignature: signature.signature, credentials: credentials, region: target.region,
                    signingName: runtime.metadata.signingName, keyCache: state.signer.keyCache)
            }
        case .bearerToken:
            request.headers["Authorization"] = "Bearer " + (try await bearerToken(for: request.url))
        case .anonymous:
            break
        }
        if !configuration.hooks.isEmpty {
            var redacted = request
            redacted.headers = request.headers.redacted
            for hook in configuration.hooks { await hook.didSign(redacted, context: hookContext) }
        }
        // Attached after the hooks have seen the signed request: the events are read once, by the transport.
        if let events {
            let clockOffset = state.clockOffset.withLock { $0 }
            let frames = events.frames(signer: eventSigner, now: { Date().addingTimeInterval(clockOffset) })
            if state.httpClient.streamsBodies {
                request.bodyStream = frames
            } else {
                // A transport that cannot stream sends the events at once: read before signing, framed and signed now.
                request.body = try await frames.collect(upTo: Int.max)
                request.headers["Content-Length"] = String(request.body.count)
            }
        }
        var response = streamsOutput
            ? try await state.httpClient.stream(request, timeout: configuration.attemptTimeout)
            : try await state.httpClient.send(request, timeout: configuration.attemptTimeout)
        if let stream = response.bodyStream, !(200..<300).contains(response.statusCode) {
            // An error's body is read whole to be parsed, as any error response is.
            response.body = try await Self.errorBody(of: stream)
            response.bodyStream = nil
        }
        for hook in configuration.hooks { await hook.didReceive(response, context: hookContext) }
        return response
    }

    /// The most of a streamed error response that is read to parse it; the rest is dropped with the connection.
    static let maximumErrorBodySize = 1 << 20

    private static func errorBody(of stream: ByteStream) async throws -> Data {
        var body = Data()
        do {
            for try await chunk in stream {
                body.append(chunk.prefix(maximumErrorBodySize - body.count))
                if body.count >= maximumErrorBodySize { break }
            }
        } catch let error as HTTPClientError {
            throw error
        } catch {
            throw HTTPClientError.connectionFailed("the error response's body could not be read: \(error)")
        }
        return body
    }

    /// The token for an `httpBearerAuth` call to `url`: only over HTTPS (or plain HTTP to a loopback address), since
    /// anyone on the path could reuse it; never with a line break, which would smuggle headers.
    private func bearerToken(for url: URL) async throws -> String {
        guard let tokens = state.tokens else {
            throw ClientRuntimeError.invalidRequest(
                operation: operation,
                reason: "the operation uses bearer-token auth; set ClientConfiguration.tokenProvider or a profile with sso_session")
        }
        let host = url.host ?? ""
        let isLoopback = host == "localhost" || host == "::1" || host.hasPrefix("127.")
        guard url.scheme?.lowercased() == "https" || isLoopback else {
            throw ClientRuntimeError.invalidRequest(
                operation: operation, reason: "a bearer token is only sent over HTTPS, not to \(url.scheme ?? "?")://\(host)")
        }
        let token = try await tokens.token().token
        guard !token.isEmpty, !token.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
            throw ClientRuntimeError.invalidRequest(operation: operation, reason: "the bearer token is empty or holds a line break")
        }
        return token
    }

    /// The request URL: the operation's path under the endpoint's own path (`https://host/base` + `/` →
    /// `https://host/base/`; `https://host` + `/` → `https://host/`), its query, on the host with the operation's
    /// host prefix.
    func requestURL(endpoint: URL) throws -> URL {
        guard var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false) else {
            throw ClientRuntimeError.endpointUnavailable("the endpoint \(endpoint) is not a valid URL")
        }
        // The request line always names the path: `/` for a bare host, the operation's path under a base path.
        let basePath = components.percentEncodedPath
        let base = basePath.hasSuffix("/") ? String(basePath.dropLast()) : basePath
        if request.path.isEmpty {
            // No path of its own (S3 addressing a bucket by path style): the endpoint's path is the request's.
            components.percentEncodedPath = base.isEmpty ? "/" : base
        } else {
            components.percentEncodedPath = base + (request.path.hasPrefix("/") ? request.path : "/" + request.path)
        }
        if !request.query.isEmpty {
            components.percentEncodedQuery = request.query.map { parameter in
                URIEncoding.encode(parameter.name) + (parameter.value.map { "=" + URIEncoding.encode($0) } ?? "")
            }.joined(separator: "&")
        }
        if let hostPrefix {
            // Each label the prefix completes must be a host label; its last part (e.g. `bucket-`) joins the
            // endpoint's first label.
            var labels = hostPrefix.split(separator: ".", omittingEmptySubsequences: false)
            let last = labels.removeLast()
            let completeLabelsValid = labels.allSatisfy { EndpointStandardLibrary.isHostLabel($0.utf8) }
            guard completeLabelsValid, last.isEmpty || Self.isLabelStart(last) else {
                throw ClientRuntimeError.invalidRequest(
                    operation: operation, reason: "the host prefix \(hostPrefix) is not a valid host name prefix")
            }
            components.host = hostPrefix + (components.host ?? "")
        }
        guard let url = components.url else {
            throw ClientRuntimeError.endpointUnavailable("the endpoint \(endpoint) is not a valid URL")
        }
        return url
    }

    /// Whether a header can go on the wire as it is: a token name, and a value of visible characters, spaces and
    /// tabs (no CR, LF, NUL or other controls).
    private static func isSafeHeader(_ field: HTTPHeaders.Field) -> Bool {
        isToken(field.name) && field.value.utf8.allSatisfy { byte in byte == 0x09 || (byte >= 0x20 && byte != 0x7F) }
    }

    /// An HTTP token (RFC 9110): visible ASCII but delimiters.
    private static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            byte > 0x20 && byte < 0x7F && !"()<>@,;:\\\"/[]?={}".utf8.contains(byte)
        }
    }

    /// The start of a host label, which the endpoint's first label completes: letters, digits and hyphens, not
    /// starting with a hyphen (it may end with one, as in `bucket-`).
    private static func isLabelStart(_ part: Substring) -> Bool {
        part.count <= 63 && part.first != "-"
            && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    private func decode<Output: Decodable & Sendable>(_ type: Output.Type, from response: HTTPResponse) throws -> Output {
        do {
            return try codec.decode(Output.self, from: response, operation: operation)
        } catch {
            throw ClientRuntimeError.invalidResponse(
                operation: operation, reason: DecodingFailure.describe(error),
                // A success body may hold secrets (tokens, secret values): describe it, never quote it.
                requestId: codec.requestID(of: response),
                bodyExcerpt: "(\(response.body.count) bytes of \(response.headers["Content-Type"] ?? "unknown type") not shown)")
        }
    }

    /// Turns an error response into the error to throw, whether it may be retried, and whether it is a
    /// throttling error (which slows adaptive mode down).
    private func classify<Failure: ServiceError>(_ response: HTTPResponse, as type: Failure.Type)
        -> (AttemptFailure, isThrottling: Bool)
    {
        switch codec.parseError(response, operation: operation) {
        case .unexpected(let code, let excerpt):
            let error = ClientRuntimeError.unexpectedResponse(
                operation: operation, statusCode: response.statusCode, code: code,
                requestId: codec.requestID(of: response), bodyExcerpt: excerpt)
            let isThrottling = code.map(RetryStrategy.throttlingCodes.contains) ?? false || response.statusCode == 429
            if let code, let skew = skewedServerDate(code: code, response: response) {
                return (.clockSkew(error, serverDate: skew), false)
            }
            if isThrottling { return (.transient(error, isTimeout: false), true) }
            return (RetryStrategy.transientStatusCodes.contains(response.statusCode)
                ? .transient(error, isTimeout: false) : .final(error), false)
        case .modelled(let payload):
            let error = Failure(payload: payload)
            if let skew = skewedServerDate(code: payload.code, response: response) {
                return (.clockSkew(error, serverDate: skew), false)
            }
            // The model's own word wins for the codes it lists: a modelled, non-retryable
            // `LimitExceededException` is a quota, not throttling.
            let isThrottling = error.isThrottling || (!error.isModelled && RetryStrategy.throttlingCodes.contains(payload.code))
            let retryable = error.isRetryable || isThrottling
                || (!error.isModelled && RetryStrategy.transientCodes.contains(payload.code))
                || RetryStrategy.transientStatusCodes.contains(response.statusCode)
            return (retryable ? .transient(error, isTimeout: false) : .final(error), isThrottling)
        }
    }

    /// The server's time when the error is a clock-skew error and the response's `Date` is more than
    /// four minutes from ours.
    private func skewedServerDate(code: String, response: HTTPResponse) -> Date? {
        guard RetryStrategy.clockSkewCodes.contains(code), let header = response.headers["Date"],
              let serverDate = TimestampFormat.date(from: header) else { return nil }
        let offset = state.clockOffset.withLock { $0 }
        return abs(serverDate.timeIntervalSince(Date().addingTimeInterval(offset))) > 240 ? serverDate : nil
    }
}

/// A readable reason from a `DecodingError`, naming the coding path.
enum DecodingFailure {
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "the top level" : String(text.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing required member \(key.stringValue) at \(path(context))"
        case .typeMismatch(let type, let context):
            return "expected \(type) at \(path(context)): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "expected \(type) but found null at \(path(context))"
        case .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context))"
        @unknown default:
            return String(describing: error)
        }
    }
}
