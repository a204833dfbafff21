import Foundation

/// Runs operations for a generated client: validate → encode → resolve endpoint → sign → send → retry →
/// decode. One per client; cheap to copy, safe to share across tasks.
public struct ServiceRuntime: Sendable {
    /// The service this runtime calls.
    public let metadata: ServiceMetadata
    /// The settings the client was created with, before environment and profile fallbacks.
    public let configuration: ClientConfiguration
    let state: RuntimeState

    /// A runtime for the service described by `metadata`; the region and endpoint are resolved on the first call.
    ///
    /// `defaultCredentials` makes the credential provider when `configuration` sets none. Generated clients pass
    /// the `AWSIdentity` module's `DefaultCredentialChain`, which finds credentials wherever the AWS CLI does;
    /// the default here, ``LocalCredentialChain``, covers the sources that need no AWS call. `defaultTokens`
    /// makes the bearer-token provider when `configuration` sets none (services with `httpBearerAuth`).
    public init(
        metadata: ServiceMetadata, configuration: ClientConfiguration = ClientConfiguration(),
        defaultCredentials: @escaping CredentialChainFactory = { LocalCredentialChain(context: $0) },
        defaultTokens: TokenChainFactory? = nil
    ) {
        self.metadata = metadata
        self.configuration = configuration
        self.state = RuntimeState(
            metadata: metadata, configuration: configuration, defaultCredentials: defaultCredentials,
            defaultTokens: defaultTokens)
    }

    /// Calls `operation` with `input`, returning its decoded output or throwing `Failure` for an error response.
    ///
    /// Throws ``ValidationError`` before anything is sent when `input` breaks the model's constraints,
    /// `Failure` for a modelled error response, ``ClientRuntimeError`` for unexpected responses and timeouts,
    /// ``HTTPClientError`` for transport failures left after retries, and `CancellationError` when cancelled.
    ///
    /// `hostPrefix` is the operation's `endpoint` trait prefix with its host labels filled in (e.g. `data.`);
    /// it is prepended to the endpoint's host. `compressesRequest`: the operation has the `requestCompression`
    /// trait with gzip, so bodies of at least `requestMinCompressionSizeBytes` are sent gzip-compressed.
    ///
    /// `endpointParameters` are the operation's own endpoint rule-set parameters (its `staticContextParams`,
    /// the input's `contextParam` members and `operationContextParams`); nil values are left unset.
    ///
    /// `http` is the operation's `http` trait, for protocols that bind members to the request (restJson1).
    /// `requiresChecksum`: the operation has `httpChecksumRequired`, so the body's MD5 goes in `Content-MD5`.
    /// `auth`: how the operation is authenticated, from the model's `auth` traits (SigV4, a bearer token, or
    /// nothing for `@auth([])`).
    public func invoke<Input: OperationInput, Output: Decodable & Sendable, Failure: ServiceError>(
        operation: String, input: Input, output: Output.Type, error: Failure.Type, http: HTTPRoute? = nil,
        hostPrefix: String? = nil, compressesRequest: Bool = false, requiresChecksum: Bool = false,
        auth: OperationAuth = .sigV4, endpointParameters: [String: JSONValue?] = [:]
    ) async throws -> Output {
        if let invalid = Validator.validate(input, operation: operation, options: configuration.validation) {
            throw invalid
        }
        let codec = metadata.codec
        var request: EncodedRequest
        do {
            request = try codec.encode(
                input, operation: operation,
                context: RequestEncodingContext(idempotencyTokenGenerator: configuration.idempotencyTokenGenerator, route: http))
        } catch {
            throw ClientRuntimeError.invalidRequest(operation: operation, reason: String(describing: error))
        }
        // Each event of an input stream is checked as it is sent, as the input was before the call.
        if request.eventStream != nil, configuration.validation != .none {
            let options = configuration.validation
            request.eventStream?.validation = { Validator.validate($0, operation: operation, options: options) }
        }
        // Compressed once per call: every attempt sends the same bytes. A streamed body (or event stream) is neither
        // compressed nor hashed here (that would read it whole): no streaming operation asks for either.
        if compressesRequest && !configuration.disableRequestCompression && request.bodyStream == nil && request.eventStream == nil
            && request.body.count >= max(0, configuration.requestMinCompressionSizeBytes) {
            request.body = Gzip.compress(request.body)
            request.headers.add(name: "Content-Encoding", value: "gzip")
        }
        if requiresChecksum && request.bodyStream == nil && request.eventStream == nil && !request.headers.contains("Content-MD5") {
            request.headers.add(name: "Content-MD5", value: MD5.base64(request.body))
        }
        let call = OperationCall(
            runtime: self, codec: codec, operation: operation, request: request, hostPrefix: hostPrefix,
            endpointParameters: endpointParameters.compactMapValues { $0 }, auth: auth)
        guard let limit = configuration.operationTimeout else {
            return try await call.run(output: Output.self, error: Failure.self)
        }
        return try await withThrowingTaskGroup(of: Output?.self) { group in
            group.addTask { try await call.run(output: Output.self, error: Failure.self) }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let result = first else {
                throw ClientRuntimeError.operationTimedOut(operation: operation, limit: limit)
            }
            return result
        }
    }

    /// A presigned URL for `operation` with `input`, valid for `expiresIn` (1 second to 7 days): anyone holding
    /// it can make that one request without credentials until it expires (a browser download, a `curl` upload).
    ///
    /// Validates the input first. REST protocols (restXml, restJson1) presign the method, path and query — a
    /// payload such as S3's PutObject body is sent by whoever uses the URL (`UNSIGNED-PAYLOAD`); query
    /// protocols presign a GET with the parameters in the query. awsJson and rpcv2Cbor requests live in their
    /// bodies and cannot be presigned. Header-bound members must be unset.
    public func presignedURL<Input: OperationInput>(
        operation: String, input: Input, http: HTTPRoute? = nil, hostPrefix: String? = nil,
        endpointParameters: [String: JSONValue?] = [:], expiresIn: Duration
    ) async throws -> URL {
        if let invalid = Validator.validate(input, operation: operation, options: configuration.validation) {
            throw invalid
        }
        let codec = metadata.codec
        guard codec is RestXMLCodec || codec is RestJSONCodec || codec is AWSQueryCodec else {
            throw ClientRuntimeError.invalidRequest(
                operation: operation, reason: "\(metadata.wireProtocol) requests are carried in their bodies and cannot be presigned")
        }
        var request = try codec.encode(
            input, operation: operation,
            context: RequestEncodingContext(idempotencyTokenGenerator: configuration.idempotencyTokenGenerator, route: http))
        if codec is AWSQueryCodec {
            // Query operations become a GET with their form parameters in the URL, as the AWS SDKs presign them.
            request.query += QueryWriter.pairs(fromEncodedBody: request.body).map { ($0.key, $0.value) }
            request.method = "GET"
        }
        // A REST payload is sent by whoever uses the URL; a query form is in the URL now.
        request.body = Data()
        let seconds = expiresIn.components.seconds
        let call = OperationCall(
            runtime: self, codec: codec, operation: operation, request: request, hostPrefix: hostPrefix,
            endpointParameters: endpointParameters.compactMapValues { $0 })
        return try await call.presignedURL(expiresIn: Int(clamping: seconds))
    }

    /// The region and endpoint this client's calls go to, worked out as a call would (options, environment,
    /// profile, the model's rule set); for diagnostics such as a `--debug` line.
    public func resolvedEndpoint() throws -> (region: String, url: URL) {
        let target = try state.target()
        return (target.region, target.endpoint)
    }
}
