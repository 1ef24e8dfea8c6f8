extension SARIFReporter {
    /// The parts of a SARIF 2.1.0 log factlint writes; nil properties are left out.
    struct Log: Encodable {
        var schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }

        struct Run: Encodable {
            var tool: Tool
            var invocations: [Invocation]
            var originalUriBaseIds: [String: ArtifactLocation]?
            var columnKind: String
            /// Where the results go, each encoded as a `Result`.
            var results: JSONSplice.Placeholder
        }

        struct Tool: Encodable {
            var driver: Driver
        }

        struct Driver: Encodable {
            var name: String
            var version: String
            var informationUri: String?
            var rules: [ReportingDescriptor]
        }

        struct ReportingDescriptor: Encodable {
            var id: String
            var shortDescription: Message
            var fullDescription: Message?
            var helpUri: String?
            var defaultConfiguration: Configuration
            var properties: RuleProperties
        }

        struct RuleProperties: Encodable {
            var kind: String
            var scope: String
        }

        struct Configuration: Encodable {
            var level: String
        }

        struct Message: Encodable {
            var text: String
        }

        struct Invocation: Encodable {
            var executionSuccessful: Bool
            var toolExecutionNotifications: [Notification]?
        }

        struct Notification: Encodable {
            var level: String
            var message: Message
            var locations: [Location]
        }

        struct Result: Encodable {
            var ruleId: String
            var ruleIndex: Int?
            var level: String
            var message: Message
            var locations: [Location]
            var relatedLocations: [Location]?
        }

        struct Location: Encodable {
            var id: Int?
            var physicalLocation: PhysicalLocation
            var message: Message?
        }

        struct PhysicalLocation: Encodable {
            var artifactLocation: ArtifactLocation
            var region: Region?
        }

        struct ArtifactLocation: Encodable {
            var uri: String
            var uriBaseId: String?
        }

        struct Region: Encodable {
            var startLine: Int
            var startColumn: Int
            var endLine: Int?
            var endColumn: Int?
            var byteOffset: Int?
            var byteLength: Int?
        }
    }
}
