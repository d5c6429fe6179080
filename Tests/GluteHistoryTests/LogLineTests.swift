@testable import GluteHistory
import GluteCore
import GluteLog
import Testing

@Suite("history: the event-log line scanner")
struct LogLineTests {
    func parse(_ text: String) -> LogLine? {
        var text = text
        return text.withUTF8 { LogLine.parse($0) }
    }

    @Test("numbers read as the standard parser reads them")
    func numbers() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let value = Double(Int64.random(in: -10_000_000_000...10_000_000_000, using: &generator)) / 1000
            let text = EventFormat.number(value)
            var bytes = text
            #expect(bytes.withUTF8 { LogNumber.parse($0) } == Double(text), "\(text)")
        }
        for text in ["1e3", "-0", "0.1", "123456789012345678", "1.", "-", ".", "-9223372036854775808",
                     "9223372036854775808", "18446744073709551616", "99999999999999999999999", "0.0000000000000000000001",
                     "1234567890123456", "123456789012345"] {
            var bytes = text
            #expect(bytes.withUTF8 { LogNumber.parse($0) } == Double(text), "\(text)")
        }
    }

    @Test("fields the history reads; escapes in strings; others skipped")
    func fields() throws {
        let line = try #require(parse(#"{"type":"posture","t":12.5,"time":"2026-03-02T08:00:12.500Z","source":"a \"q\" \u00e9","posture":"sitting","since":2.25,"previous":"standing","x":null,"ok":true}"#))
        #expect(line.type == "posture" && line.t == 12.5 && line.since == 2.25 && line.posture == .sitting)
        #expect(line.wall == Double(CivilDate.days(year: 2026, month: 3, day: 2) * 86_400 + 8 * 3600) + 12.5)
        #expect(line.zoneOffset == nil)
    }

    @Test("not one flat object: nil")
    func broken() {
        for text in ["", "{", "{\"type\":\"x\"", "{\"a\":{\"b\":1}}", "{\"a\":[1]}", "{\"a\":1} x", "[1]", "{\"a\":tru}", "{\"a\" 1}"] {
            #expect(parse(text) == nil, "\(text)")
        }
        #expect(parse("{}") != nil)
    }
}
