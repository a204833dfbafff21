/// An OCI image layout, as a directory or as a tar of one: `oci-layout`, `index.json` and
/// `blobs/sha256/<hex>` files. What `docker buildx --output type=oci`, `skopeo copy oci:` and Docker 25's
/// `docker save` write.
struct OCILayout {
    let files: ImageFiles

    /// Whether `files` look like a layout (both marker files present).
    static func isLayout(_ files: ImageFiles) -> Bool {
        files.file("oci-layout") != nil && files.file("index.json") != nil
    }

    /// The image `index.json` points to, every manifest and blob checked against its descriptor.
    func contents(tag: String) throws(ImageSourceError) -> ImageContents {
        let top = try selectImage(tag: tag)
        var contents = ImageContents()
        try add(top, to: &contents, isTagged: true, platform: nil, referencedBy: files.displayName("index.json"))
        return contents
    }

    /// The one image `index.json` lists, or the one whose `org.opencontainers.image.ref.name` is `tag`.
    private func selectImage(tag: String) throws(ImageSourceError) -> Descriptor {
        let path = files.displayName("index.json")
        let index = try ManifestDocument(bytes: try files.document("index.json"), path: path,
                                         descriptorMediaType: MediaType.ociIndex)
        guard case .index(let manifests) = index.kind, !manifests.isEmpty else {
            throw .malformedDocument(path: path, reason: "index.json lists no image")
        }
        if manifests.count == 1 { return manifests[0] }
        let named = manifests.filter { $0.referenceName == tag || $0.referenceName?.hasSuffix(":" + tag) == true }
        guard named.count == 1 else {
            throw .ambiguousImage(path: path, choices: manifests.map { $0.referenceName ?? $0.digest })
        }
        return named[0]
    }

    /// Adds the manifest `descriptor` names and everything it references; an index's platform manifests go
    /// before the index, as `PutImage` refuses an index whose manifests are not in the repository yet.
    private func add(_ descriptor: Descriptor, to contents: inout ImageContents, isTagged: Bool, platform: String?,
                     referencedBy: String) throws(ImageSourceError) {
        let (document, path) = try manifest(descriptor, referencedBy: referencedBy)
        switch document.kind {
        case let .image(config, layers):
            let prefix = platform.map { "\($0) " } ?? ""
            contents.add(try blob(config, label: prefix + "config", referencedBy: path))
            for (number, layer) in layers.enumerated() {
                contents.add(try blob(layer, label: prefix + "layer \(number + 1)/\(layers.count)", referencedBy: path))
            }
        case let .index(manifests):
            guard isTagged else { throw .unsupportedMediaType("an index inside an index", path: path) }
            for child in manifests {
                try add(child, to: &contents, isTagged: false, platform: child.platform?.description ?? child.digest,
                        referencedBy: path)
            }
        }
        contents.manifests.append(ManifestUpload(
            text: try document.text(path: path), digest: document.digest, mediaType: document.mediaType,
            isTagged: isTagged, platform: platform))
    }

    /// A manifest blob, verified and parsed, with the name messages use for it.
    private func manifest(_ descriptor: Descriptor, referencedBy: String) throws(ImageSourceError) -> (ManifestDocument, String) {
        let (region, path) = try locate(descriptor, referencedBy: referencedBy)
        _ = try BlobVerification.verify(region, against: descriptor, name: path)
        let document = try ManifestDocument(bytes: try region.contents(limit: ImageFiles.documentLimit), path: path,
                                            descriptorMediaType: descriptor.mediaType)
        return (document, path)
    }

    /// A config or layer blob, verified.
    private func blob(_ descriptor: Descriptor, label: String, referencedBy: String) throws(ImageSourceError) -> BlobFile {
        let (region, path) = try locate(descriptor, referencedBy: referencedBy)
        let digest = try BlobVerification.verify(region, against: descriptor, name: path)
        return BlobFile(digest: digest, region: region, label: label)
    }

    /// Where the blob a descriptor names is in the layout.
    private func locate(_ descriptor: Descriptor, referencedBy: String) throws(ImageSourceError) -> (FileRegion, String) {
        let digest = try descriptor.checkedDigest()
        let relative = "blobs/sha256/\(digest.hex)"
        guard let region = files.file(relative) else {
            throw .missingBlob(digest: digest.description, referencedBy: referencedBy)
        }
        return (region, files.displayName(relative))
    }
}
