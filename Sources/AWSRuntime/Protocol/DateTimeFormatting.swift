import Foundation

/// RFC 3339 and HTTP-date formatting and parsing with fixed locale and time zone, thread-safe and allocation-light.
enum DateTimeFormatting {
    private static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!

    static func rfc3339(_ date: Date) -> String {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: hasFraction(date), timeZone: utc)
        return date.formatted(style)
    }

    static func parseRFC3339(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: utc).parse(text) {
            return date
        }
        if let date = try? Date.ISO8601FormatStyle(timeZone: utc).parse(text) { return date }
        // Offsets other than Z, and fractions of any length.
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text) ?? {
            formatter.formatOptions = [.withInternetDateTime]
            return formatter.date(from: text)
        }()
    }

    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = utc
        formatter.dateFormat = hasFraction(date) ? "EEE, dd MMM yyyy HH:mm:ss.SSS 'GMT'" : "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    static func parseHTTPDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = utc
        for format in ["EEE, dd MMM yyyy HH:mm:ss 'GMT'", "EEE, dd MMM yyyy HH:mm:ss.SSS 'GMT'"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    private static func hasFraction(_ date: Date) -> Bool {
        let seconds = date.timeIntervalSince1970
        return seconds != seconds.rounded()
    }
}
