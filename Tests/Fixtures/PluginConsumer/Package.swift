// swift-tools-version:6.0
import PackageDescription

// A consumer of the AWSClientGenerator build tool plugin, used by Tests/Fixtures/run-plugin-fixtures.sh.
let package = Package(
    name: "PluginConsumer",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The package under test, by relative path; the name keeps product references independent of the
        // folder the repository is checked out into.
        .package(name: "swift-aws-codegen", path: "../../.."),
    ],
    targets: [
        // The check program and, beside it, weather.json: the plugin generates the Weather client into
        // this target at build time. (A target needs at least one Swift file of its own: SwiftPM skips a
        // target with none before any plugin runs.)
        .executableTarget(
            name: "PluginConsumerCheck",
            dependencies: [.product(name: "AWSRuntime", package: "swift-aws-codegen")],
            plugins: [.plugin(name: "AWSClientGenerator", package: "swift-aws-codegen")]),
    ],
    swiftLanguageModes: [.v6]
)
