/// Sizes and limits of the `application/vnd.amazon.eventstream` framing.
///
/// A message is a 12-byte prelude (total length, headers length, prelude CRC-32: all big-endian `UInt32`),
/// the headers, the payload, and a 4-byte CRC-32 of everything before it.
public enum EventStreamFraming {
    /// The media type of an event stream body.
    public static let contentType = "application/vnd.amazon.eventstream"
    /// The prelude: total length, headers length and prelude CRC-32, 4 bytes each.
    public static let preludeLength = 12
    /// The smallest message: a prelude and a message CRC-32, with no headers and no payload.
    public static let minimumMessageLength = 16
    /// The largest total message length AWS services send or accept: 16 MiB.
    public static let defaultMaximumMessageLength = 16 * 1024 * 1024
    /// The largest header section AWS services send or accept: 128 KiB.
    public static let defaultMaximumHeadersLength = 128 * 1024
}
