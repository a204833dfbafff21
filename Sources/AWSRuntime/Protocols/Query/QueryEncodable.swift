import Foundation

/// A structure or union an awsQuery or ec2Query request carries: writes its members as `key=value` pairs.
/// Generated for every shape of a query service that an input reaches.
public protocol QueryEncodable: Sendable {
    /// Writes the members, each keyed `prefix` + its name (`prefix` is empty at the top, `Parent.` below).
    func encodeQuery(to writer: inout QueryFormWriter, prefix: String)
}
