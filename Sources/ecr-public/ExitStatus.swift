/// The tool's exit statuses.
enum ExitStatus {
    static let success: Int32 = 0
    /// The service returned an error, or the call failed at run time (network, credentials, region).
    static let failure: Int32 = 1
    /// The command line was wrong, or the input broke the model's constraints; nothing was sent.
    static let usage: Int32 = 2
}
