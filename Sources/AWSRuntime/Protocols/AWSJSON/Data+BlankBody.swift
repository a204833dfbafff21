import Foundation

extension Data {
    /// Whether a body holds nothing but JSON whitespace: services send empty bodies for outputs and errors
    /// without members, which the protocol reads as `{}`.
    var isBlankJSONBody: Bool {
        allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }
}
