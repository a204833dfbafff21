import Foundation

/// How a timestamp is written on the wire (Smithy's `timestampFormat`).
public enum TimestampFormat: Sendable {
    /// Seconds since 1970 as a JSON number, with fractions (the awsJson default).
    case epochSeconds
    /// RFC 3339 / ISO 8601: `1985-04-12T23:20:50.52Z`.
    case dateTime
    /// RFC 7231: `Tue, 29 Apr 2014 18:30:38 GMT`.
    case httpDate

    /// Formats `date` as this format's string; epoch seconds are formatted as their decimal text.
    public func string(from date: Date) -> String {
        switch self {
        case .epochSeconds:
            return EpochSeconds.text(date.timeIntervalSince1970)
        case .dateTime:
            return DateTimeFormatting.rfc3339(date)
        case .httpDate:
            return DateTimeFormatting.httpDate(date)
        }
    }

    /// Reads a timestamp from a string in any of the three forms; nil for anything else, epoch seconds that
    /// are not finite (`NaN`, `Infinity`) or outside ``validEpochSeconds`` included.
    public static func date(from text: String) -> Date? {
        if let seconds = Double(text) { return date(epochSeconds: seconds) }
        return DateTimeFormatting.parseRFC3339(text) ?? DateTimeFormatting.parseHTTPDate(text)
    }

    /// Epoch seconds from 0001-01-01T00:00:00Z up to (not including) 10000-01-01T00:00:00Z: the years RFC 3339
    /// can write. A `Date` far outside them (or made from `NaN`) stops the process when it is printed.
    public static let validEpochSeconds: Range<Double> = -62_135_596_800 ..< 253_402_300_800

    /// The date `seconds` after the epoch; nil when not finite or outside ``validEpochSeconds``.
    public static func date(epochSeconds seconds: Double) -> Date? {
        validEpochSeconds.contains(seconds) ? Date(timeIntervalSince1970: seconds) : nil
    }
}

enum EpochSeconds {
    /// `1398796238` or `1398796238.123` — never exponent notation.
    static func text(_ seconds: Double) -> String {
        if seconds == seconds.rounded(), abs(seconds) < 1e15 { return String(Int64(seconds)) }
        return String(format: "%.3f", seconds)
    }
}
