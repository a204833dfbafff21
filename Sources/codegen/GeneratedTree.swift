import Foundation

/// Compares generated files with a folder and writes only what changed, all or nothing.
struct GeneratedTree {
    /// Folder → the files that belong in it.
    var folders: [(directory: URL, files: [(name: String, contents: Data)])]

    enum Change: CustomStringConvertible {
        case stale(String), missing(String), extra(String)

        var description: String {
            switch self {
            case .stale(let path): return "stale:   \(path)"
            case .missing(let path): return "missing: \(path)"
            case .extra(let path): return "extra:   \(path)"
            }
        }
    }

    /// What differs between the generated files and the disk. Only `.swift` files count as extra.
    func changes() -> [Change] {
        var changes: [Change] = []
        let fileManager = FileManager.default
        for (directory, files) in folders {
            let names = Set(files.map(\.name))
            for (name, contents) in files {
                let path = directory.appendingPathComponent(name).path
                guard let existing = fileManager.contents(atPath: path) else {
                    changes.append(.missing(path))
                    continue
                }
                if existing != contents { changes.append(.stale(path)) }
            }
            let present = (try? fileManager.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in present.sorted() where name.hasSuffix(".swift") && !names.contains(name) {
                changes.append(.extra(directory.appendingPathComponent(name).path))
            }
        }
        return changes
    }

    /// Writes changed and missing files and removes extra `.swift` files. Every new file is first written
    /// beside its target, then all are moved into place, so a failure leaves the tree as it was.
    func write() throws -> [Change] {
        let changes = changes()
        let fileManager = FileManager.default
        var staged: [(temporary: URL, final: URL)] = []
        do {
            for (directory, files) in folders {
                try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
                for (name, contents) in files {
                    let final = directory.appendingPathComponent(name)
                    guard fileManager.contents(atPath: final.path) != contents else { continue }
                    let temporary = directory.appendingPathComponent(".\(name).codegen-\(UUID().uuidString)")
                    try contents.write(to: temporary)
                    staged.append((temporary, final))
                }
            }
        } catch {
            for file in staged { try? fileManager.removeItem(at: file.temporary) }
            throw error
        }
        for file in staged {
            // rename(2) replaces the old file atomically: readers see the old bytes or the new, never a mix.
            guard rename(file.temporary.path, file.final.path) == 0 else {
                let reason = String(cString: strerror(errno))
                for pending in staged { try? fileManager.removeItem(at: pending.temporary) }
                throw GeneratedTreeError(path: file.final.path, reason: reason)
            }
        }
        for case .extra(let path) in changes { try fileManager.removeItem(atPath: path) }
        return changes
    }
}

struct GeneratedTreeError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot write \(path): \(reason)" }
}
