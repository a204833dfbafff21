import Foundation

/// A streamed request body as a transport reads it on its own thread: blocking reads into the transport's
/// buffer. A file is read directly; a sequence of chunks is pulled by a task that keeps at most `capacity`
/// bytes ahead of the transport.
final class UploadBodyReader: @unchecked Sendable {
    static let capacity = 1 << 20

    private enum Source {
        case file(FileChunkReader)
        case chunks
    }

    private let source: Source
    /// The longest the transport waits for the caller's sequence to yield; then the transfer fails as timed out.
    private let idleTimeout: TimeInterval
    /// The length a sequence was given (and `Content-Length` states): exactly this many bytes are sent.
    private let expectedLength: Int64?
    private var delivered: Int64 = 0
    // Guarded by `condition` (chunk sources only).
    private let condition = NSCondition()
    private var queue: [Data] = []
    private var offset = 0
    private var queued = 0
    private var ended = false
    private var failure: (any Error)?
    private var cancelled = false
    private var pumpWaiter: CheckedContinuation<Void, Never>?
    private var pump: Task<Void, Never>?

    /// The error that ended reading, if any (a file changed, the caller's sequence threw).
    var error: (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        return failure
    }

    /// The caller's sequence did not yield within the idle timeout.
    struct IdleTimeout: Error {}

    init(_ stream: ByteStream, idleTimeout: Duration = .seconds(60)) throws {
        self.idleTimeout = Double(idleTimeout.components.seconds) + Double(idleTimeout.components.attoseconds) / 1e18
        switch stream.source {
        case .file(let url, let length):
            source = .file(try FileChunkReader(url: url, length: length))
            expectedLength = nil  // the file reader checks its own length
        case .data, .chunks, .response:
            source = .chunks
            expectedLength = stream.length
            pump = Task { [self] in await self.pumpChunks(of: stream) }
        }
    }

    deinit {
        pump?.cancel()
    }

    /// Whether a read may find nothing yet and say so instead of waiting: a sequence of unknown length (an event
    /// stream), whose next bytes may depend on the response the transport is meanwhile receiving.
    var readsWithoutWaiting: Bool {
        if case .chunks = source { return expectedLength == nil }
        return false
    }

    /// Called (from the task reading the sequence) when bytes or the end arrive, for a transport whose read found
    /// nothing and paused.
    var onAvailable: (@Sendable () -> Void)? {
        get { condition.withLock { availableHandler } }
        set { condition.withLock { availableHandler = newValue } }
    }
    private var availableHandler: (@Sendable () -> Void)?

    /// Whether a read now would not wait: bytes are queued, or the sequence ended or failed, or reading stopped.
    var hasDataOrEnd: Bool {
        condition.withLock { !queue.isEmpty || ended || cancelled || failure != nil }
    }

    /// Copies the next bytes into `buffer`: how many, 0 at the end, nil when reading failed or was cancelled;
    /// -1 (only when ``readsWithoutWaiting``) when the sequence has not yielded the next bytes yet.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        if readsWithoutWaiting, !hasDataOrEnd { return -1 }
        switch source {
        case .file(let reader):
            do {
                return try reader.read(into: buffer)
            } catch {
                condition.lock()
                failure = error
                condition.unlock()
                return nil
            }
        case .chunks:
            return readChunk(into: buffer)
        }
    }

    /// Waits (under the lock) for the pump to change something; false, with the failure set, after the idle timeout.
    private func waitForPump() -> Bool {
        if condition.wait(until: Date(timeIntervalSinceNow: idleTimeout)) { return true }
        failure = IdleTimeout()
        return false
    }

    /// Stops reading: a blocked ``read(into:)`` returns nil, and the chunk task ends.
    func cancel() {
        condition.lock()
        cancelled = true
        let waiter = pumpWaiter
        pumpWaiter = nil
        condition.broadcast()
        condition.unlock()
        waiter?.resume()
        pump?.cancel()
    }

    private func readChunk(into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        condition.lock()
        while queue.isEmpty && !ended && !cancelled {
            if !waitForPump() { break }
        }
        if cancelled || (queue.isEmpty && failure != nil) {
            condition.unlock()
            return nil
        }
        guard let chunk = queue.first else {
            // The end: fewer bytes than stated would leave the service waiting for the rest.
            if let expectedLength, delivered != expectedLength {
                failure = ByteStreamError.lengthMismatch(expected: expectedLength)
                condition.unlock()
                return nil
            }
            condition.unlock()
            return 0
        }
        let count = min(buffer.count, chunk.count - offset)
        if let expectedLength {
            // libcurl stops reading at the stated length, so bytes beyond it would be dropped without a word: before
            // the last stated bytes go out, wait for the sequence to end, and refuse it if it goes on.
            var mismatch = delivered + Int64(count) > expectedLength
            if !mismatch, delivered + Int64(count) == expectedLength {
                while queued - offset - count == 0 && !ended && !cancelled {
                    // The pump may be parked on a full queue (this very chunk): let it go on to the end.
                    if let waiter = pumpWaiter {
                        pumpWaiter = nil
                        condition.unlock()
                        waiter.resume()
                        condition.lock()
                        continue
                    }
                    if !waitForPump() { break }
                }
                mismatch = queued - offset - count > 0
            }
            if mismatch || cancelled || failure != nil {
                if mismatch { failure = ByteStreamError.lengthMismatch(expected: expectedLength) }
                condition.unlock()
                return nil
            }
        }
        delivered += Int64(count)
        chunk.withUnsafeBytes { bytes in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]))
        }
        offset += count
        if offset == chunk.count {
            queue.removeFirst()
            queued -= chunk.count
            offset = 0
        }
        var waiter: CheckedContinuation<Void, Never>?
        if queued < Self.capacity {
            waiter = pumpWaiter
            pumpWaiter = nil
        }
        condition.unlock()
        waiter?.resume()
        return count
    }

    private func pumpChunks(of stream: ByteStream) async {
        do {
            for try await chunk in stream {
                guard await enqueue(chunk) else { return }
            }
            finish(nil)
        } catch {
            finish(error)
        }
    }

    /// Queues `chunk`, then waits while `capacity` bytes are queued. False once cancelled.
    private func enqueue(_ chunk: Data) async -> Bool {
        switch append(chunk) {
        case .cancelled: return false
        case .room: return true
        case .full: break
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            park(continuation)
        }
        return !isCancelled
    }

    private enum QueueState { case room, full, cancelled }

    private func append(_ chunk: Data) -> QueueState {
        condition.lock()
        guard !cancelled else {
            condition.unlock()
            return .cancelled
        }
        queue.append(chunk)
        queued += chunk.count
        condition.broadcast()
        let state: QueueState = queued >= Self.capacity ? .full : .room
        let handler = availableHandler
        condition.unlock()
        handler?()
        return state
    }

    /// Holds the pump until the reader has drained below `capacity` (or reading was cancelled).
    private func park(_ continuation: CheckedContinuation<Void, Never>) {
        condition.lock()
        if queued < Self.capacity || cancelled {
            condition.unlock()
            continuation.resume()
            return
        }
        pumpWaiter = continuation
        // A reader waiting for the end of the sequence must see the pump park, to let it go on.
        condition.broadcast()
        condition.unlock()
    }

    private var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        ended = true
        failure = error
        condition.broadcast()
        let handler = availableHandler
        condition.unlock()
        handler?()
    }
}
