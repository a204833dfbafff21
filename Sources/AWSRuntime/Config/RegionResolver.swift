import Foundation

/// Finds the AWS region the way the AWS CLI does: the client's own option, then `AWS_REGION`, then
/// `AWS_DEFAULT_REGION`, then the selected profile's `region`.
public struct RegionResolver: Sendable {
    private let environment: [String: String]
    private let locations: SharedConfigLocations

    /// - Parameters:
    ///   - environment: the variables to read; defaults to the process environment.
    ///   - profile: overrides `AWS_PROFILE`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, profile: String? = nil) {
        self.environment = environment
        self.locations = SharedConfigLocations(environment: environment, profile: profile)
    }

    /// Returns the first region found.
    ///
    /// - Parameter clientRegion: the region set on the client, which wins when given.
    /// - Throws: ``ConfigError/noRegion(tried:)`` listing every source tried, or the config file's own error
    ///   when it cannot be parsed and no earlier source had a region.
    public func resolve(clientRegion: String? = nil) throws(ConfigError) -> String {
        if let clientRegion, !clientRegion.isEmpty { return clientRegion }
        for variable in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
            if let region = environment[variable], !region.isEmpty { return region }
        }
        let config = try SharedConfig(locations: locations)
        let profileSource = "`region` in profile '\(locations.profileName)' (\(locations.configFile), \(locations.credentialsFile))"
        do {
            if let region = try config.selectedProfile().region { return region }
        } catch let error {
            // A missing default profile just means no region; a missing named profile is the user's mistake.
            if case .profileNotFound = error, locations.isProfileExplicit { throw error }
        }
        throw .noRegion(tried: ["the client option", "AWS_REGION", "AWS_DEFAULT_REGION", profileSource])
    }
}
