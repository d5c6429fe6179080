import Testing
@testable import GluteDevices

@Suite("source specifications")
struct SourceSpecTests {
    @Test func parsesEveryForm() throws {
        #expect(try SourceSpec(parsing: "/dev/ttyACM0") == .serial(.init(path: "/dev/ttyACM0", baud: nil, wireProtocol: .auto, columns: nil)))
        #expect(try SourceSpec(parsing: "serial:/dev/ttyUSB0?baud=9600&protocol=witmotion")
                == .serial(.init(path: "/dev/ttyUSB0", baud: 9600, wireProtocol: .witmotion, columns: nil)))
        #expect(try SourceSpec(parsing: "sim") == .simulated(scenario: "desk-day"))
        #expect(try SourceSpec(parsing: "sim:tilt") == .simulated(scenario: "tilt"))
        #expect(try SourceSpec(parsing: "recording.gbcap") == .file(path: "recording.gbcap"))
        let ble = try SourceSpec(parsing: "ble:c0:ff:ee:00:00:01?profile=witmotion&type=random&att=unix:/tmp/att.sock")
        #expect(ble == .ble(.init(address: "C0:FF:EE:00:00:01", profile: "witmotion", randomAddress: true, security: "low", attSocket: "/tmp/att.sock")))
    }

    @Test(arguments: ["serial:", "serial:/dev/x?baud=fast", "serial:/dev/x?protocol=morse", "serial:/dev/x?speed=9600",
                      "ble:123", "ble:C0:FF:EE:00:00:01?profile=fitbit", "ble:C0:FF:EE:00:00:01?att=/tmp/x", "sim:", "",
                      "serial:/dev/x?baud", "serial:/dev/x?baud=9600&baud=115200",
                      "ble:C0:FF:EE:00:00:01?type=public&type=random"])
    func rejectsWithAMessage(_ text: String) {
        #expect(throws: SourceSpec.ParseError.self) { try SourceSpec(parsing: text) }
        let message = captureError(text)
        #expect(!message.isEmpty && !message.contains("\n"))
    }

    private func captureError(_ text: String) -> String {
        do { _ = try SourceSpec(parsing: text); return "" } catch { return error.description }
    }
}
