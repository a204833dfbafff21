import CodeGenerator
import Foundation
import SmithyModel

/// `swift run codegen`: regenerates every client under `Generated/` from the models in `models/`.
///
/// Everything is generated in memory first; only when every model generated without errors is anything
/// written, and then only files whose bytes changed.
@main
struct Codegen {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            switch try CommandLineOptions.parse(arguments) {
            case .help:
                print(CommandLineOptions.usage)
            case .run(let options):
                exit(try run(options))
            }
        } catch let error as UsageError {
            printError(error.description)
            exit(2)
        } catch {
            printError("error: \(error)")
            exit(1)
        }
    }

    /// `--diff OLD`: what changed for users between the old model and the one new model; writes nothing.
    static func printAPIChanges(from oldPath: String, to files: [URL], serviceID: String?) throws -> Int32 {
        guard files.count == 1, let newFile = files.first else {
            throw UsageError(message: "--diff compares one model: give exactly one --model file")
        }
        let old = try ModelLoader.load(contentsOf: URL(fileURLWithPath: oldPath))
        let new = try ModelLoader.load(contentsOf: newFile)
        for line in APIChangeReport.between(old: old, new: new, serviceID: serviceID).lines { print(line) }
        return 0
    }

    static func run(_ options: CommandLineOptions) throws -> Int32 {
        let config = try options.configFile.map { try GeneratorConfigFile.load(from: URL(fileURLWithPath: $0)) }
        let templates = try TemplateSet.load(
            from: try TemplateLocator.builtInTemplates(),
            overrides: options.templatesOverride.map { URL(fileURLWithPath: $0) } ?? config?.templatesDirectory)
        let generator = try ClientGenerator(templates: templates)
        var generatorOptions = config?.options ?? GeneratorOptions()
        if let module = options.moduleName { generatorOptions.moduleName = module }
        if let module = generatorOptions.moduleName, let problem = ModuleName.problem(module) {
            throw UsageError(message: "--module \(SmithyIdentifier.quoted(module)) \(problem)")
        }
        if let problem = FilePrefix.problem(options.filePrefix) {
            throw UsageError(message: "--file-prefix \(SmithyIdentifier.quoted(options.filePrefix)) \(problem)")
        }
        if let service = options.serviceID { generatorOptions.serviceID = service }
        if options.codableDecoding { generatorOptions.generatesJSONReaders = false }
        if let path = options.endpointRulesFile { generatorOptions.endpointRuleSet = try EndpointRulesFile.load(path) }

        let models = try ModelFiles.find(options.modelPaths)
        for warning in models.warnings { printError(warning) }
        if let oldPath = options.diffModel {
            return try printAPIChanges(from: oldPath, to: models.files, serviceID: generatorOptions.serviceID)
        }
        if models.files.count > 1, generatorOptions.moduleName != nil {
            throw UsageError(message: "--module names one module but \(models.files.count) models were given")
        }
        if models.files.count > 1, options.flat {
            throw UsageError(message: "--flat writes one module but \(models.files.count) models were given")
        }

        var tree = GeneratedTree(folders: [])
        // Named folders of models own the whole output folder: a module nobody generates any more is reported.
        if !options.flat, options.modelPaths.allSatisfy({ ModelFiles.isDirectory($0) }) {
            tree.ownedRoot = URL(fileURLWithPath: options.outputDirectory)
        }
        var failed = false
        // Output folder → the model and service that writes it: two services must never share one folder.
        var writers: [String: String] = [:]
        for file in models.files {
            do {
                let generatorOptions = try ModelFiles.settings(for: file, cliOptions: options, base: generatorOptions)
                let model = try ModelLoader.load(contentsOf: file)
                for warning in model.warnings { printError(warning.description) }
                // A model with several services (the protocol test suites) gives one module per service.
                let serviceIDs: [String?] = generatorOptions.serviceID != nil || model.services.count <= 1
                    ? [generatorOptions.serviceID] : model.services.map { $0.id.description }
                if options.flat && serviceIDs.count > 1 {
                    throw ModelError(diagnostics: [Diagnostic(
                        .error, "the model defines \(serviceIDs.count) services; --flat writes one: choose it with --service",
                        path: "$.shapes", file: file.path)])
                }
                for serviceID in serviceIDs {
                    var serviceOptions = generatorOptions
                    serviceOptions.serviceID = serviceID
                    let diagnostics = DiagnosticCollector(file: file.path)
                    let generated = try generator.generate(model: model, options: serviceOptions, diagnostics: diagnostics)
                    for warning in diagnostics.warnings { printError(warning.description) }
                    let names = generated.map { options.filePrefix + $0.path }
                    if let declared = options.declaredOutputs, Set(declared) != Set(names) {
                        failed = true
                        printError("\(file.path): error: the build plugin declares the outputs \(declared.sorted()) "
                            + "but the generator writes \(names.sorted()); update its file list")
                        continue
                    }
                    let module = try moduleName(of: model, options: serviceOptions)
                    if let problem = ModuleName.problem(module) {
                        throw ModelError(diagnostics: [Diagnostic(
                            .error, "the module name \(module), from the service's sdkId, \(problem); choose one with --module",
                            path: "$.shapes", file: file.path)])
                    }
                    let output = URL(fileURLWithPath: options.outputDirectory)
                    let directory = options.flat ? output : output.appendingPathComponent(module)
                    if let owner = writers[directory.standardizedFileURL.path] {
                        throw ModelError(diagnostics: [Diagnostic(
                            .error, "\(serviceID ?? "this service") and \(owner) would both be written to \(directory.path) "
                                + "(the same module name, \(module)); give one a different sdkId or pick one with --service",
                            path: "$.shapes", file: file.path)])
                    }
                    writers[directory.standardizedFileURL.path] = "\(file.lastPathComponent)'s \(serviceID ?? "service")"
                    tree.folders.append((directory, zip(names, generated).map { ($0, Data($1.contents.utf8)) }))
                    // The model's own tests go in a sibling <Module>Tests folder (not for build-plugin output).
                    if !options.flat && !options.skipTests {
                        let tests = try generator.generateTests(model: model, options: serviceOptions, file: file.path)
                        if !tests.isEmpty {
                            tree.folders.append((output.appendingPathComponent(module + "Tests"),
                                                 tests.map { ($0.path, Data($0.contents.utf8)) }))
                        }
                    }
                }
            } catch let error as ModelError {
                failed = true
                for diagnostic in error.diagnostics {
                    var located = diagnostic
                    if located.file == nil { located.file = file.path }
                    printError(located.description)
                }
            } catch let error as TemplateError {
                failed = true
                printError("\(file.path): error: \(error)")
            }
        }
        if failed {
            printError("codegen: nothing was written because of the errors above")
            return 1
        }

        if options.check {
            let changes = tree.changes()
            guard changes.isEmpty else {
                printError("codegen --check: the generated code does not match the models and templates:")
                for change in changes { printError("  \(change)") }
                for line in apiChangeLines(tree) { printError(line) }
                printError("run `swift run codegen` and commit the result")
                return 1
            }
            if !options.quiet { print("codegen --check: \(tree.folders.count) module(s) up to date") }
            return 0
        }
        let report = options.quiet ? [] : apiChangeLines(tree)
        let changes = try tree.write()
        if !options.quiet {
            for line in report { print(line) }
            for change in changes { print("  \(change)") }
            print("codegen: \(tree.folders.count) module(s) generated, \(changes.count) file(s) changed")
        }
        return 0
    }

    /// What changes for users of each module already on disk: its generated Swift read before and after (the
    /// old model is usually gone by the time a client is regenerated). Empty for new modules and unchanged ones.
    static func apiChangeLines(_ tree: GeneratedTree) -> [String] {
        var lines: [String] = []
        for folder in tree.folders where folder.files.contains(where: { $0.name.hasSuffix("Client.swift") }) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.directory.path)) ?? []
            // Only our generated files: a user's own file beside them is not the old client.
            let generated = names.filter { $0.hasSuffix(".swift") && GeneratedTree.isGenerated(folder.directory.appendingPathComponent($0).path) }
            let onDisk = generated.sorted().compactMap { name -> (name: String, contents: String)? in
                guard let data = FileManager.default.contents(atPath: folder.directory.appendingPathComponent(name).path)
                else { return nil }
                return (name, String(decoding: data, as: UTF8.self))
            }
            guard !onDisk.isEmpty else { continue }
            let fresh = folder.files.map { (name: $0.name, contents: String(decoding: $0.contents, as: UTF8.self)) }
            let report = APIChangeReport.between(old: GeneratedAPISurface(files: onDisk), new: GeneratedAPISurface(files: fresh))
            guard !report.changes.isEmpty else { continue }
            lines.append("\(folder.directory.lastPathComponent): " + report.lines[0])
            lines += report.lines.dropFirst()
        }
        return lines
    }

    private static func moduleName(of model: Model, options: GeneratorOptions) throws -> String {
        if let name = options.moduleName { return name }
        let service = model.services.first { $0.id.description == options.serviceID } ?? model.services.first
        guard let service else { return "Client" }
        return SwiftNaming.serviceTypeName(sdkId: service.traits.awsService?.sdkId ?? service.id.name)
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
