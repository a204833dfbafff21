#if canImport(os)
    import os

    extension RequestLogger {
        /// A logger that writes to Apple's unified logging system (`os.Logger`, seen in Console and `log stream`)
        /// instead of standard error, at `.info` or, for `.debug`, the debug level.
        ///
        /// The lines are the ones ``RequestLogger`` writes everywhere: hooks see requests with their secrets
        /// redacted, so they are logged as public.
        public static func unifiedLogging(
            subsystem: String = "AWSRuntime", category: String = "requests", level: Level = .info
        ) -> RequestLogger {
            RequestLogger(level: level) { line in
                let logger = Logger(subsystem: subsystem, category: category)
                if level == .debug {
                    logger.debug("\(line, privacy: .public)")
                } else {
                    logger.info("\(line, privacy: .public)")
                }
            }
        }
    }
#endif
