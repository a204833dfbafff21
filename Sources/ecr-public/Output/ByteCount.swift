/// Human-readable sizes, rates and durations for tables and progress lines.
enum ByteCount {
    private static let units = ["B", "KiB", "MiB", "GiB", "TiB"]

    /// `512 B`, `1.5 KiB`, `12.0 MiB`: binary units, one decimal above bytes.
    static func format(_ bytes: Int64) -> String {
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : "\(oneDecimal(value)) \(units[unit])"
    }

    /// `8.1 MiB/s`.
    static func rate(bytesPerSecond: Double) -> String {
        guard bytesPerSecond.isFinite, bytesPerSecond >= 0 else { return "-- B/s" }
        return format(Int64(bytesPerSecond.rounded())) + "/s"
    }

    /// `3s`, `1m05s`, `2h03m`.
    static func duration(seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "--" }
        let total = Int(seconds.rounded(.up))
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m\(twoDigits(total % 60))s" }
        return "\(total / 3600)h\(twoDigits(total % 3600 / 60))m"
    }

    /// `12.0` for 12, `1.5` for 1.49 (rounded half up, without Foundation's formatters).
    private static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
