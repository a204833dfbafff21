/// Whether a number written in a model fits the Smithy number type it is used with.
public enum NumberBounds {
    /// Nil when `text` fits `type`; otherwise why not ("is not an integer", "is outside the byte range
    /// -128…127"). Smithy's `integer` is 32 bits wide even though generated code stores it in `Int`.
    public static func problem(_ text: String, for type: ShapeType) -> String? {
        let integerBounds: (Int64, Int64)?
        switch type {
        case .byte: integerBounds = (Int64(Int8.min), Int64(Int8.max))
        case .short: integerBounds = (Int64(Int16.min), Int64(Int16.max))
        case .integer, .intEnum: integerBounds = (Int64(Int32.min), Int64(Int32.max))
        case .long: integerBounds = (Int64.min, Int64.max)
        default: integerBounds = nil
        }
        if let (low, high) = integerBounds {
            guard let value = integerValue(text) else {
                return "is not an integer that fits a \(type.rawValue) (\(low)…\(high))"
            }
            return (low...high).contains(value) ? nil : "is outside the \(type.rawValue) range \(low)…\(high)"
        }
        switch type {
        case .float:
            guard let value = Double(text), value.isFinite, Float(value).isFinite else {
                return "is not a finite float"
            }
            return nil
        case .double:
            guard let value = Double(text), value.isFinite else { return "is not a finite double" }
            return nil
        default:
            return nil
        }
    }

    /// The integer `text` denotes (`3`, `-7`, `3.0`, `1e3`), or nil when it is not whole or does not fit 64 bits.
    public static func integerValue(_ text: String) -> Int64? {
        if let value = Int64(text) { return value }
        guard let double = Double(text), double.isFinite, double.rounded() == double,
              double >= -9.2e18, double <= 9.2e18
        else { return nil }
        return Int64(exactly: double)
    }
}
