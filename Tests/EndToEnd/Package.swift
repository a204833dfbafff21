// swift-tools-version:6.1
import Foundation
import PackageDescription

// End-to-end tests against moto_server: clients generated at run time from ../shared/models (ECR, Secrets
// Manager, STS, SNS, S3, Lambda: awsJson, awsQuery, restXml and restJson1) into Generated/, on the AWSRuntime of the checkout two levels up. Run `bash Tests/EndToEnd/run.sh`
// from the checkout; it generates Generated/ (git-ignored) and then runs `swift test` here.
//
// Generated/EndToEndSupport is a copy of Tests/TestSupport/TestServiceProcess.swift that run.sh makes: a
// package can only use another package's products, SwiftPM refuses target paths outside the package, and the
// main package does not export its test support.

// A path dependency's identity is its folder's name, which is whatever the checkout was cloned as.
let checkout = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().deletingLastPathComponent()
let runtime: Target.Dependency = .product(name: "AWSRuntime", package: checkout.lastPathComponent)

let package = Package(
    name: "EndToEnd",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "../..")],
    targets: [
        .target(name: "ECR", dependencies: [runtime], path: "Generated/ECR"),
        .target(name: "SecretsManager", dependencies: [runtime], path: "Generated/SecretsManager"),
        .target(name: "STS", dependencies: [runtime], path: "Generated/STS"),
        .target(name: "SNS", dependencies: [runtime], path: "Generated/SNS"),
        .target(name: "S3", dependencies: [runtime], path: "Generated/S3"),
        .target(name: "Lambda", dependencies: [runtime], path: "Generated/Lambda"),
        .target(name: "DynamoDB", dependencies: [runtime], path: "Generated/DynamoDB"),
        .target(name: "EndToEndSupport", path: "Generated/EndToEndSupport"),
        .testTarget(name: "EndToEndTests", dependencies: ["ECR", "SecretsManager", "STS", "SNS", "S3", "Lambda", "DynamoDB", "EndToEndSupport", runtime]),
    ],
    swiftLanguageModes: [.v6]
)
