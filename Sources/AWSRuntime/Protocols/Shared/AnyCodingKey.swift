/// A coding key made from any string, for unions and payloads whose keys are not known at compile time.
public struct AnyCodingKey: CodingKey, Sendable, Hashable {
    /// The key as written in the payload.
    public var stringValue: String
    /// The integer index, for keys made from one; nil for string keys.
    public var intValue: Int?

    /// A key for the string `string`.
    public init(_ string: String) {
        self.stringValue = string
        self.intValue = nil
    }

    /// Any string is a valid key, so this never fails.
    public init?(stringValue: String) { self.init(stringValue) }

    /// A key for an array index; its string form is the number.
    public init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}
