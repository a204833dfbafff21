import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1 for the whole-call benchmark: keep-alive connections, one thread
/// each, and the same canned response to every request (after reading the request's headers and body), so
/// what is measured is the client, not the server.
final class CannedHTTPServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let response: [UInt8]

    init(body: Data, contentType: String) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw CannedServerError.socket }
        self.listener = listener
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 256) == 0 else { throw CannedServerError.socket }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let head = "HTTP/1.1 200 OK\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n"
            + "x-amzn-RequestId: 00000000-0000-0000-0000-000000000000\r\nConnection: keep-alive\r\n\r\n"
        response = Array(head.utf8) + Array(body)
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    var url: String { "http://127.0.0.1:\(port)" }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            var noDelay: Int32 = 1
            setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            let thread = Thread { [self] in serve(connection) }
            thread.stackSize = 256 << 10
            thread.start()
        }
    }

    /// Answers every request on one connection until the client closes it.
    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var pending: [UInt8] = []
        while true {
            // Headers, then as many body bytes as Content-Length says.
            while true {
                if let end = Self.headerEnd(pending) {
                    let length = Self.contentLength(pending[..<end])
                    if pending.count >= end + length {
                        pending.removeFirst(end + length)
                        break
                    }
                }
                let count = read(connection, &buffer, buffer.count)
                guard count > 0 else { return }
                pending += buffer[0..<count]
            }
            var written = 0
            while written < response.count {
                let count = response.withUnsafeBytes { write(connection, $0.baseAddress! + written, response.count - written) }
                guard count > 0 else { return }
                written += count
            }
        }
    }

    private static func headerEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13
            && bytes[index + 3] == 10 {
            return index + 4
        }
        return nil
    }

    /// The `Content-Length` value, read as bytes (Foundation string search would make the server, not the
    /// client, the cost being measured).
    private static func contentLength(_ head: ArraySlice<UInt8>) -> Int {
        let name = Array("content-length:".utf8)
        var index = head.startIndex
        while index + name.count <= head.endIndex {
            if zip(head[index..<(index + name.count)], name).allSatisfy({ ($0 | 0x20) == $1 || $0 == $1 }) {
                var cursor = index + name.count
                while cursor < head.endIndex, head[cursor] == 32 { cursor += 1 }
                var value = 0
                while cursor < head.endIndex, (48...57).contains(head[cursor]) {
                    value = value * 10 + Int(head[cursor] - 48)
                    cursor += 1
                }
                return value
            }
            index += 1
        }
        return 0
    }
}

enum CannedServerError: Error {
    case socket
}
