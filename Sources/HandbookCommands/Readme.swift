import ArgumentParser
import Foundation
import HandbookCatalog

/// `handbook readme --write | --check`: regenerates the maps in README.md and
/// every module README from the catalogue, or checks they are current.
struct Readme: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Regenerate (--write) or check (--check) the README maps.")

    @Flag(help: "Rewrite the generated blocks in place.")
    var write = false

    @Flag(help: "Only check that the generated blocks are current (the default); exit 1 if not.")
    var check = false

    func validate() throws {
        if write && check { throw ValidationError("--write and --check exclude each other") }
    }

    func run() throws {
        try reporting {
            let workspace = try Workspace.locate()
            var pages = [("README.md", Rendering.readmeMap())]
            pages += Catalogue.modules.map { ($0.readme, Rendering.moduleMap($0)) }
            var stale: [String] = []
            for (path, block) in pages {
                guard let document = try? workspace.read(path) else { throw HandbookError.missingReadme(path) }
                guard Rendering.generatedBlock(in: document) != block else { continue }
                stale.append(path)
                if write, let updated = Rendering.replacingGeneratedBlock(in: document, with: block) {
                    try updated.write(to: workspace.url(path), atomically: true, encoding: .utf8)
                    print("updated \(path)")
                }
            }
            if !write, !stale.isEmpty { throw HandbookError.staleReadme(stale) }
            if stale.isEmpty { print("README maps are up to date.") }
        }
    }
}
