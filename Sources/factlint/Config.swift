import ArgumentParser
import FactlintFigures
import FactlintKit
import Foundation

/// `factlint config`: print the configuration in effect, as YAML.
struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the configuration in effect: the .factlint.yml used and every key's value."
    )

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        print(Config.yaml(try configOptions.load()), terminator: "")
    }

    /// The configuration as YAML, defaults filled in; `file` is the file read, or `none`.
    static func yaml(_ configuration: Configuration) -> String {
        func list(_ key: String, _ items: [String]) -> String {
            items.isEmpty ? "\(key): []\n" : "\(key):\n" + items.map { "  - \(quoted($0))\n" }.joined()
        }
        var text = "file: \(configuration.file.map(quoted) ?? "none")\n"
        text += list("paths", configuration.paths ?? ["Reports"])
        text += list("rules", configuration.rules ?? ["Rules"])
        text += configuration.include.map { list("include", $0) } ?? "include: null  # every report file\n"
        text += list("exclude", configuration.exclude)
        text += list("disable", configuration.disable)
        text += configuration.enable.map { list("enable", $0) } ?? "enable: null  # every rule\n"
        text += severities("severity", configuration.severity, indent: "")
        text += "tolerance: \(tolerance(configuration.tolerance))\n"
        text += "fail_on: \((configuration.failOn ?? .error).rawValue)\n"
        text += list("extensions", configuration.extensions.sorted())
        text += "baseline: \(configuration.baseline.map(quoted) ?? "null")\n"
        let limits = configuration.limits
        text += "limits: {report_size: \(limits.maximumReportBytes), part_size: \(limits.reportPartBytes), markdown_nesting: \(limits.maximumMarkdownNesting), "
            + "rule_file_size: \(limits.maximumRuleFileBytes), yaml_values: \(limits.maximumYAMLNodes)}\n"
        if configuration.overrides.isEmpty {
            text += "overrides: []\n"
        } else {
            text += "overrides:\n"
            for override in configuration.overrides {
                text += "  - files: [\(override.files.map(quoted).joined(separator: ", "))]\n"
                if let enable = override.enable { text += "    enable: [\(enable.map(quoted).joined(separator: ", "))]\n" }
                if !override.disable.isEmpty { text += "    disable: [\(override.disable.map(quoted).joined(separator: ", "))]\n" }
                if !override.severity.isEmpty { text += severities("severity", override.severity, indent: "    ") }
                if let value = override.tolerance { text += "    tolerance: \(tolerance(value))\n" }
            }
        }
        return text
    }

    static func severities(_ key: String, _ severities: [String: Severity], indent: String) -> String {
        let sorted = severities.sorted { $0.key < $1.key }
        if sorted.isEmpty { return "\(indent)\(key): {}\n" }
        return "\(indent)\(key):\n" + sorted.map { "\(indent)  \(quoted($0.key)): \($0.value.rawValue)\n" }.joined()
    }

    /// `{gap: 1, relative_gap: 0.01}`, or `null` for none.
    static func tolerance(_ tolerance: Tolerance?) -> String {
        guard let tolerance else { return "null" }
        let parts = [tolerance.gap.map { "gap: \(Interval.format($0))" }, tolerance.relativeGap.map { "relative_gap: \(Interval.format($0))" }]
        return "{" + parts.compactMap { $0 }.joined(separator: ", ") + "}"
    }

    /// `text` as a YAML scalar: plain when that reads back the same, else double-quoted.
    static func quoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._/-".unicodeScalars.contains($0) }
            && !["null", "true", "false", "yes", "no", "on", "off", "~"].contains(text.lowercased())
            && !text.hasPrefix("-") && Double(text) == nil
        if plain { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    escaped += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return "\"\(escaped)\""
    }
}
