// swift-tools-version:6.1
import PackageDescription

// Product targets depend on Foundation only. The C target is a small, optional
// accelerator for SHA-256 (x86 SHA-NI / ARMv8 SHA2) with a portable Swift fallback.
let package = Package(
    name: "swift-aws-codegen",
    platforms: [.macOS(.v13)],
    products: [
        // The runtime with the credential chain every generated client uses by default (AWSIdentity, on the
        // identity services' own generated clients).
        .library(name: "AWSRuntime", targets: ["AWSRuntime", "AWSIdentity", "IdentitySTS", "IdentitySSO", "IdentitySSOOIDC"]),
        .library(name: "ECRPublic", targets: ["ECRPublic"]),
        .library(name: "SmithyModel", targets: ["SmithyModel"]),
        .library(name: "CodeGenerator", targets: ["CodeGenerator"]),
        .executable(name: "codegen", targets: ["codegen"]),
        .executable(name: "ecr-public", targets: ["ecr-public"]),
        // Build-time generation from a target's *.json models, and in-place regeneration of checked-in clients.
        .plugin(name: "AWSClientGenerator", targets: ["AWSClientGenerator"]),
        .plugin(name: "RegenerateClients", targets: ["RegenerateClients"]),
    ],
    targets: [
        // Model → generator → CLI.
        .target(name: "SmithyModel"),
        .target(name: "CodeGenerator", dependencies: ["SmithyModel"]),
        .executableTarget(name: "codegen", dependencies: ["CodeGenerator"]),
        .plugin(name: "AWSClientGenerator", capability: .buildTool(), dependencies: ["codegen"]),
        .plugin(
            name: "RegenerateClients",
            capability: .command(
                intent: .custom(
                    verb: "regenerate",
                    description: "Regenerate the checked-in clients (Generated/ from models/, as `swift run codegen`)"),
                permissions: [.writeToPackageDirectory(reason: "Writes the generated client sources into the package")]),
            dependencies: ["codegen"]),

        // The hand-written runtime every generated client sits on.
        .target(name: "CSHA256"),
        // libcurl for the Linux transport, opened at run time from the libcurl.so.4 FoundationNetworking links:
        // no headers, no -dev package. Empty elsewhere.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "AWSRuntime", dependencies: ["CSHA256", "CCurl"]),

        // Credentials that need an AWS call (assumed roles, web identity, IAM Identity Center), on clients generated
        // from our own small models of STS, the SSO portal and SSO OIDC (models/identity-*.json).
        .target(name: "IdentitySTS", dependencies: ["AWSRuntime"], path: "Generated/IdentitySTS"),
        .target(name: "IdentitySSO", dependencies: ["AWSRuntime"], path: "Generated/IdentitySSO"),
        .target(name: "IdentitySSOOIDC", dependencies: ["AWSRuntime"], path: "Generated/IdentitySSOOIDC"),
        .target(name: "AWSIdentity", dependencies: ["AWSRuntime", "IdentitySTS", "IdentitySSO", "IdentitySSOOIDC"]),

        // The checked-in generated client (rendered from Templates/ by `swift run codegen`).
        .target(name: "ECRPublic", dependencies: ["AWSRuntime", "AWSIdentity"], path: "Generated/ECRPublic"),

        // `ecr-public`: a command-line tool shaped like `aws ecr-public`, on the generated client alone.
        .executableTarget(name: "ecr-public", dependencies: ["ECRPublic", "AWSRuntime"], path: "Sources/ecr-public"),

        // Release benchmarks: `swift run -c release benchmarks`.
        .executableTarget(name: "benchmarks", dependencies: ["AWSRuntime", "CodeGenerator", "ECRPublic", "TestSupport", "ecr-public",
                                                            "tiny-client"]),
        // The smallest program using the generated client, whose size the benchmark reports.
        .executableTarget(name: "tiny-client", dependencies: ["ECRPublic"]),

        // Paths to the checkout and ../shared for every test target.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // Loading and reporting the cross-SDK credential suites (XCTest; kept apart so benchmarks can use TestSupport).
        .target(name: "CrossSDKSupport", dependencies: ["TestSupport"], path: "Tests/CrossSDKSupport"),
        .testTarget(name: "SmithyModelTests", dependencies: ["SmithyModel", "TestSupport"]),
        .testTarget(name: "CodeGeneratorTests", dependencies: ["CodeGenerator", "SmithyModel", "TestSupport"],
                    exclude: ["Models"]),
        .testTarget(name: "AWSRuntimeTests", dependencies: ["AWSRuntime", "TestSupport", "CrossSDKSupport"]),
        .testTarget(name: "ECRPublicTests", dependencies: ["ECRPublic", "AWSRuntime", "TestSupport"]),
        // Tests generated from the model's own test traits (endpoint tests), checked in beside the client.
        .testTarget(name: "ECRPublicGeneratedTests", dependencies: ["ECRPublic", "AWSRuntime"],
                    path: "Generated/ECRPublicTests"),
        .testTarget(name: "IdentitySTSGeneratedTests", dependencies: ["IdentitySTS", "AWSRuntime"],
                    path: "Generated/IdentitySTSTests"),
        .testTarget(name: "IdentitySSOGeneratedTests", dependencies: ["IdentitySSO", "AWSRuntime"],
                    path: "Generated/IdentitySSOTests"),
        .testTarget(name: "IdentitySSOOIDCGeneratedTests", dependencies: ["IdentitySSOOIDC", "AWSRuntime"],
                    path: "Generated/IdentitySSOOIDCTests"),
        // Providers that call STS and IAM Identity Center, and the cross-SDK suites with recorded traffic.
        .testTarget(name: "AWSIdentityTests", dependencies: ["AWSIdentity", "AWSRuntime", "TestSupport", "CrossSDKSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
