import Foundation

extension OperationCall {
    /// The request as a presigned URL: endpoint resolved, query signed, valid for `expiresIn` seconds.
    ///
    /// The request's method, path and query are signed; its body is not part of the URL (the caller has moved a
    /// query protocol's form into the query, and a REST payload is sent by whoever uses the URL, signed as
    /// `UNSIGNED-PAYLOAD`). Header-bound members cannot ride in a URL: a request that sets one is refused rather
    /// than presigned into a URL that will not work.
    func presignedURL(expiresIn: Int) async throws -> URL {
        await state.resolveRegionFromInstanceMetadataIfNeeded()
        let accountID = try state.usesAccountID() ? try await state.credentials.credentials().accountId : nil
        let target = try state.target(operationParameters: endpointParameters, accountID: accountID)
        let carried = request.headers.filter { !["content-type", "content-length"].contains($0.name.lowercased()) }
        guard carried.isEmpty else {
            throw ClientRuntimeError.invalidRequest(
                operation: operation,
                reason: "a presigned URL cannot carry the headers \(carried.map(\.name).joined(separator: ", ")); leave the members bound to them unset")
        }
        let url = try requestURL(endpoint: target.endpoint)
        var options = runtime.metadata.customization?.signingOptions ?? SigV4Options()
        options.unsignedPayload = true
        options.addContentSHA256Header = false
        let credentials = try await state.credentials.credentials()
        let offset = state.clockOffset.withLock { $0 }
        return try state.signer.presignedURL(
            for: HTTPRequest(method: request.method, url: url, headers: HTTPHeaders(), body: Data()),
            credentials: credentials, region: target.region, signingName: runtime.metadata.signingName,
            date: Date().addingTimeInterval(offset), expiresIn: expiresIn, options: options)
    }
}
