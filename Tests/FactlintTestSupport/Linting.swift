import FactlintKit

/// Lints text with rules given as YAML, for tests of rules and checks.
public enum Linting {
    /// The findings for `text` under the rules in `yaml`; rule-file diagnostics are returned too.
    public static func findings(in text: String, rules yaml: String, path: String = "report.md") -> (findings: [Finding], diagnostics: [Diagnostic], report: DocumentReport) {
        let (rules, diagnostics) = RuleLoader.load(yaml: yaml, path: "rules.yml")
        let document = Document(source: SourceFile(path: path, text: text))
        let report = Linter(rules: rules).lint(document)
        return (report.findings, diagnostics, report)
    }
}
