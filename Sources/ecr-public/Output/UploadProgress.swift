/// Reports a layer upload's progress as its parts are sent.
protocol UploadProgress {
    /// Called once before the first part.
    mutating func start(totalBytes: Int64, parts: Int)
    /// Called after each part the service accepted; `sentBytes` counts all parts so far.
    mutating func partUploaded(_ part: Int, sentBytes: Int64)
    /// Called once after the last part.
    mutating func finish()
}

extension Console {
    /// A bar redrawn in place when standard error is a terminal, else one plain line per part.
    func makeUploadProgress() -> any UploadProgress {
        isErrorTerminal ? ProgressBar(console: self) : PlainProgress(console: self)
    }
}
