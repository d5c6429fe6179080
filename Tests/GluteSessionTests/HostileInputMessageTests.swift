import GluteDevices
import Testing
@testable import GluteSession
@testable import GluteSettings

/// Issue 12's messages: where a JSON config stops being JSON, in words; an unknown source scheme.
@Suite struct HostileInputMessageTests {
    @Test func jsonErrorsNameLineAndColumn() {
        #expect(JSONSyntaxLocation.describe(Array("{\n  \"tilt-limit\": 5\n  \"sit-limit\": \"20m\"\n}\n".utf8))
            == "line 3, column 3: expected ',' or '}'")
        #expect(JSONSyntaxLocation.describe(Array("{\"tilt-limit\": 5,".utf8))
            == "line 1, column 18: the file ends early (expected a key in double quotes)")
        #expect(JSONSyntaxLocation.describe(Array("{\"a\": tru}".utf8)) == "line 1, column 10: expected true")
        #expect(JSONSyntaxLocation.describe(Array("{\"a\": 1.}".utf8)) == "line 1, column 9: expected a digit after the decimal point")
        #expect(JSONSyntaxLocation.describe(Array("{} x".utf8)) == "line 1, column 4: unexpected text after the end of the JSON value")
        #expect(JSONSyntaxLocation.describe(Array(repeating: UInt8(ascii: "["), count: 100_000)).hasSuffix("nested too deeply"))
    }

    @Test func malformedConfigFileSaysWhereInPlainWords() throws {
        let message: String
        do {
            _ = try configDocument("{\"tilt-limit\": 5,,}", path: "c.json")
            Issue.record("a malformed file was accepted")
            return
        } catch {
            message = error.description
        }
        #expect(message == "c.json: not valid JSON: line 1, column 18: expected a key in double quotes")
        #expect(!message.contains("NSCocoaErrorDomain"))
    }

    @Test func anUnknownSchemeIsNotTakenForAFile() {
        #expect(throws: SourceSpec.ParseError.self) { try SourceSpec(parsing: "foo:bar") }
        do {
            _ = try SourceSpec(parsing: "blex:AA")
        } catch {
            #expect(error.description.contains("'blex:' is not a known source scheme"))
            #expect(error.description.contains("serial:PATH, ble:ADDRESS, sim[:SCENARIO]"))
        }
        #expect((try? SourceSpec(parsing: "./foo:bar")) == .file(path: "./foo:bar"))
        #expect((try? SourceSpec(parsing: "data/run:1.csv")) == .file(path: "data/run:1.csv"))
    }
}
