import Foundation
import Testing
import GluteLog

@Suite("what a person sees and runs", .enabled(if: CLI.available, "build the binary first: swift build"))
struct UserFacingCLITests {
    static var hasTmux: Bool {
        ["/usr/bin/tmux", "/bin/tmux", "/usr/local/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The live view driven in tmux, as a person would see it: a shell script drives tmux (tmux
    /// clients started straight from Foundation's Process lose their server here).
    @Test(.enabled(if: hasTmux, "tmux is not installed (make deps installs it)"))
    func liveViewInTmuxShowsPostureAndTiltGauge() throws {
        let dir = temporaryDirectory()
        let session = "gbtest\(getpid())"
        let script = """
        set -u
        tmux new-session -d -s \(session) -x 100 -y 30 'XDG_CONFIG_HOME=\(dir.path) \(CLI.binary.path) monitor sim:desk-day --speed 60; sleep 5'
        for i in $(seq 1 60); do
          sleep 0.25
          tmux capture-pane -t \(session) -p > '\(dir.path)/view.txt'
          grep -q 'limit' '\(dir.path)/view.txt' && break
        done
        tmux send-keys -t \(session) C-c
        # Up to 20 s: on a 2-core machine running the other suites beside it, 5 s was not
        # always enough for the summary to appear (a fresh-clone CI run, 2026-12-06).
        for i in $(seq 1 80); do
          sleep 0.25
          tmux capture-pane -t \(session) -p > '\(dir.path)/after.txt'
          grep -q Summary '\(dir.path)/after.txt' && break
        done
        tmux kill-session -t \(session)
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let screen = (try? String(contentsOf: dir.appendingPathComponent("view.txt"), encoding: .utf8)) ?? ""
        let after = (try? String(contentsOf: dir.appendingPathComponent("after.txt"), encoding: .utf8)) ?? ""
        #expect(screen.contains("Posture"), "screen:\n\(screen)")
        #expect(screen.contains("Tilt"))
        #expect(screen.contains("limit 10°"))
        #expect(screen.contains("sim:desk-day"))
        // Ctrl-C ends it and leaves the summary on a restored terminal.
        #expect(after.contains("Summary"), "screen after Ctrl-C:\n\(after)")
        #expect(!after.contains("Recent events"))
    }

    /// An --exec alert runs without a shell and gets the event JSON on stdin, fields in env.
    @Test func execAlertReceivesTheEventJSON() throws {
        let dir = temporaryDirectory()
        let script = dir.appendingPathComponent("alert.sh")
        let received = dir.appendingPathComponent("received.json")
        try """
        #!/bin/sh
        cat > "$1"
        echo "$GLUTEBRIDGE_EVENT $GLUTEBRIDGE_LIMIT_S" > "$1.env"
        """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
        let result = try CLI.run(["monitor", "sim:sitting", "--speed", "600", "--format", "jsonl", "--exit-on", "sitting.prolonged",
                                  "--alert-on", "sitting.prolonged", "--exec", "'\(script.path)' '\(received.path)'"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try String(contentsOf: received, encoding: .utf8)
        let object = try #require(jsonObject(json.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(object["type"] as? String == "sitting.prolonged")
        #expect(object["limit_s"] as? Double == 1800)
        let env = try String(contentsOf: URL(fileURLWithPath: received.path + ".env"), encoding: .utf8)
        #expect(env.trimmingCharacters(in: .whitespacesAndNewlines) == "sitting.prolonged 1800")
    }

    /// A device name with ANSI escape sequences reaches no terminal raw: escaped in the pretty
    /// output, \u-escaped in JSON.
    @Test func deviceNameWithEscapeSequencesIsPrintedEscaped() throws {
        let dir = temporaryDirectory()
        let sim = try CLI.run(["simulate", "-o", "-", "--duration", "3s", "--scenario", "standing"])
        let evil = "evil\u{1B}[2J\u{1B}]0;pwned\u{7}"
        var bytes = CaptureHeader(fields: [("source", "serial:/dev/ttyACM0"), ("protocol", "native")]).encoded()
        bytes += CaptureRecord(kind: .connected, monotonic: 1, wall: 1_790_000_000, payload: Array(evil.utf8)).encoded()
        bytes += CaptureRecord(kind: .data, monotonic: 1.1, wall: 1_790_000_000.1, payload: [UInt8](sim.stdoutData)).encoded()
        let file = dir.appendingPathComponent("evil.gbcap")
        try Data(bytes).write(to: file)
        let pretty = try CLI.run(["replay", file.path, "--format", "pretty"])
        #expect(pretty.status == 0, "\(pretty.stderr)")
        #expect(!pretty.stdout.contains("\u{1B}"))
        #expect(!pretty.stdout.contains("\u{7}"))
        #expect(pretty.stdout.contains("evil\\x1b[2J"))
        let json = try CLI.run(["replay", file.path, "--format", "jsonl"])
        #expect(!json.stdout.contains("\u{1B}"))
        #expect(json.stdout.contains("evil\\u001b[2J"))
    }

    @Test func configFileValuesApplyAndOptionsWin() throws {
        let dir = temporaryDirectory()
        let config = dir.appendingPathComponent("glute.toml")
        try "sit-limit = \"20m\"\ntilt-limit = 12\n".write(to: config, atomically: true, encoding: .utf8)
        let fromFile = try CLI.run(["monitor", "sim:sitting", "--speed", "600", "--format", "jsonl",
                                    "--exit-on", "sitting.prolonged", "--config", config.path])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        let last = try #require(fromFile.stdoutLines.last.flatMap(jsonObject))
        #expect(last["limit_s"] as? Double == 1200)
        let optionWins = try CLI.run(["monitor", "sim:sitting", "--speed", "600", "--format", "jsonl",
                                      "--exit-on", "sitting.prolonged", "--config", config.path, "--sit-limit", "25m"])
        let last2 = try #require(optionWins.stdoutLines.last.flatMap(jsonObject))
        #expect(last2["limit_s"] as? Double == 1500)
        try "sit-limt = \"20m\"\n".write(to: config, atomically: true, encoding: .utf8)
        let typo = try CLI.run(["monitor", "sim", "--config", config.path])
        #expect(typo.status != 0)
        #expect(typo.stderr.contains("sit-limt"))
    }
}
