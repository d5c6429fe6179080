import Testing
@testable import GluteCore

@Suite("durations on the command line")
struct DurationTextTests {
    @Test(arguments: [("90s", 90.0), ("45m", 2700), ("1h30m", 5400), ("1.5h", 5400), ("250ms", 0.25), ("12", 12), (" 2m ", 120), ("1h2m3s", 3723), ("1e3", 1000), ("2d12h", 216000), ("1m500ms", 60.5)])
    func parses(_ text: String, _ seconds: Double) throws {
        #expect(try DurationText.seconds(text) == seconds)
    }

    // Hexadecimal (Double's own syntax), a unit twice or out of order, digits of other scripts.
    @Test(arguments: ["", "abc", "5x", "m", "-3s", "1h30", "--5", "0x10", "0x1p4", "0x10s", "5m5m", "30s1h", "1s1h", "\u{0663}s", "inf", "nan", "1e400"])
    func rejects(_ text: String) {
        #expect(throws: DurationText.ParseError.self) { try DurationText.seconds(text) }
    }

    @Test func formats() {
        #expect(DurationText.format(45) == "45s")
        #expect(DurationText.format(750) == "12m30s")
        #expect(DurationText.format(3900) == "1h05m")
    }
}
