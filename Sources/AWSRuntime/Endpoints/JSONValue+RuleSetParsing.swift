import Foundation

extension JSONValue {
    /// Parses JSON text into a value.
    ///
    /// - Throws: `EndpointError.invalidJSON` when the data is not JSON.
    public init(json data: Data) throws {
        do {
            self = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw EndpointError.invalidJSON(reason: String(describing: error))
        }
    }
}
