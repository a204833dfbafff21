import Foundation

/// The identifier of a value the SDK supplies from its configuration rather than from the operation input, such as
/// `AWS::Region`. A rule-set parameter names the built-in it is bound to.
public struct EndpointBuiltIn: Sendable, Hashable, RawRepresentable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The identifier as written in rule sets, for example `AWS::UseFIPS`.
    public var rawValue: String

    /// Wraps any built-in identifier; unknown ones are passed through to rule sets by name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a built-in identifier written as a literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The identifier as written in rule sets.
    public var description: String { rawValue }

    /// The configured region (`AWS::Region`), a string.
    public static let region: EndpointBuiltIn = "AWS::Region"
    /// Whether to use FIPS endpoints (`AWS::UseFIPS`), a boolean.
    public static let useFIPS: EndpointBuiltIn = "AWS::UseFIPS"
    /// Whether to use dual-stack endpoints (`AWS::UseDualStack`), a boolean.
    public static let useDualStack: EndpointBuiltIn = "AWS::UseDualStack"
    /// A custom endpoint URL configured by the user (`SDK::Endpoint`), a string.
    public static let endpoint: EndpointBuiltIn = "SDK::Endpoint"
    /// The caller's account ID (`AWS::Auth::AccountId`), a string.
    public static let accountID: EndpointBuiltIn = "AWS::Auth::AccountId"
    /// Whether STS calls in the legacy global regions go to `sts.amazonaws.com` (`AWS::STS::UseGlobalEndpoint`).
    public static let stsUseGlobalEndpoint: EndpointBuiltIn = "AWS::STS::UseGlobalEndpoint"
    /// The account-ID routing mode (`AWS::Auth::AccountIdEndpointMode`), a string.
    public static let accountIDEndpointMode: EndpointBuiltIn = "AWS::Auth::AccountIdEndpointMode"
}
