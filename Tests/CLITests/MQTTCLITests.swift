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
            .split(separator: "\n").compactMap { MQTTEventMessage(String($0.dropFirst("glutebridge/desk1/event ".count))) }
        #expect(received.map(\.json) == events, "sent \(events.count), received \(received.count)")
        #expect(received.map(\.seq) == Array(1...events.count))

        let retained = try broker.retained(["glutebridge/#", "homeassistant/#"])
        #expect(retained["glutebridge/desk1/availability"] == "offline")
        let state = try #require(retained["glutebridge/desk1/state"])
        #expect(state.contains("\"posture\":") && state.contains("\"squeezes_today\":") && state.contains("\"link\":\"ended\""))
        #expect(retained.keys.filter { $0.hasPrefix("homeassistant/") && $0.hasSuffix("/desk1/sitting/config") }.count == 1)
        // The 7 entities and the battery: the simulated sensor reports its level in status messages.
        #expect(retained.keys.filter { $0.hasPrefix("homeassistant/") }.count == 8)
        #expect(state.contains("\"battery_pct\":") && state.contains("\"sitting_today_s\":2199.3"), "\(state)")
    }

    /// Issue #15 (b): the broker SIGKILLed and restarted on its port twice during a run. Events
    /// made while it is away wait in the spool and follow after the reconnect: every event on
    /// stdout arrives, in order (a duplicate, same `seq`, is allowed and dropped here).
    @Test func brokerKilledAndRestartedTwiceLosesNoEvent() throws {
        let broker = try MQTTBroker(persistent: true)
        // A persistent session: the broker keeps the subscription (and queues for it) across its
        // restarts, so nothing depends on which client reconnects first.
        let (sub, subOut) = try broker.subscribe(["glutebridge/restarts/event"], seconds: nil, clientID: "gb-restart-test")
        Thread.sleep(forTimeInterval: 0.5)
        let state = temporaryDirectory()
        // desk-day at speed 250 runs about 11 s and makes 41 events spread over it.
        let stderrFile = state.appendingPathComponent("stderr")
        let (run, out) = try CLI.start(["monitor", "sim:desk-day", "--speed", "250", "--format", "jsonl",
                                        "--mqtt", "mqtt://127.0.0.1:\(broker.port)", "--device-id", "restarts"],
                                       environment: ["XDG_STATE_HOME": state.path], stderrFile: stderrFile)
        nonisolated(unsafe) var stdout = Data()
        let reader = DispatchGroup()
        reader.enter()
        DispatchQueue.global().async { stdout = out.readDataToEndOfFile(); reader.leave() }
        for downAt in [2.0, 2.5] {  // seconds after the previous step
            Thread.sleep(forTimeInterval: downAt)
            broker.kill9()
            Thread.sleep(forTimeInterval: 1.5)
            try broker.restart()
        }
        reader.wait()
        run.waitUntilExit()
        #expect(run.terminationStatus == 0)
        let events = String(decoding: stdout, as: UTF8.self).split(separator: "\n").map(String.init)
            .filter { !$0.contains("\"type\":\"session\"") }
        #expect(events.count > 20)

        // Wait until the last seq is in (at most 15 s), then stop the subscriber.
        var lines: [MQTTEventMessage] = []
        let received = SubscriberOutput(subOut)
        for _ in 0..<150 where lines.last?.seq != events.count {
            Thread.sleep(forTimeInterval: 0.1)
            lines = received.lines.compactMap { MQTTEventMessage(String($0.dropFirst("glutebridge/restarts/event ".count))) }
        }
        kill(sub.processIdentifier, SIGKILL)
        sub.waitUntilExit()
        var seen = Set<Int>()
        let unique = lines.filter { seen.insert($0.seq).inserted }
        #expect(unique.map(\.json) == events, "sent \(events.count), received \(lines.count) (\(unique.count) unique)")
        #expect(unique.map(\.seq) == Array(1...events.count))
        #expect(!FileManager.default.fileExists(atPath: state.path + "/glutebridge/mqtt-spool/restarts"), "the spool is removed once sent")
        // One line when the link is lost, one when it is back; a lost link is not blamed on TLS.
        let stderr = try String(contentsOf: stderrFile, encoding: .utf8).split(separator: "\n").filter { $0.contains("mqtt:") }
        #expect(stderr.filter { $0.contains("mqtt: lost 127.0.0.1") }.count == 2, "\(stderr)")
        #expect(stderr.filter { $0.contains("mqtt: reconnected to 127.0.0.1") }.count == 2, "\(stderr)")
        #expect(!stderr.contains { $0.contains("TLS") }, "\(stderr)")
    }

    /// The broker dies for good mid-run: the events it missed stay in the 0600 spool when the run
    /// ends, and the next run sends them first, with their own session and seq, then its own.
    @Test func eventsTheBrokerMissedWaitOnDiskForTheNextRun() throws {
        let broker = try MQTTBroker()
        let state = temporaryDirectory()
        let spool = state.path + "/glutebridge/mqtt-spool/later"
        let (run, out) = try CLI.start(["monitor", "sim:desk-day", "--speed", "600", "--format", "jsonl",
                                        "--mqtt", "mqtt://127.0.0.1:\(broker.port)", "--device-id", "later"],
                                       environment: ["XDG_STATE_HOME": state.path])
        Thread.sleep(forTimeInterval: 1.5)
        broker.kill9()
        let stdout = out.readDataToEndOfFile()
        run.waitUntilExit()
        #expect(run.terminationStatus == 0)
        let events = String(decoding: stdout, as: UTF8.self).split(separator: "\n").map(String.init)
            .filter { !$0.contains("\"type\":\"session\"") }
        let mode = try FileManager.default.attributesOfItem(atPath: spool)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let waiting = try String(contentsOfFile: spool, encoding: .utf8).split(separator: "\n").compactMap { MQTTEventMessage(String($0)) }
        #expect(waiting.count > 10 && waiting.count < events.count, "\(waiting.count) of \(events.count) spooled")
        #expect(waiting.map(\.json) == Array(events.suffix(waiting.count)), "the last events, in order")

        try broker.restart()
        let (sub, subOut) = try broker.subscribe(["glutebridge/later/event"], seconds: nil)
        Thread.sleep(forTimeInterval: 0.3)
        let next = try CLI.run(["monitor", "sim:desk-day", "--speed", "600", "--format", "jsonl", "--duration", "1s",
                                "--mqtt", "mqtt://127.0.0.1:\(broker.port)", "--device-id", "later"],
                               environment: ["XDG_STATE_HOME": state.path])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stderr.contains("sending \(waiting.count) events an earlier run left"), "\(next.stderr)")
        Thread.sleep(forTimeInterval: 0.5)
        kill(sub.processIdentifier, SIGKILL)
        let received = String(decoding: subOut.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").compactMap { MQTTEventMessage(String($0.dropFirst("glutebridge/later/event ".count))) }
        sub.waitUntilExit()
        #expect(received.prefix(waiting.count).map(\.json) == waiting.map(\.json), "the earlier run's events come first")
        #expect(received.dropFirst(waiting.count).first?.seq == 1, "then this run's, from seq 1")
        #expect(Set(received.map(\.session)).count == 2)
        #expect(!FileManager.default.fileExists(atPath: spool))
    }

    /// `replay --mqtt`: a recording's events go to the broker as the live ones would, with the
    /// retained state of the end of the file.
    @Test func replayPublishesEveryEventAndTheFinalState() throws {
        let broker = try MQTTBroker()
        let dir = temporaryDirectory()
        let capture = dir.appendingPathComponent("desk.bin").path
        let made = try CLI.run(["simulate", "-o", capture, "--scenario", "desk-day", "--seed", "7"])
        #expect(made.status == 0, "\(made.stderr)")
        let (sub, subOut) = try broker.subscribe(["glutebridge/replayed/event"])
        Thread.sleep(forTimeInterval: 0.3)
        let run = try CLI.run(["replay", capture, "--format", "jsonl", "--mqtt", "mqtt://127.0.0.1:\(broker.port)", "--device-id", "replayed"],
                              environment: ["XDG_STATE_HOME": dir.path])
        #expect(run.status == 0, "\(run.stderr)")
        Thread.sleep(forTimeInterval: 0.5)
        kill(sub.processIdentifier, SIGKILL)
        let received = String(decoding: subOut.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").compactMap { MQTTEventMessage(String($0.dropFirst("glutebridge/replayed/event ".count))) }
        sub.waitUntilExit()
        let events = run.stdoutLines.filter { !$0.contains("\"type\":\"session\"") }
        #expect(events.count > 20 && received.map(\.json) == events, "replayed \(events.count), received \(received.count)")
        let retained = try broker.retained(["glutebridge/replayed/#"])
        #expect(retained["glutebridge/replayed/availability"] == "offline")
        let state = try #require(retained["glutebridge/replayed/state"])
        #expect(state.contains("\"link\":\"ended\"") && state.contains("\"squeezes_today\":12") && state.contains("\"battery_pct\":"),
                "\(state)")
    }

    /// `mqtt --forget ID`: the device's 8 discovery configs, state and availability are gone
    /// (empty retained messages); another device's stay.
    @Test func forgetRemovesTheDevicesRetainedTopics() throws {
        let broker = try MQTTBroker()
        for id in ["gone", "kept"] {
            let run = try CLI.run(["monitor", "sim:desk-day", "--speed", "600", "--format", "jsonl", "--duration", "1s",
                                   "--mqtt", "mqtt://127.0.0.1:\(broker.port)", "--device-id", id, "--ha-discovery"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let before = try broker.retained(["glutebridge/#", "homeassistant/#"])
        #expect(before.keys.filter { $0.contains("/gone/") }.count == 10)  // 8 configs (battery too), state, availability
        let forget = try CLI.run(["mqtt", "--forget", "gone", "--mqtt", "mqtt://127.0.0.1:\(broker.port)"])
        #expect(forget.status == 0, "\(forget.stderr)")
        #expect(forget.stdout.contains("10 retained topics cleared"), "\(forget.stdout)")
        let after = try broker.retained(["glutebridge/#", "homeassistant/#"])
        #expect(after.keys.filter { $0.contains("/gone/") }.isEmpty, "\(after.keys.sorted())")
        #expect(after.keys.filter { $0.contains("/kept/") }.count == 10)

        let unreachable = try CLI.run(["mqtt", "--forget", "gone", "--mqtt", "mqtt://127.0.0.1:1"])
        #expect(unreachable.status == 1 && unreachable.stderr.split(separator: "\n").count == 1, "\(unreachable.stderr)")
    }

    /// The config file's `[mqtt]` table: the broker and the id from the file; an option given on
    /// the command line wins; a bad id in the file is one line naming the file.
    @Test func theConfigFilesMQTTTableIsUsedAndOptionsWin() throws {
        let broker = try MQTTBroker()
        let dir = temporaryDirectory()
        let config = dir.appendingPathComponent("gb.toml")
        try "[mqtt]\nmqtt = \"mqtt://127.0.0.1:\(broker.port)\"\ndevice-id = \"fromfile\"\nha-discovery = true\n"
            .write(to: config, atomically: true, encoding: .utf8)
        for (extra, id) in [([String](), "fromfile"), (["--device-id", "fromoption"], "fromoption")] {
            let run = try CLI.run(["monitor", "sim:desk-day", "--speed", "600", "--format", "jsonl", "--duration", "1s",
                                   "--config", config.path] + extra)
            #expect(run.status == 0, "\(run.stderr)")
            let retained = try broker.retained(["glutebridge/\(id)/availability", "homeassistant/#"])
            #expect(retained["glutebridge/\(id)/availability"] == "offline", "\(id): \(retained.keys.sorted())")
            #expect(retained.keys.contains("homeassistant/binary_sensor/\(id)/sitting/config"))
        }
        try "[mqtt]\nmqtt = \"mqtt://127.0.0.1:\(broker.port)\"\ndevice-id = \"a/b\"\n".write(to: config, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["monitor", "sim:desk-day", "--speed", "600", "--format", "jsonl", "--duration", "1s", "--config", config.path])
        #expect(bad.status == 1 && bad.stderr.split(separator: "\n").count == 1 && bad.stderr.contains("gb.toml [mqtt]: --device-id"),
                "\(bad.stderr)")
    }

    /// A BLE sensor (the GATT simulator on a unix socket): the default device id is its address,
    /// and the battery level it reports is in the state, with its own discovery entity.
    @Test func aBLESensorNamesTheDeviceAndReportsItsBattery() throws {
        let broker = try MQTTBroker()
        let socket = temporaryDirectory().appendingPathComponent("gatt.sock").path
        let (sim, simOut) = try CLI.start(["simulate", "--ble", socket, "--profile", "native", "--scenario", "tilt", "--speed", "10"])
        defer { kill(sim.processIdentifier, SIGKILL); sim.waitUntilExit() }
        #expect(readLine(from: simOut) == socket)
        let run = try CLI.run(["monitor", "ble:C0:FF:EE:00:00:01?att=unix:\(socket)", "--format", "jsonl", "--duration", "3s",
                               "--mqtt", "mqtt://127.0.0.1:\(broker.port)", "--ha-discovery"])
        #expect(run.status == 0, "\(run.stderr)")
        let retained = try broker.retained(["glutebridge/#", "homeassistant/#"])
        let state = try #require(retained["glutebridge/ble-c0ffee000001/state"], "\(retained.keys.sorted())")
        #expect(state.contains("\"battery_pct\":"), "\(state)")
        let battery = try #require(retained["homeassistant/sensor/ble-c0ffee000001/battery/config"])
        #expect(battery.contains("\"device_class\":\"battery\"") && battery.contains("\"unit_of_measurement\":\"%\""))
        #expect(retained.keys.filter { $0.hasPrefix("homeassistant/") }.count == 8)
    }

    /// A BLE recording replayed with --mqtt is published under its sensor's id, as it was live.
    @Test func aReplayedBLERecordingKeepsTheSensorsID() throws {
        let broker = try MQTTBroker()
        let dir = temporaryDirectory()
        let socket = dir.appendingPathComponent("gatt.sock").path
        let (sim, simOut) = try CLI.start(["simulate", "--ble", socket, "--profile", "native", "--scenario", "squeezes", "--speed", "20"])
        defer { kill(sim.processIdentifier, SIGKILL); sim.waitUntilExit() }
        #expect(readLine(from: simOut) == socket)
        let capture = dir.appendingPathComponent("ble.gbcap").path
        let live = try CLI.run(["record", "ble:C0:FF:EE:00:00:01?att=unix:\(socket)", "-o", capture, "--format", "jsonl", "--duration", "3s"])
        #expect(live.status == 0, "\(live.stderr)")
        let replay = try CLI.run(["replay", capture, "--format", "jsonl", "--mqtt", "mqtt://127.0.0.1:\(broker.port)"],
                                 environment: ["XDG_STATE_HOME": dir.path])
        #expect(replay.status == 0, "\(replay.stderr)")
        let retained = try broker.retained(["glutebridge/#"])
        #expect(retained["glutebridge/ble-c0ffee000001/availability"] == "offline", "\(retained.keys.sorted())")
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

    /// The password file is read before any connection, and only so far: /dev/zero was once read
    /// until memory ran out (abort, status 134).
    @Test func aPasswordFileThatNeverEndsOrIsAFolderIsOneLineAndStatus1() throws {
        for (path, words) in [("/dev/zero", "larger than 4 KiB"), ("/", "is a directory"), ("/nonexistent/pw", "cannot open it")] {
            let result = try CLI.run(["mqtt", "--forget", "desk1", "--mqtt", "mqtt://anna@127.0.0.1:1", "--mqtt-password-file", path])
            #expect(result.status == 1)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains("--mqtt-password-file \(path): \(words)"), "\(result.stderr)")
        }
    }

    /// TLS files that cannot be right are named before any connection: a key as the CA or the
    /// certificate, a certificate as the key, a folder. (libmosquitto reads them only in the
    /// handshake and reported all of these as the broker's certificate not being signed.)
    @Test func tlsFilesOfTheWrongKindAreNamedInOneLine() throws {
        let dir = temporaryDirectory()
        let cert = dir.appendingPathComponent("c.pem"), key = dir.appendingPathComponent("k.pem")
        try "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".write(to: cert, atomically: true, encoding: .utf8)
        try "-----BEGIN EC PRIVATE KEY-----\nMHcC\n-----END EC PRIVATE KEY-----\n".write(to: key, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["--mqtt-cafile", key.path], "--mqtt-cafile \(key.path): no PEM CERTIFICATE in it"),
            (["--mqtt-cafile", dir.path], "--mqtt-cafile \(dir.path): is a directory"),
            (["--mqtt-cafile", cert.path, "--mqtt-cert", key.path, "--mqtt-key", key.path], "--mqtt-cert \(key.path): no PEM CERTIFICATE in it"),
            (["--mqtt-cafile", cert.path, "--mqtt-cert", cert.path, "--mqtt-key", cert.path], "--mqtt-key \(cert.path): no PEM PRIVATE KEY in it"),
        ]
        for (options, words) in cases {
            let result = try CLI.run(["mqtt", "--forget", "desk1", "--mqtt", "mqtts://127.0.0.1:1"] + options)
            #expect(result.status == 1)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains(words), "\(options): \(result.stderr)")
        }
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

    /// mqtts:// with the CA that signed the broker's certificate (made by openssl here), and a
    /// password: events arrive. The wrong password, or a CA that did not sign it: one line, status 1.
    @Test(.enabled(if: TestCertificates.openssl != nil, "needs openssl"))
    func tlsWithTheRightCAAndPasswordWorksAndAWrongCAOrPasswordIsOneLine() throws {
        let dir = temporaryDirectory()
        let certs = try TestCertificates(in: dir)
        let broker = try MQTTBroker(users: ["anna": "right horse battery", "test": "sub"], tls: certs)
        let url = "mqtts://anna@127.0.0.1:\(broker.tlsPort)"
        let (sub, subOut) = try broker.subscribe(["glutebridge/tls1/event"], user: ("test", "sub"))
        Thread.sleep(forTimeInterval: 0.3)
        let good = try CLI.run(["monitor", "sim:desk-day", "--speed", "600", "--format", "jsonl", "--duration", "2s",
                                "--mqtt", url, "--mqtt-cafile", certs.ca, "--device-id", "tls1"],
                               environment: ["GLUTEBRIDGE_MQTT_PASSWORD": "right horse battery"])
        #expect(good.status == 0, "\(good.stderr)")
        Thread.sleep(forTimeInterval: 0.5)
        kill(sub.processIdentifier, SIGKILL)
        let received = String(decoding: subOut.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        sub.waitUntilExit()
        let events = good.stdoutLines.filter { !$0.contains("\"type\":\"session\"") }
        #expect(!events.isEmpty && received.count == events.count, "sent \(events.count) over TLS, received \(received.count)")

        for (ca, password, reason) in [(certs.otherCA, "right horse battery", "TLS handshake failed"),
                                       (certs.ca, "wrong", "not authorised")] {
            let bad = try CLI.run(["monitor", "sim:desk-day", "--speed", "600", "--format", "jsonl", "--duration", "2s",
                                   "--mqtt", url, "--mqtt-cafile", ca, "--device-id", "tls1"],
                                  environment: ["GLUTEBRIDGE_MQTT_PASSWORD": password])
            #expect(bad.status == 1)
            let lines = bad.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains(reason), "\(bad.stderr)")
            #expect(bad.stdout.isEmpty || !bad.stdout.contains("\"type\":\"posture\""), "no session ran")
        }
        // A plain mqtt:// client on the TLS port is told so.
        let plain = try CLI.run(["monitor", "sim:desk-day", "--speed", "600", "--format", "jsonl", "--duration", "2s",
                                 "--mqtt", "mqtt://127.0.0.1:\(broker.tlsPort)", "--device-id", "tls1"])
        #expect(plain.status == 1 && plain.stderr.split(separator: "\n").count == 1 && plain.stderr.contains("mqtts://"), "\(plain.stderr)")
    }

    /// The first connection must succeed: no broker listening is one line and status 1, before
    /// any event is printed (later outages are spooled instead).
    @Test func noBrokerAtTheStartIsOneLineAndStatus1() throws {
        let run = try CLI.run(["monitor", "sim:desk-day", "--speed", "600", "--format", "jsonl", "--duration", "2s",
                               "--mqtt", "mqtt://127.0.0.1:1", "--device-id", "nobroker"],
                              environment: ["XDG_STATE_HOME": temporaryDirectory().path])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("cannot connect to 127.0.0.1:1"), "\(run.stderr)")
        #expect(!run.stdout.contains("\"type\":\"posture\""), "no session ran")
    }

    @Test func optionsAreChecked() throws {
        for (args, message) in [(["--mqtt", "mqtt://u:pw@h"], "password does not go in the URL"),
                                (["--mqtt", "mqtts://h"], "needs --mqtt-cafile"),
                                (["--mqtt", "mqtt://h", "--device-id", "a/b"], "--device-id"),
                                (["--ha-discovery"], "need --mqtt URL"),
                                (["--mqtt", "mqtt://h:99999"], "1 to 65535"),
                                (["--mqtt", "mqtts://h", "--mqtt-cafile", "/nonexistent/ca.pem"], "--mqtt-cafile: cannot read")] {
            let r = try CLI.run(["monitor", "sim", "--format", "jsonl"] + args)
            #expect(r.status != 0 && r.stderr.contains(message), "\(args): \(r.stderr)")
        }
    }
}

/// An event message as published: `{"seq":N,"session":MS,` and then the JSONL object.
struct MQTTEventMessage {
    var seq: Int
    var session: Int
    /// The JSONL line the event printed on stdout.
    var json: String

    init?(_ payload: String) {
        let parts = payload.split(separator: ",", maxSplits: 2)
        guard parts.count == 3, parts[0].hasPrefix("{\"seq\":"), parts[1].hasPrefix("\"session\":"),
              let seq = Int(parts[0].dropFirst("{\"seq\":".count)), let session = Int(parts[1].dropFirst("\"session\":".count))
        else { return nil }
        self.seq = seq
        self.session = session
        json = "{" + parts[2]
    }
}

/// Collects a running subscriber's output lines on a background queue.
final class SubscriberOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        DispatchQueue.global().async { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { return }
                lock.lock(); data.append(chunk); lock.unlock()
            }
        }
    }

    /// The complete lines so far.
    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        let text = String(decoding: data, as: UTF8.self)
        var all = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if !text.hasSuffix("\n"), !all.isEmpty { all.removeLast() }
        return all
    }
}
