import Foundation

extension KeyedEncodingContainer {
    /// Encodes a timestamp in the member's `timestampFormat` (epoch seconds go through the encoder's strategy).
    public mutating func encodeTimestamp(_ date: Date?, forKey key: Key, format: TimestampFormat) throws {
        guard let date else { return }
        switch format {
        case .epochSeconds: try encode(date, forKey: key)
        case .dateTime, .httpDate: try encode(format.string(from: date), forKey: key)
        }
    }

    /// Encodes a list of timestamps in the member's `timestampFormat`.
    public mutating func encodeTimestamps(_ dates: [Date]?, forKey key: Key, format: TimestampFormat) throws {
        guard let dates else { return }
        switch format {
        case .epochSeconds: try encode(dates, forKey: key)
        case .dateTime, .httpDate: try encode(dates.map(format.string(from:)), forKey: key)
        }
    }
}
