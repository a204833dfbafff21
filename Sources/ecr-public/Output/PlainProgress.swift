/// Upload progress for logs and pipes: one line per part, e.g. `uploaded part 2/4 (10.0 MiB of 40.0 MiB)`.
struct PlainProgress: UploadProgress {
    let console: Console
    private var totalBytes: Int64 = 0
    private var parts = 0

    init(console: Console) {
        self.console = console
    }

    mutating func start(totalBytes: Int64, parts: Int) {
        self.totalBytes = totalBytes
        self.parts = parts
    }

    mutating func partUploaded(_ part: Int, sentBytes: Int64) {
        console.error("uploaded part \(part)/\(parts) (\(ByteCount.format(sentBytes)) of \(ByteCount.format(totalBytes)))")
    }

    mutating func finish() {}
}
