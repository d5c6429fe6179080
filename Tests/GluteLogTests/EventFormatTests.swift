import Foundation
import Testing
import GluteCore
@testable import GluteLog

@Suite("event text formats")
struct EventFormatTests {
    @Test func isoTimesMatchFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for t in [0.0, 951_782_400.5, 1_795_000_000.123, 4_102_444_799.999, 1_709_164_800] {
            #expect(WallClockText.iso8601(t) == formatter.string(from: Date(timeIntervalSince1970: t)))
        }
    }

    @Test func jsonLineIsValidJSONWithTheContractFields() throws {
        let event = Event(time: 65.25, kind: .tiltAnteriorStart(angle: 15.2349, threshold: 10, delay: 5))
        let line = EventFormat.json(event, wallTime: 1_795_000_000)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "tilt.anterior.start")
        #expect(object["t"] as? Double == 65.25)
        #expect(object["angle"] as? Double == 15.235)
        #expect((object["time"] as? String)?.hasSuffix("Z") == true)
    }

    @Test func headerLineCarriesTheSchema() throws {
        let line = try #require(EventFormat.jsonl.header(source: "sim:desk-day", wallTime: 0, tool: "glutebridge test"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["schema"] as? Int == 1)
    }

    @Test func deviceTextCannotReachTheTerminalRaw() {
        let event = Event(time: 1, kind: .linkConnected(device: "evil\u{1B}[2J\u{7}name"))
        let pretty = EventFormat.pretty(event, wallTime: 0)
        #expect(!pretty.contains("\u{1B}") && !pretty.contains("\u{7}"))
        #expect(pretty.contains("evil\\x1b[2J\\x07name"))
        let json = EventFormat.json(event, wallTime: 0)
        #expect(!json.contains("\u{1B}"))
        #expect(json.contains("\\u001b"))
    }

    @Test func numbersAreShortAndStable() {
        #expect(EventFormat.number(30) == "30")
        #expect(EventFormat.number(0.1250001) == "0.125")
        #expect(EventFormat.number(-0.0001) == "0")
        #expect(EventFormat.number(-2.5) == "-2.5")
    }
}
