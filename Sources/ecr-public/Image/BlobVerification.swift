/// Checks a blob's bytes against the descriptor that references it: size first (cheap), then the digest of
/// the whole content. Runs for every blob before anything is sent, so a corrupt source fails early.
enum BlobVerification {
    static func verify(_ region: FileRegion, against descriptor: Descriptor, name: String) throws(ImageSourceError) -> Digest {
        let expected = try descriptor.checkedDigest()
        guard region.length == descriptor.size else {
            throw .sizeMismatch(path: name, expected: descriptor.size, actual: region.length)
        }
        let actual = try region.digest()
        guard actual == expected else {
            throw .digestMismatch(path: name, expected: expected.description, actual: actual.description)
        }
        return actual
    }
}
