/// Where `push` puts an image: `public.ecr.aws/ALIAS/REPO:TAG`, `public.ecr.aws/REPO:TAG` or `REPO:TAG`
/// (the last two in the caller's own registry). The tag defaults to `latest`, as with `docker push`.
struct ImageReference: Sendable, Equatable, CustomStringConvertible {
    static let registryHost = "public.ecr.aws"

    /// The registry alias, passed as `registryId` (ECR Public's upload and image operations accept an alias
    /// there); nil for the caller's default registry.
    var registryAlias: String?
    var repositoryName: String
    var tag: String

    init(_ text: String, command: String) throws(UsageError) {
        func reject(_ reason: String) -> UsageError {
            UsageError("argument TARGET: '\(text)' \(reason)", command: command)
        }
        guard !text.contains("@") else { throw reject("names a digest; give a tag (REPO:TAG)") }
        let hasHost = text.hasPrefix(Self.registryHost + "/")
        var path = hasHost ? String(text.dropFirst(Self.registryHost.count + 1)) : text
        tag = "latest"
        if let colon = path.lastIndex(of: ":"), !path[colon...].contains("/") {
            tag = String(path[path.index(after: colon)...])
            path = String(path[..<colon])
        }
        var components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !components.isEmpty, components.allSatisfy({ !$0.isEmpty }) else {
            throw reject("is not public.ecr.aws/ALIAS/REPOSITORY[:TAG]")
        }
        if !hasHost, components.count > 1, components[0].contains(".") || components[0].contains(":") {
            throw reject("is not in ECR Public (public.ecr.aws)")
        }
        registryAlias = hasHost && components.count > 1 ? components.removeFirst() : nil
        repositoryName = components.joined(separator: "/")
        guard Self.isValidTag(tag) else {
            throw reject("has an invalid tag '\(tag)': 1 to 128 letters, digits, '_', '.', '-', not starting with '.' or '-'")
        }
    }

    /// Docker's tag grammar, so a bad tag fails before any blob is uploaded rather than at `PutImage`.
    private static func isValidTag(_ tag: String) -> Bool {
        guard let first = tag.first, tag.count <= 128, first != ".", first != "-" else { return false }
        return tag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
    }

    var description: String {
        [Self.registryHost, registryAlias, repositoryName].compactMap { $0 }.joined(separator: "/") + ":" + tag
    }
}
