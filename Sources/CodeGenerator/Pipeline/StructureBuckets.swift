/// Structures are split over a fixed set of files by the first letter of their type name, so every file
/// stays small enough for editors and the compiler, and a build plugin can declare its outputs up front.
enum StructureBuckets {
    static let ranges: [(name: String, letters: ClosedRange<Character>)] = [
        ("A-B", "A"..."B"), ("C", "C"..."C"), ("D", "D"..."D"), ("E-F", "E"..."F"), ("G-I", "G"..."I"),
        ("J-O", "J"..."O"), ("P-Q", "P"..."Q"), ("R", "R"..."R"), ("S", "S"..."S"), ("T", "T"..."T"),
        ("U-Z", "U"..."Z"),
    ]

    static func fileName(_ bucket: String) -> String { "Structures+\(bucket).swift" }

    /// The bucket of a type name; names not starting with A–Z go in the first.
    static func bucket(for typeName: String) -> String {
        guard let first = typeName.first?.uppercased().first else { return ranges[0].name }
        return ranges.first { $0.letters.contains(first) }?.name ?? ranges[0].name
    }
}
