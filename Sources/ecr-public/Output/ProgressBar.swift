/// Upload progress on a terminal: one line redrawn in place,
/// `[#####.....] 12.0 MiB / 40.0 MiB  8.1 MiB/s  ETA 3s`.
struct ProgressBar: UploadProgress {
    /// Cells between the brackets.
    static let width = 30

    let console: Console
    private let clock = ContinuousClock()
    private var started: ContinuousClock.Instant
    private var totalBytes: Int64 = 0

    init(console: Console) {
        self.console = console
        self.started = clock.now
    }

    mutating func start(totalBytes: Int64, parts: Int) {
        self.totalBytes = totalBytes
        started = clock.now
        draw(sentBytes: 0)
    }

    mutating func partUploaded(_ part: Int, sentBytes: Int64) {
        draw(sentBytes: sentBytes)
    }

    mutating func finish() {
        console.errorRaw("\n")
    }

    /// Clears the line and writes the bar for `sentBytes`.
    private func draw(sentBytes: Int64) {
        let elapsed = started.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        console.errorRaw("\r\u{1B}[2K" + Self.line(sentBytes: sentBytes, totalBytes: totalBytes, elapsedSeconds: seconds))
    }

    /// The bar's text after `elapsedSeconds` with `sentBytes` of `totalBytes` sent.
    static func line(sentBytes: Int64, totalBytes: Int64, elapsedSeconds: Double) -> String {
        let fraction = totalBytes > 0 ? min(1, Double(sentBytes) / Double(totalBytes)) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let rate = elapsedSeconds > 0 ? Double(sentBytes) / elapsedSeconds : 0
        let eta = rate > 0 ? ByteCount.duration(seconds: Double(totalBytes - sentBytes) / rate) : "--"
        return "[\(bar)] \(ByteCount.format(sentBytes)) / \(ByteCount.format(totalBytes))  "
            + "\(ByteCount.rate(bytesPerSecond: rate))  ETA \(eta)"
    }
}
