import GluteSettings
import Testing
@testable import GluteSession

@Suite("config file parsing")
struct SettingsConfigFileTests {
    @Test func tomlSubsetValuesAndLines() throws {
        let text = "# comment only\r\n"
            + "\"tilt-limit\" = +1_2.5e0   # quoted key, underscore, exponent\r\n"
            + "sit-limit = '45m'\n"
            + "exec = [ \"say \\\"hi\\\" \\u00e9\\t\", 'C:\\raw' , ]\n"
            + "\n"
            + "[ alerts ]\n"
            + "bell = false\n"
            + "exec = []\n"
        let document = try configDocument(text, path: "x.toml")
        #expect(document.entries == [
            ConfigEntry(table: nil, key: "tilt-limit", value: .number(12.5), line: 2),
            ConfigEntry(table: nil, key: "sit-limit", value: .string("45m"), line: 3),
            ConfigEntry(table: nil, key: "exec", value: .strings(["say \"hi\" é\t", "C:\\raw"]), line: 4),
            ConfigEntry(table: "alerts", key: "bell", value: .bool(false), line: 7),
            ConfigEntry(table: "alerts", key: "exec", value: .strings([]), line: 8),
        ])
    }

    @Test(arguments: ["1__0", "_1", "1_", "0x10", "inf", "nan", "1979-05-27", "+", "--1"])
    func numbersOutsideTheSubsetAreRejected(_ token: String) throws {
        #expect(throws: SettingsError.self) { try configDocument("tilt-limit = \(token)") }
    }

    @Test func formatChoice() throws {
        // `.json` wins over content, `.toml` too; otherwise a leading `{` means JSON.
        #expect(try configDocument("{\"bell\": true}", path: "a.json").entries.first?.value == .bool(true))
        #expect(throws: SettingsError.self) { try configDocument("{\"bell\": true}", path: "a.toml") }
        #expect(try configDocument("\n  {\"bell\": true}", path: "glute.conf").entries.count == 1)
        #expect(try configDocument("bell = true", path: "glute.conf").entries.count == 1)
        #expect(try configDocument("", path: "empty.toml").entries.isEmpty)
        #expect(throws: SettingsError(origin: "bad.toml", problem: "not UTF-8 text")) {
            try ConfigFile.parse([0x62, 0xFF, 0x3D], path: "bad.toml")
        }
    }

    @Test func jsonTypesAreKeptApart() throws {
        let document = try configDocument("{\"a\": 1, \"b\": true, \"c\": 0, \"d\": false, \"e\": 2.5, \"f\": \"x\", \"g\": [\"y\"]}", path: "t.json")
        let values = Dictionary(uniqueKeysWithValues: document.entries.map { ($0.key, $0.value) })
        #expect(values["a"] == .number(1))
        #expect(values["b"] == .bool(true))
        #expect(values["c"] == .number(0))
        #expect(values["d"] == .bool(false))
        #expect(values["e"] == .number(2.5))
        #expect(values["f"] == .string("x"))
        #expect(values["g"] == .strings(["y"]))
    }
}
