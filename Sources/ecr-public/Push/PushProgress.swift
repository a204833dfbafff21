import Foundation

/// One display for a whole push, shared by the concurrent blob uploads.
///
/// On a terminal, standard error holds one line per blob, redrawn in place:
/// `3f9a1c2b7d4e  layer 2/3  [#####.....] 12.0 MiB / 40.0 MiB  8.1 MiB/s  ETA 3s`.
/// Elsewhere (logs, pipes) each event is one plain line, e.g.
/// `3f9a1c2b7d4e layer 2/3: part 1/3 (5.0 MiB of 12.0 MiB)`.
actor PushProgress {
    private let console: Console
    private let isTerminal: Bool
    private let clock = ContinuousClock()
    private var rows: [BlobProgress] = []
    /// Lines of the terminal block drawn last, to move the cursor back over them.
    private var drawnLines = 0

    init(console: Console, isTerminal: Bool) {
        self.console = console
        self.isTerminal = isTerminal
    }

    /// The repository has the blob already; it is not uploaded.
    func skipped(_ blob: BlobFile) {
        rows.append(BlobProgress(blob: blob, state: .skipped, started: clock.now))
        event(blob, "already in the repository, not uploaded")
    }

    /// The upload of `blob` began; it goes in `parts` parts.
    func started(_ blob: BlobFile, parts: Int) {
        rows.append(BlobProgress(blob: blob, state: .uploading(sentBytes: 0, parts: parts), started: clock.now))
        redraw()
    }

    /// The service accepted part `part`; `sentBytes` of the blob are in.
    func partSent(_ blob: BlobFile, part: Int, sentBytes: Int64) {
        guard let index = rows.lastIndex(where: { $0.blob.digest == blob.digest }),
              case .uploading(_, let parts) = rows[index].state else { return }
        rows[index].state = .uploading(sentBytes: sentBytes, parts: parts)
        event(blob, "part \(part)/\(parts) (\(ByteCount.format(sentBytes)) of \(ByteCount.format(blob.size)))")
    }

    /// The upload of `blob` completed.
    func finished(_ blob: BlobFile) {
        guard let index = rows.lastIndex(where: { $0.blob.digest == blob.digest }) else { return }
        rows[index].state = .done(seconds: seconds(since: rows[index].started))
        event(blob, "pushed \(ByteCount.format(blob.size))")
    }

    /// A line below the blob block (manifests, the summary); on a terminal the block is finished first.
    func note(_ line: String) {
        drawnLines = 0
        console.error(line)
    }

    private func event(_ blob: BlobFile, _ text: String) {
        if isTerminal {
            redraw()
        } else {
            console.error("\(blob.digest.short) \(blob.label): \(text)")
        }
    }

    /// Moves up over the block drawn last and draws every row again.
    private func redraw() {
        guard isTerminal else { return }
        let up = drawnLines > 0 ? "\u{1B}[\(drawnLines)A" : ""
        let now = clock.now
        let width = rows.map(\.blob.label.count).max() ?? 0
        let lines = rows.map { "\r\u{1B}[2K" + $0.line(labelWidth: width, elapsed: seconds(from: $0.started, to: now)) }
        console.errorRaw(up + lines.joined(separator: "\n") + "\n")
        drawnLines = rows.count
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        seconds(from: start, to: clock.now)
    }

    private func seconds(from start: ContinuousClock.Instant, to end: ContinuousClock.Instant) -> Double {
        let elapsed = start.duration(to: end)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

/// What the terminal display shows for one blob.
struct BlobProgress: Sendable {
    enum State: Sendable {
        case skipped
        case uploading(sentBytes: Int64, parts: Int)
        case done(seconds: Double)
    }

    let blob: BlobFile
    var state: State
    let started: ContinuousClock.Instant

    /// `3f9a1c2b7d4e  layer 2/3  [#####.....] 12.0 MiB / 40.0 MiB  8.1 MiB/s  ETA 3s`.
    func line(labelWidth: Int, elapsed: Double) -> String {
        let label = blob.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
        let head = "\(blob.digest.short)  \(label)  "
        switch state {
        case .skipped:
            return head + "already in the repository"
        case .uploading(let sentBytes, _):
            return head + ProgressBar.line(sentBytes: sentBytes, totalBytes: blob.size, elapsedSeconds: elapsed)
        case .done(let seconds):
            return head + "pushed \(ByteCount.format(blob.size)) in \(ByteCount.duration(seconds: seconds))"
        }
    }
}
