/// The list comparators of waiter matchers, used by generated code.
public enum WaiterMatching {
    /// `allStringEquals`: the list is not empty and every value equals `expected`.
    public static func all(_ values: [String], equal expected: String) -> Bool {
        !values.isEmpty && values.allSatisfy { $0 == expected }
    }

    /// `anyStringEquals`: some value equals `expected`.
    public static func any(_ values: [String], equal expected: String) -> Bool {
        values.contains(expected)
    }
}
