import Foundation

/// The two UTC forms of the signing time SigV4 needs: `20150830T123600Z` and `20150830`.
///
/// Formatted by hand from the Unix time because `DateFormatter` costs microseconds per call; the signer's
/// ``SigningKeyCache`` also keeps the last second's strings, so a busy client formats once a second.
struct SigV4Timestamp: Sendable, Equatable {
    /// ISO 8601 basic format, e.g. `20150830T123600Z`, sent as `X-Amz-Date`.
    var amzDate: String
    /// The day, e.g. `20150830`, used in the credential scope.
    var dateStamp: String

    init(_ date: Date) {
        self.init(unixSeconds: SigV4Timestamp.unixSeconds(date))
    }

    /// The whole second of `date` (rounded down, also before 1970).
    static func unixSeconds(_ date: Date) -> Int {
        Int(date.timeIntervalSince1970.rounded(.down))
    }

    init(unixSeconds seconds: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = SigV4Timestamp.civilDate(daysSinceEpoch: days)
        var stamp = SigV4Timestamp.digits(year, width: 4)
        stamp += SigV4Timestamp.digits(month, width: 2)
        stamp += SigV4Timestamp.digits(day, width: 2)
        dateStamp = stamp
        var full = stamp
        full += "T"
        full += SigV4Timestamp.digits(secondOfDay / 3600, width: 2)
        full += SigV4Timestamp.digits(secondOfDay / 60 % 60, width: 2)
        full += SigV4Timestamp.digits(secondOfDay % 60, width: 2)
        full += "Z"
        amzDate = full
    }

    /// Proleptic Gregorian date for a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func digits(_ value: Int, width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
