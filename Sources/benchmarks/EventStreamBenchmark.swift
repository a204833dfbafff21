import AWSRuntime
import Foundation

/// Decoding 10,000 event-stream messages (~200 bytes each, a Bedrock-like chunk event) fed in 16 KiB chunks as
/// they would arrive, events/s ours beside botocore's `EventStreamBuffer` on the same bytes in the same run.
func eventStreamBenchmarkRows() -> [BenchmarkRow] {
    let count = 10_000
    let messages = (0..<count).map { index in
        EventStreamMessage(headers: [
            EventStreamHeader(name: ":message-type", value: .string("event")),
            EventStreamHeader(name: ":event-type", value: .string("chunk")),
            EventStreamHeader(name: ":content-type", value: .string("application/json")),
        ], payload: Data(#"{"bytes":"eyJ0eXBlIjoiY29udGVudF9ibG9ja19kZWx0YSIsImluZGV4IjowLCJkZWx0YSI6eyJ0ZXh0IjoiIn19","n":\#(index)}"#.utf8))
    }
    guard let stream = try? EventStreamEncoder().encode(messages) else {
        print("event-stream benchmark: encoding failed")
        return []
    }
    let chunk = 16 * 1024
    var decodedCount = 0
    let best = bestTime(iterations: 10) {
        var decoder = EventStreamDecoder()
        var decoded = 0
        var offset = 0
        while offset < stream.count {
            decoder.append(stream[offset..<min(offset + chunk, stream.count)])
            offset += chunk
            while let message = try? decoder.next() {
                decoded += message.payload.isEmpty ? 0 : 1
            }
        }
        decodedCount = decoded
    }
    guard decodedCount == count else {
        print("event-stream benchmark: decoded \(decodedCount) of \(count) messages")
        return []
    }
    let ours = Double(count) / best.seconds
    let botocore = botocoreEventsPerSecond(stream, chunk: chunk, count: count)
    return [BenchmarkRow(
        name: "event stream: decode \(count) messages (\(stream.count / 1024) KiB, \(String(format: "%.0f", Double(stream.count) / best.seconds / 1e6)) MB/s)",
        ours: ours / 1000, unit: "k events/s", referenceName: botocore.map { _ in "botocore EventStreamBuffer" },
        reference: botocore.map { $0 / 1000 }, goal: "informational", met: nil)]
}

private func botocoreEventsPerSecond(_ stream: Data, chunk: Int, count: Int) -> Double? {
    let script = """
        import sys, time
        from botocore.eventstream import EventStreamBuffer
        data = sys.stdin.buffer.read()
        chunk, best = int(sys.argv[1]), float("inf")
        for _ in range(5):
            start = time.perf_counter()
            buffer, n = EventStreamBuffer(), 0
            for offset in range(0, len(data), chunk):
                buffer.add_data(data[offset:offset + chunk])
                for message in buffer:
                    n += 1
            best = min(best, time.perf_counter() - start)
        print(n / best if n == int(sys.argv[2]) else -1)
        """
    guard let value = pythonFigure(script, arguments: [String(chunk), String(count)], input: stream) else {
        print("botocore event-stream benchmark failed (is botocore installed?)")
        return nil
    }
    return value
}
