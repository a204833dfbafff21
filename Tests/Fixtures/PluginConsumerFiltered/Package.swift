// swift-tools-version:6.0
import PackageDescription

// A consumer of the AWSClientGenerator build tool plugin with a codegen.json: module name `Forecast`,
// internal access, only the GetForecast operation, no validation, and a custom Header template.
// Used by Tests/Fixtures/run-plugin-fixtures.sh.
let package = Package(
    name: "PluginConsumerFiltered",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "swift-aws-codegen", path: "../../.."),
    ],
    targets: [
        // weather.json is a link to the PluginConsumer fixture's model; codegen.json configures the plugin.
        .executableTarget(
            name: "FilteredCheck",
            dependencies: [.product(name: "AWSRuntime", package: "swift-aws-codegen")],
            plugins: [.plugin(name: "AWSClientGenerator", package: "swift-aws-codegen")]),
    ],
    swiftLanguageModes: [.v6]
)
