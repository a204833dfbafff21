import CodeGenerator
import SmithyModel

/// Checks on the module name, which becomes a folder, a Swift module and every generated type's prefix.
enum ModuleName {
    /// Modules a generated module sits beside or imports: a generated module must not take their names.
    static let taken: Set<String> = [
        "Swift", "Foundation", "FoundationNetworking", "FoundationXML", "FoundationEssentials", "Dispatch", "Glibc",
        "Musl", "Darwin", "XCTest", "Testing", "AWSRuntime", "CSHA256", "SmithyModel", "CodeGenerator", "_Concurrency",
        "AWSIdentity", "CCurl",
    ]

    /// Nil when `name` can be a module; otherwise why not.
    static func problem(_ name: String) -> String? {
        guard SmithyIdentifier.isValid(name) else {
            return "must be a Swift identifier (ASCII letters, digits and underscores, not starting with a digit)"
        }
        if taken.contains(name) || SwiftNaming.isReservedTypeName(name) {
            return "is the name of a module or type the generated code uses"
        }
        return nil
    }
}

/// Checks on `--file-prefix`, which is put before every generated file name.
enum FilePrefix {
    /// Nil when `prefix` is safe in a file name; otherwise why not. Letters, digits, `_`, `-`, `.` and `+` only,
    /// not starting with a dot, so a prefix can never name another folder or a hidden file.
    static func problem(_ prefix: String) -> String? {
        let allowed = prefix.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-.+".unicodeScalars.contains(scalar))
        }
        guard allowed, !prefix.hasPrefix("."), !prefix.contains("..") else {
            return "may hold only ASCII letters, digits, _, -, . and +, and must not start with a dot"
        }
        return nil
    }
}
