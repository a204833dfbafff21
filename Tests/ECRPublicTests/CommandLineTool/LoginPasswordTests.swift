import Foundation
import XCTest

/// get-login-password prints the password of `AWS:<password>`, and nothing else.
final class LoginPasswordTests: XCTestCase {
    func testPrintsOnlyThePassword() async throws {
        let service = try await ToolTestService.start(for: self)
        let result = try await service.succeed(["get-login-password"])
        // The test service's password is base64 of 24 random bytes: 32 characters.
        XCTAssertNotNil(result.stdout.range(of: #"^[A-Za-z0-9+/]{32}\n$"#, options: .regularExpression),
                        "expected exactly the password and a newline:\n\(result)")
        XCTAssertFalse(result.stdout.contains("AWS:"), result.description)
        XCTAssertEqual(result.stderr, "", result.description)
    }

    func testPasswordIsTheSecondHalfOfTheToken() async throws {
        let service = try await ToolTestService.start(for: self)
        let password = try await service.succeed(["get-login-password"]).stdout
            .trimmingCharacters(in: .newlines)
        // The test service's password is itself base64, so it must decode to the 24 bytes it was made from.
        XCTAssertEqual(Data(base64Encoded: password)?.count, 24, password)
    }
}
