import Foundation

/// Timestamps as the AWS CLI prints them: ISO 8601 with the offset, microseconds only when there are any
/// (Python's `isoformat()`), here always in UTC, e.g. `2024-05-01T10:20:30.123000+00:00`.
enum Timestamp {
    /// The ISO 8601 text of `date` in UTC.
    static func iso8601(_ date: Date) -> String {
        let (seconds, microseconds) = split(date)
        let base = dateAndTime(seconds)
        return microseconds == 0 ? "\(base)+00:00" : "\(base).\(pad(microseconds, to: 6))+00:00"
    }

    /// A shorter form for tables: `2024-05-01 10:20:30`.
    static func short(_ date: Date) -> String {
        dateAndTime(split(date).seconds).replacingOccurrences(of: "T", with: " ")
    }

    /// Whole seconds since 1970 and the microseconds after them.
    private static func split(_ date: Date) -> (seconds: Int64, microseconds: Int64) {
        let totalMicroseconds = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let seconds = totalMicroseconds >= 0 ? totalMicroseconds / 1_000_000 : (totalMicroseconds - 999_999) / 1_000_000
        return (seconds, totalMicroseconds - seconds * 1_000_000)
    }

    /// `yyyy-MM-ddTHH:mm:ss` in UTC.
    private static func dateAndTime(_ seconds: Int64) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        let date = "\(pad(parts.year ?? 0, to: 4))-\(pad(parts.month ?? 0, to: 2))-\(pad(parts.day ?? 0, to: 2))"
        return "\(date)T\(pad(parts.hour ?? 0, to: 2)):\(pad(parts.minute ?? 0, to: 2)):\(pad(parts.second ?? 0, to: 2))"
    }

    private static func pad(_ value: some BinaryInteger, to width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
