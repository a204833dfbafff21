import CodeGenerator
import Foundation
import SmithyModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Compile time of generated code (issue 17): CPU seconds of a debug build of one generated module alone (every
/// source touched; the CPU of a `swift build` with nothing to do, measured alongside, taken off), its
/// dependencies (AWSRuntime and the identity modules) built beforehand, beside Soto 7.13's figures for the same
/// service measured earlier on this machine (Soto cannot be fetched here), with generated lines and lines per
/// operation. The scratch package lives in `.build/compile-benchmark` so later runs reuse the dependencies' build.
func compileTimeBenchmarkRows() -> [BenchmarkRow] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let scratch = root.appendingPathComponent(".build/compile-benchmark")
    guard let generator = try? ClientGenerator(templates: TemplateSet.load(from: root.appendingPathComponent("Templates"))) else {
        print("SKIPPED compile benchmark: templates not found")
        return []
    }
    // (name, model, module, Soto's clean-build CPU seconds: the middle of the 4.2–6.1 s and 15.0–21.6 s ranges).
    let services: [(name: String, model: URL, module: String, soto: Double)] = [
        ("ECR Public", root.appendingPathComponent("models/ecr-public.json"), "CompileECRPublic", 5.15),
        ("DynamoDB", root.deletingLastPathComponent().appendingPathComponent("shared/models/dynamodb.json"), "CompileDynamoDB", 18.3),
    ]
    var modules: [(name: String, module: String, lines: Int, operations: Int, soto: Double)] = []
    do {
        try? FileManager.default.removeItem(at: scratch.appendingPathComponent("Generated"))
        for service in services {
            guard let data = FileManager.default.contents(atPath: service.model.path) else {
                print("SKIPPED compile benchmark for \(service.name): \(service.model.path) is missing")
                continue
            }
            let model = try ModelLoader.load(data: data)
            var options = GeneratorOptions()
            options.moduleName = service.module
            let files = try generator.generate(model: model, options: options)
            let folder = scratch.appendingPathComponent("Generated/\(service.module)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in files { try Data(file.contents.utf8).write(to: folder.appendingPathComponent(file.path)) }
            let lines = files.reduce(0) { $0 + $1.contents.split(separator: "\n", omittingEmptySubsequences: false).count }
            let operations = model.shapes.values.filter { $0.type == .operation }.count
            modules.append((service.name, service.module, lines, operations, service.soto))
        }
        try writeManifest(at: scratch, root: root, modules: modules.map(\.module))
    } catch {
        print("SKIPPED compile benchmark: \(error)")
        return []
    }
    // Dependencies and a first build of every module, untimed. SwiftPM may not notice files added to the runtime
    // since the scratch package last built it; a failed build is retried once from a clean build folder.
    if swiftBuild(in: scratch, reportingFailure: false) == nil {
        try? FileManager.default.removeItem(at: scratch.appendingPathComponent(".build"))
        guard swiftBuild(in: scratch) != nil else { return [] }
    }
    // What `swift build` itself costs when there is nothing to compile (planning, checking the dependencies),
    // measured the same way and taken off: the rows are the module's compilation.
    var overhead = Double.infinity
    for _ in 0..<3 {
        guard let cpu = swiftBuild(in: scratch, target: modules.first?.module) else { return [] }
        overhead = min(overhead, cpu)
    }
    var rows: [BenchmarkRow] = []
    for module in modules {
        // Best of two clean builds of the module alone: every source touched, dependencies untouched.
        var best = Double.infinity
        for _ in 0..<2 {
            let folder = scratch.appendingPathComponent("Generated/\(module.module)")
            for file in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: folder.appendingPathComponent(file).path)
            }
            guard let cpu = swiftBuild(in: scratch, target: module.module) else { return rows }
            best = min(best, cpu - overhead)
        }
        rows.append(BenchmarkRow(
            name: "compile generated \(module.name) (\(module.lines) lines, \(module.lines / max(module.operations, 1)) per operation), debug CPU",
            ours: best, unit: "s", referenceName: "Soto 7.13, same service (earlier measurement)", reference: module.soto,
            goal: "≤ 0.7× Soto", met: best <= 0.7 * module.soto))
    }
    return rows
}

private func writeManifest(at scratch: URL, root: URL, modules: [String]) throws {
    let targets = modules.map { #"  .target(name: "\#($0)", dependencies: [runtime], path: "Generated/\#($0)"),"# }
    let manifest = """
        // swift-tools-version:6.0
        import PackageDescription
        let runtime: Target.Dependency = .product(name: "AWSRuntime", package: "\(root.lastPathComponent)")
        let package = Package(name: "CompileBenchmark", dependencies: [.package(path: "\(root.path)")], targets: [
        \(targets.joined(separator: "\n"))
        ], swiftLanguageModes: [.v6])

        """
    let url = scratch.appendingPathComponent("Package.swift")
    if (try? String(contentsOf: url, encoding: .utf8)) != manifest { try Data(manifest.utf8).write(to: url) }
}

/// Runs `swift build` (of `target`, or everything) in `folder`; the CPU seconds it and its compilers used, or nil
/// (with the log's end printed) when it fails.
private func swiftBuild(in folder: URL, target: String? = nil, reportingFailure: Bool = true) -> Double? {
    let log = folder.appendingPathComponent("build.log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    guard let output = try? FileHandle(forWritingTo: log) else { return nil }
    defer { try? output.close() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swift", "build", "--package-path", folder.path] + (target.map { ["--target", $0] } ?? [])
    process.standardOutput = output
    process.standardError = output
    #if canImport(Glibc)
    let children = RUSAGE_CHILDREN.rawValue
    #else
    let children = RUSAGE_CHILDREN
    #endif
    var before = rusage()
    getrusage(children, &before)
    do { try process.run() } catch { return nil }
    process.waitUntilExit()
    var after = rusage()
    getrusage(children, &after)
    guard process.terminationStatus == 0 else {
        guard reportingFailure else { return nil }
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        print("compile benchmark: swift build failed:\n" + String(text.suffix(2_000)))
        return nil
    }
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(after.ru_utime) - seconds(before.ru_utime) + seconds(after.ru_stime) - seconds(before.ru_stime)
}
