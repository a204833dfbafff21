import Foundation

/// RFC 3339 and HTTP-date formatting and parsing with fixed locale and time zone, thread-safe and allocation-light.
enum DateTimeFormatting {
    private static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!

    static func rfc3339(_ date: Date) -> String {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: hasFraction(date), timeZone: utc)
        return date.formatted(style)
    }

    /// Reads whole seconds with the formatter and adds any fraction as decimal text, so
    /// `2000-01-02T20:34:56.123Z` is exactly `Date(timeIntervalSince1970: 946845296.123)`, the value the same
    /// instant has in epoch seconds (formatters add the fraction in binary and can land one ulp away).
    static func parseRFC3339(_ text: String) -> Date? {
        var whole = text
        var fraction: Substring?
        if let time = text.firstIndex(where: { $0 == "T" || $0 == "t" }),
           let dot = text[time...].firstIndex(of: ".") {
            let digits = text[text.index(after: dot)...].prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return nil }
            fraction = digits
            whole = String(text[..<dot] + text[digits.endIndex...])
        }
        guard let date = parseWholeSeconds(whole) else { return nil }
        guard let fraction else { return date }
        let seconds = date.timeIntervalSince1970
        let exact = seconds >= 0 ? Double("\(Int64(seconds)).\(fraction)") : Double("0.\(fraction)").map { seconds + $0 }
        return exact.map(Date.init(timeIntervalSince1970:))
    }

    private static func parseWholeSeconds(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(timeZone: utc).parse(text) { return date }
        // Offsets other than Z.
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
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
