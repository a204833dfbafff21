/// How an operation's requests are authenticated, chosen by the generator from the model's `auth` traits.
public enum OperationAuth: Sendable, Equatable {
    /// AWS Signature Version 4 with the client's credentials (`aws.auth#sigv4`).
    case sigV4
    /// `Authorization: Bearer <token>` with the client's token provider (`smithy.api#httpBearerAuth`); sent over
    /// HTTPS only (plain HTTP to a loopback address, for local tests, is the one exception).
    case bearerToken
    /// No authentication (`@auth([])`): the request is not signed and no credentials are looked up.
    case anonymous
}
