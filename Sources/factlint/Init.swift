import ArgumentParser
import FactlintKit
import Foundation

/// `factlint init`: write a starter `.factlint.yml` and a sample rule file.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter .factlint.yml and a sample rule file, rules/my-rules.yml."
    )

    static let ruleFile = "rules/my-rules.yml"

    static let starterConfiguration = """
        # factlint's configuration. Every key is optional; paths are taken from this file's folder.
        # `factlint config` prints the configuration in effect.

        # The reports to lint when none are given on the command line.
        paths:
          - .

        # Rule files or folders, used when --rules is not given.
        rules:
          - rules

        # Rule ids that do not run.
        disable: []

        # When present, only these rule ids run.
        # enable:
        #   - my-placed-within-identified

        # Severities that replace the rules' own: error, warning or info.
        # severity:
        #   my-placed-within-identified: warning

        # The lowest severity that fails a run: error, warning, info or never. --fail-on overrides it.
        fail_on: error

        # The extensions of the report files found in folders.
        extensions: [md, markdown, txt]

        """

    static let sampleRules = """
        # A sample rule: `factlint rules test rules/my-rules.yml` runs its examples.
        rules:
          - id: my-placed-within-identified
            kind: compare
            summary: Victims placed in shelters do not outnumber the victims identified.
            rationale: >
              A shelter takes in victims whom the authorities identified, so more placements
              than identifications means one of the two figures is wrong.
            severity: error
            scope: sentence
            template: "identified {identified:count} victims and placed {placed:count}"
            left: placed
            op: "<="
            right: identified
            message: "{placed} victims placed in shelters, but only {identified} identified"
            examples:
              valid:
                - "In 2023 the border police identified 26 victims and placed 19 in state shelters."
              invalid:
                - "In 2023 the border police identified 26 victims and placed 31 in state shelters."

        """

    func run() throws {
        let files = [(ConfigurationLoader.fileName, Init.starterConfiguration), (Init.ruleFile, Init.sampleRules)]
        let existing = files.map(\.0).filter { FileWalker.kind(of: $0) != .missing }
        if !existing.isEmpty {
            for path in existing {
                Output.error(Diagnostic(path: path, message: "already exists; factlint init does not overwrite it", help: "remove or rename it to write a fresh one").rendered())
            }
            throw Exit.failure
        }
        for (path, contents) in files {
            do {
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                try AtomicFile.write(contents, to: path)
            } catch let diagnostic as Diagnostic {
                Output.error(diagnostic.rendered())
                throw Exit.failure
            } catch {
                Output.error(Diagnostic(path: path, message: "cannot write the file: \(error.localizedDescription)").rendered())
                throw Exit.failure
            }
            print("wrote \(path)")
        }
    }
}
