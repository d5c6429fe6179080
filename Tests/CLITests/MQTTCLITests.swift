import Foundation
import Testing

/// `--mqtt` against a real mosquitto on 127.0.0.1 (started by the test on a free port).
@Suite(.serialized, .enabled(if: CLI.available && MQTTBroker.available, "needs the glutebridge binary and mosquitto (make deps)"))
struct MQTTCLITests {
    @Test func everyEventArrivesInOrderWithStateDiscoveryAndAvailability() throws {
        let broker = try MQTTBroker()
        let (sub, subOut) = try broker.subscribe(["glutebridge/desk1/event"])
        Thread.sleep(forTimeInterval: 0.3)  // the subscription is in place before the first event
        let run = try CLI.run(["monitor", "sim:desk-day", "--speed", "600", "--format", "jsonl", "--mqtt", "mqtt://127.0.0.1:\(broker.port)",
                               "--device-id", "desk1", "--ha-discovery"])
        #expect(run.status == 0, "\(run.stderr)")
        let events = run.stdoutLines.filter { !$0.contains("\"type\":\"session\"") }
        #expect(events.count > 20)
        Thread.sleep(forTimeInterval: 0.5)
        kill(sub.processIdentifier, SIGKILL)
        let received = String(decoding: subOut.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").map { String($0.dropFirst("glutebridge/desk1/event ".count)) }
        #expect(received == events, "sent \(events.count), received \(received.count)")

        let retained = try broker.retained(["glutebridge/#", "homeassistant/#"])
        #expect(retained["glutebridge/desk1/availability"] == "offline")
        let state = try #require(retained["glutebridge/desk1/state"])
        #expect(state.contains("\"posture\":") && state.contains("\"squeezes_today\":") && state.contains("\"link\":\"ended\""))
        #expect(retained.keys.filter { $0.hasPrefix("homeassistant/") && $0.hasSuffix("/desk1/sitting/config") }.count == 1)
        #expect(retained.keys.filter { $0.hasPrefix("homeassistant/") }.count == 7)
    }

    @Test func theWillSaysOfflineAfterSIGKILL() throws {
        let broker = try MQTTBroker()
        let (process, out) = try CLI.start(["monitor", "sim:desk-day", "--speed", "1", "--format", "jsonl",
                                            "--mqtt", "mqtt://127.0.0.1:\(broker.port)", "--device-id", "killed"])
        _ = out.availableData  // the session header: it runs
        var online: String?
        for _ in 0..<30 where online != "online" {
            online = try broker.retained(["glutebridge/killed/availability"])["glutebridge/killed/availability"]
        }
        #expect(online == "online")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // mosquitto publishes the will when the keepalive runs out or the socket closes: at once here.
        var after: String?
        for _ in 0..<10 where after != "offline" {
            after = try broker.retained(["glutebridge/killed/availability"])["glutebridge/killed/availability"]
        }
        #expect(after == "offline")
    }

    @Test func aWrongPasswordIsOneLineAndStatus1() throws {
        let broker = try MQTTBroker(users: ["anna": "right horse battery"])
        let file = broker.directory.appendingPathComponent("pw")
        try "wrong\n".write(to: file, atomically: true, encoding: .utf8)
        let url = "mqtt://anna@127.0.0.1:\(broker.port)"
        let bad = try CLI.run(["monitor", "sim:desk-day", "--speed", "600", "--format", "jsonl", "--mqtt", url, "--mqtt-password-file", file.path])
        #expect(bad.status == 1)
        let errorLines = bad.stderr.split(separator: "\n")
        #expect(errorLines.count == 1 && errorLines[0].contains("refused") && errorLines[0].contains("not authorised"), "\(bad.stderr)")

        let good = try CLI.run(["monitor", "sim:desk-day", "--speed", "600", "--format", "jsonl", "--duration", "1s", "--mqtt", url],
                               environment: ["GLUTEBRIDGE_MQTT_PASSWORD": "right horse battery"])
        #expect(good.status == 0, "\(good.stderr)")
    }

    @Test func optionsAreChecked() throws {
        for (args, message) in [(["--mqtt", "mqtt://u:pw@h"], "password does not go in the URL"),
                                (["--mqtt", "mqtts://h"], "needs --mqtt-cafile"),
                                (["--mqtt", "mqtt://h", "--device-id", "a/b"], "--device-id"),
                                (["--ha-discovery"], "need --mqtt URL"),
                                (["--mqtt", "mqtt://h:99999"], "1 to 65535")] {
            let r = try CLI.run(["monitor", "sim", "--format", "jsonl"] + args)
            #expect(r.status != 0 && r.stderr.contains(message), "\(args): \(r.stderr)")
        }
    }
}
