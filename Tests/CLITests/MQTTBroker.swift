import Foundation

/// A real mosquitto on a free 127.0.0.1 port with a generated config, for the MQTT tests; nil
/// (and the tests skip, saying so) when mosquitto is not installed.
final class MQTTBroker {
    static let mosquitto = ["/usr/sbin/mosquitto", "/usr/bin/mosquitto"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let sub = "/usr/bin/mosquitto_sub"
    static var available: Bool { mosquitto != nil && FileManager.default.isExecutableFile(atPath: sub) }

    let port: Int
    /// The TLS listener's port (`init(tls:)`).
    let tlsPort: Int
    let directory: URL
    private var process: Process
    private let configFile: URL

    /// `users`: name -> password; with any, anonymous clients are refused. `persistent`: the
    /// broker saves its sessions and queued messages after every change, so that a subscriber's
    /// persistent session (`subscribe(clientID:)`) outlives `restart()`.
    /// `tls`: also a TLS listener on `tlsPort` with these files (the plain one stays, for the
    /// test's own subscribers).
    init(users: [String: String] = [:], persistent: Bool = false, tls: TestCertificates? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gb-mqtt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var lastError: Error = CocoaError(.fileNoSuchFile)
        for _ in 0..<20 {
            let port = Int.random(in: 20_000...60_000)  // and port + 1 for TLS
            let tlsPort = port + 1
            var config = "listener \(port) 127.0.0.1\nlog_dest stderr\n"
            if let tls {
                config += "listener \(tlsPort) 127.0.0.1\ncafile \(tls.ca)\ncertfile \(tls.serverCert)\nkeyfile \(tls.serverKey)\n"
            }
            config += persistent
                ? "persistence true\npersistence_location \(directory.path)/\nautosave_interval 1\nautosave_on_changes true\n"
                : "persistence false\n"
            if users.isEmpty {
                config += "allow_anonymous true\n"
            } else {
                let passwords = directory.appendingPathComponent("passwd")
                try users.map { "\($0.key):\($0.value)" }.joined(separator: "\n").write(to: passwords, atomically: true, encoding: .utf8)
                let hash = Process()
                hash.executableURL = URL(fileURLWithPath: "/usr/bin/mosquitto_passwd")
                hash.arguments = ["-U", passwords.path]
                try hash.run()
                hash.waitUntilExit()
                config += "allow_anonymous false\npassword_file \(passwords.path)\n"
            }
            let file = directory.appendingPathComponent("mosquitto.conf")
            try config.write(to: file, atomically: true, encoding: .utf8)
            let p = try MQTTBroker.launch(file)
            if MQTTBroker.waitListening(port: port, process: p) {
                self.port = port
                self.tlsPort = tlsPort
                process = p
                configFile = file
                return
            }
            p.terminate()
            p.waitUntilExit()
            lastError = CocoaError(.fileWriteUnknown)
        }
        throw lastError
    }

    private static func launch(_ config: URL) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: MQTTBroker.mosquitto!)
        p.arguments = ["-c", config.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// Kills the broker with SIGKILL (no clean shutdown: clients see the link drop).
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Starts it again on the same port, after `kill9()`.
    func restart() throws {
        for _ in 0..<20 {
            let p = try MQTTBroker.launch(configFile)
            if MQTTBroker.waitListening(port: port, process: p) { process = p; return }
            // The old socket may linger a moment.
        }
        throw CocoaError(.fileWriteUnknown)
    }

    /// mosquitto exits at once when the port is taken; still running after a moment, it listens.
    private static func waitListening(port: Int, process: Process) -> Bool {
        Thread.sleep(forTimeInterval: 0.5)
        return process.isRunning
    }

    /// Starts `mosquitto_sub -v` on `topics`; its output is `topic payload` lines.
    /// `clientID`: a persistent session (clean session off) under that id; mosquitto_sub
    /// reconnects by itself when the broker comes back.
    func subscribe(_ topics: [String], count: Int? = nil, seconds: Int? = 60, retainedOnly: Bool = false,
                   clientID: String? = nil, user: (name: String, password: String)? = nil) throws -> (Process, Pipe) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: MQTTBroker.sub)
        var args = ["-h", "127.0.0.1", "-p", "\(port)", "-v", "-q", "1"] + (seconds.map { ["-W", "\($0)"] } ?? [])
        if let clientID { args += ["-c", "-i", clientID] }
        if let user { args += ["-u", user.name, "-P", user.password] }
        for t in topics { args += ["-t", t] }
        if let count { args += ["-C", "\(count)"] }
        if retainedOnly { args += ["--retained-only"] }
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        return (p, out)
    }

    /// The retained messages under `topics`, as topic -> payload (waits 1 s for them).
    func retained(_ topics: [String]) throws -> [String: String] {
        let (p, out) = try subscribe(topics, seconds: nil, retainedOnly: true)
        Thread.sleep(forTimeInterval: 1)
        kill(p.processIdentifier, SIGKILL)  // children of the test runner may not see SIGALRM/SIGTERM
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        var result: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            result[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return result
    }

    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }
}
