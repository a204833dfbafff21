import Foundation
import XCTest

@testable import AWSRuntime

/// One case folder of the official SigV4 suite (`../shared/testdata/sigv4/aws-c-auth-v4/NAME`).
struct SigV4SuiteCase {
    /// The signing parameters in context.json.
    struct Context: Decodable {
        struct Credentials: Decodable {
            var access_key_id: String
            var secret_access_key: String
            var token: String?
        }
        var credentials: Credentials
        var expiration_in_seconds: Int
        var normalize: Bool
        var region: String
        var service: String
        var sign_body: Bool
        var timestamp: String
        var omit_session_token: Bool?
    }

    /// request.txt split into its parts; the path may hold raw spaces or UTF-8, so it is not a URL.
    struct RawRequest {
        var method: String
        var path: String
        var query: String
        var headers: HTTPHeaders
        var body: Data
    }

    var name: String
    var directory: URL

    /// The suite folder, found from this file's location; nil when the shared data is absent.
    static func suiteDirectory(filePath: String = #filePath) -> URL? {
        let repositoryRoot = URL(fileURLWithPath: filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let directory = repositoryRoot.appendingPathComponent("../shared/testdata/sigv4/aws-c-auth-v4")
            .standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { return nil }
        return directory
    }

    /// Every case folder (those with a context.json), sorted by name.
    static func all() throws -> [SigV4SuiteCase] {
        guard let directory = suiteDirectory() else {
            throw XCTSkip("SigV4 suite not found at ../shared/testdata/sigv4/aws-c-auth-v4; skipping suite cases")
        }
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().compactMap { name in
            let caseDirectory = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: caseDirectory.appendingPathComponent("context.json").path)
            else { return nil }
            return SigV4SuiteCase(name: name, directory: caseDirectory)
        }
    }

    func text(_ file: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
    }

    func context() throws -> Context {
        try JSONDecoder().decode(Context.self, from: Data(contentsOf: directory.appendingPathComponent("context.json")))
    }

    func credentials(_ context: Context) -> AWSCredentials {
        AWSCredentials(
            accessKeyId: context.credentials.access_key_id, secretAccessKey: context.credentials.secret_access_key,
            sessionToken: context.credentials.token)
    }

    func date(_ context: Context) throws -> Date {
        guard let date = ISO8601DateFormatter().date(from: context.timestamp) else {
            throw SigV4SuiteError.badTimestamp(context.timestamp)
        }
        return date
    }

    func options(_ context: Context) -> SigV4Options {
        SigV4Options(
            addContentSHA256Header: context.sign_body, normalizePath: context.normalize, doubleEncodePath: true,
            omitSessionToken: context.omit_session_token ?? false)
    }

    /// Parses request.txt: request line, headers (indented lines continue the previous value), blank line, body.
    func request() throws -> RawRequest {
        let raw = try text("request.txt")
        let headerPart: Substring
        var body = Data()
        if let blank = raw.range(of: "\n\n") {
            headerPart = raw[..<blank.lowerBound]
            body = Data(raw[blank.upperBound...].utf8)
        } else {
            headerPart = raw[...]
        }
        var lines = headerPart.split(separator: "\n", omittingEmptySubsequences: false)
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 3 else { throw SigV4SuiteError.badRequestLine(String(raw.prefix(80))) }
        // The target may contain spaces (`/example space/`): everything between method and protocol.
        let target = requestLine[1..<(requestLine.count - 1)].joined(separator: " ")
        let path: String
        let query: String
        if let question = target.firstIndex(of: "?") {
            path = String(target[..<question])
            query = String(target[target.index(after: question)...])
        } else {
            path = target
            query = ""
        }
        var fields: [(String, String)] = []
        for line in lines where !line.isEmpty {
            if line.first == " " || line.first == "\t", !fields.isEmpty {
                fields[fields.count - 1].1 += "\n" + line
            } else if let colon = line.firstIndex(of: ":") {
                fields.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            } else {
                throw SigV4SuiteError.badHeaderLine(String(line))
            }
        }
        return RawRequest(
            method: String(requestLine[0]), path: path, query: query, headers: HTTPHeaders(fields), body: body)
    }
}

enum SigV4SuiteError: Error {
    case badTimestamp(String)
    case badRequestLine(String)
    case badHeaderLine(String)
}
