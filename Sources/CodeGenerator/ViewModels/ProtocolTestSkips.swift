/// Protocol test cases the generated tests skip, by test id, each with the reason written into the test.
///
/// Keep this empty unless a case checks something the client deliberately does not do.
enum ProtocolTestSkips {
    private static let reasons: [String: String] = [:]

    static func reason(for testID: String) -> String? { reasons[testID] }
}
