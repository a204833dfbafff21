import Foundation

/// Hands a response body from the transport's thread to the task reading it, holding at most `capacity` bytes
/// between them: when the reader falls behind, the transport's thread waits (and so does the connection), so a
/// download never costs more memory than that.
///
/// The transport side (``write(_:)``, ``finish(throwing:)``) blocks and runs on a thread of its own, never one
/// of Swift's cooperative pool; the reading side (``next()``) suspends.
final class ResponseBodyChannel: @unchecked Sendable {
    static let defaultCapacity = 1 << 20

    private let capacity: Int
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var buffered = 0
    private var ended = false
    private var failure: (any Error)?
    private var closedByReader = false
    private var waiter: CheckedContinuation<Data?, any Error>?
    /// Called once when the reader goes away first (dropped, cancelled), so the transport stops at once.
    private var onReaderClose: (@Sendable () -> Void)?

    init(capacity: Int = ResponseBodyChannel.defaultCapacity) {
        self.capacity = max(1, capacity)
    }

    /// What to do when the reader closes the channel before the body ended.
    func setOnReaderClose(_ action: @escaping @Sendable () -> Void) {
        condition.lock()
        onReaderClose = action
        condition.unlock()
    }

    // MARK: - Transport side

    /// Adds body bytes, waiting while `capacity` bytes are unread. False when the reader has gone: stop the
    /// transfer.
    func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !bytes.isEmpty else { return true }
        condition.lock()
        while buffered >= capacity && !closedByReader && !ended {
            condition.wait()
        }
        if closedByReader || ended {
            condition.unlock()
            return false
        }
        let chunk = Data(bytes)
        if let waiter {
            self.waiter = nil
            condition.unlock()
            waiter.resume(returning: chunk)
            return true
        }
        chunks.append(chunk)
        buffered += chunk.count
        condition.unlock()
        return true
    }

    /// What ``offer(_:)`` did with the bytes.
    enum Offer { case taken, full, closed }

    /// Adds body bytes without waiting: `.full` (nothing taken) while `capacity` bytes are unread, so a transport
    /// that must keep sending (a duplex event stream) pauses the download instead of its thread. ``onRoom`` says
    /// when to offer again.
    func offer(_ bytes: UnsafeRawBufferPointer) -> Offer {
        let isFull = condition.withLock { buffered >= capacity && !closedByReader && !ended }
        // Only this (the transport's) thread adds bytes, so the room seen here is still there for `write`.
        if isFull { return .full }
        return write(bytes) ? .taken : .closed
    }

    /// Called when the reader has taken what was buffered (room again) or gone.
    var onRoom: (@Sendable () -> Void)? {
        get { condition.withLock { roomHandler } }
        set { condition.withLock { roomHandler = newValue } }
    }
    private var roomHandler: (@Sendable () -> Void)?

    /// Whether ``offer(_:)`` would take bytes now, or the reader has gone (so the transport should look again).
    var hasRoomOrClosed: Bool {
        condition.withLock { buffered < capacity || closedByReader || ended }
    }

    /// Ends the body: the reader gets what is buffered, then nil (or `error`).
    func finish(throwing error: (any Error)? = nil) {
        condition.lock()
        guard !ended else {
            condition.unlock()
            return
        }
        ended = true
        failure = error
        let waiter = self.waiter
        self.waiter = nil
        condition.broadcast()
        condition.unlock()
        if let error { waiter?.resume(throwing: error) } else { waiter?.resume(returning: nil) }
    }

    // MARK: - Reader side

    /// Everything buffered so far as one chunk, waiting for the transport when nothing is; nil at the end.
    func next() async throws -> Data? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data?, any Error>) in
                condition.lock()
                if closedByReader {
                    condition.unlock()
                    continuation.resume(throwing: ByteStreamError.closed)
                    return
                }
                if !chunks.isEmpty {
                    let chunk = chunks.count == 1 ? chunks[0] : chunks.reduce(into: Data(capacity: buffered)) { $0.append($1) }
                    chunks.removeAll(keepingCapacity: true)
                    buffered = 0
                    condition.broadcast()
                    let room = roomHandler
                    condition.unlock()
                    room?()
                    continuation.resume(returning: chunk)
                    return
                }
                if ended {
                    let failure = self.failure
                    condition.unlock()
                    if let failure { continuation.resume(throwing: failure) } else { continuation.resume(returning: nil) }
                    return
                }
                guard waiter == nil else {
                    // A body is read by one task at a time.
                    condition.unlock()
                    continuation.resume(throwing: ByteStreamError.concurrentRead)
                    return
                }
                waiter = continuation
                condition.unlock()
            }
        } onCancel: {
            close(because: CancellationError())
        }
    }

    /// The reader is done (dropped the stream): drop what is buffered and tell the transport to stop.
    func close() {
        close(because: ByteStreamError.closed)
    }

    private func close(because error: any Error) {
        condition.lock()
        let wasOpen = !closedByReader && !ended
        closedByReader = true
        chunks.removeAll()
        buffered = 0
        let waiter = self.waiter
        self.waiter = nil
        let action = wasOpen ? onReaderClose : nil
        let room = roomHandler
        condition.broadcast()
        condition.unlock()
        waiter?.resume(throwing: error)
        action?()
        room?()
    }
}

/// One iteration of a response body: when the iterator goes, the channel is closed (a no-op once the body ended).
final class ResponseIteration: Sendable {
    let channel: ResponseBodyChannel

    init(_ channel: ResponseBodyChannel) {
        self.channel = channel
    }

    deinit {
        channel.close()
    }
}

/// The reading end of a ``ResponseBodyChannel`` as a ``ByteStream`` holds it: when the last copy of the stream
/// is gone, the channel is closed and the transport stops.
final class ResponseBodyReader: Sendable {
    let channel: ResponseBodyChannel
    /// The `Content-Length` the response stated, if any.
    let length: Int64?

    init(channel: ResponseBodyChannel, length: Int64?) {
        self.channel = channel
        self.length = length
    }

    deinit {
        channel.close()
    }
}
