import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Buffered reads from a test server's connection: a request head, lines, body bytes handed on as they come, and
/// the chunks of a chunked body. Every wait polls, so the server can stop.
struct SocketReader {
    let connection: Int32
    let shouldStop: () -> Bool
    private var buffer: [UInt8] = []

    init(connection: Int32, shouldStop: @escaping () -> Bool) {
        self.connection = connection
        self.shouldStop = shouldStop
    }

    private mutating func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        while !shouldStop() {
            var pollDescriptor = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pollDescriptor, 1, 100)
            if ready < 0 { return false }
            if ready == 0 { continue }
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
        return false
    }

    /// The request line and headers, up to the blank line; nil when the connection ends first or they pass 1 MiB.
    mutating func readHead() -> String? {
        while true {
            if let end = buffer.firstRange(of: [13, 10, 13, 10]) {
                let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
                buffer.removeSubrange(..<end.upperBound)
                return head
            }
            guard buffer.count < 1 << 20, fill() else { return nil }
        }
    }

    mutating func readLine() -> String? {
        while true {
            if let end = buffer.firstRange(of: [13, 10]) {
                let line = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
                buffer.removeSubrange(..<end.upperBound)
                return line
            }
            guard fill() else { return nil }
        }
    }

    /// `count` body bytes, handed to `consume` as they arrive; false when the connection ends first.
    mutating func readBody(_ count: Int, into consume: (UnsafeRawBufferPointer) -> Void) -> Bool {
        var remaining = count
        while remaining > 0 {
            if buffer.isEmpty, !fill() { return false }
            let take = min(remaining, buffer.count)
            buffer.withUnsafeBytes { consume(UnsafeRawBufferPointer(rebasing: $0[0..<take])) }
            buffer.removeFirst(take)
            remaining -= take
        }
        return true
    }

    /// The next chunk of a chunked body; nil at its end (or when the connection ends).
    mutating func readChunk() -> Data? {
        guard let line = readLine(), let size = Int(line.split(separator: ";").first ?? "", radix: 16), size > 0 else {
            _ = readLine()  // the blank line after the last chunk
            return nil
        }
        var data = Data()
        guard readBody(size, into: { data.append(contentsOf: $0) }) else { return nil }
        _ = readLine()
        return data
    }
}

/// Writes all of `bytes` to a test server's connection, waiting for room; false when the peer has gone or
/// `shouldStop` says the server is stopping.
func sendAll(_ connection: Int32, _ bytes: some ContiguousBytes, shouldStop: () -> Bool) -> Bool {
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            var pollDescriptor = pollfd(fd: connection, events: Int16(POLLOUT), revents: 0)
            guard poll(&pollDescriptor, 1, 100) >= 0 else { return false }
            if shouldStop() { return false }
            if pollDescriptor.revents & Int16(POLLOUT) == 0 {
                if pollDescriptor.revents != 0 { return false }
                continue
            }
            let sent = send(connection, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }
}
