/// Strict UTF-8 validation with the standard library's decoder: overlong forms, surrogates, code points past
/// U+10FFFF and cut-off sequences are all invalid.
enum UTF8Validation {
    /// Whether `bytes` are entirely valid UTF-8; a run of ASCII costs one comparison a byte.
    static func isValid<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        if bytes.allSatisfy({ $0 < 0x80 }) { return true }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
