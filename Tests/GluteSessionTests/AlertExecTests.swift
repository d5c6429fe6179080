import Foundation
import Glibc
import GluteAlerts
import GluteCore
import GluteLog
import Testing
@testable import GluteSession

/// Real child processes: run one at a time so that timings hold on a loaded machine.
@Suite("alert commands", .serialized)
struct AlertExecTests {
    /// A script that records what it received: stdin, environment, arguments, open descriptors and
    /// its pid, into files named after its first argument.
    static let recorder = """
        #!/bin/sh
        out="$1"
        cat > "$out.json"
        env > "$out.env"
        for a in "$@"; do printf '%s\\n' "$a"; done > "$out.args"
        ls -l /proc/$$/fd > "$out.fds" 2>&1
        echo $$ > "$out.pid"
        """

    static func script(_ body: String, named name: String, in dir: TemporaryDirectory) throws -> String {
        let path = dir.path + "/" + name
        try body.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(chmod(path, 0o755) == 0)
        return path
    }

    static func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    @Test func theEventArrivesOnStdinAndInTheEnvironmentAndStaysInert() throws {
        let dir = try TemporaryDirectory()
        let hook = try Self.script(Self.recorder, named: "record hook.sh", in: dir)
        let out = dir.path + "/out"
        let victim = dir.path + "/victim"
        #expect(FileManager.default.createFile(atPath: victim, contents: Data("keep".utf8)))
        // Left open without O_CLOEXEC: the child must not inherit it.
        let leaked = open(victim, O_RDONLY)
        defer { close(leaked) }
        let device = "IMU $(touch \(dir.path)/pwned); rm -rf \(victim) `touch \(dir.path)/pwned2` \"'\n\\"
        let argv = try CommandWords.split("'\(hook)' '\(out)' \"second arg\" ''")
        let reports = Collector()
        let dispatcher = AlertDispatcher(settings: AlertSettings(exec: [argv], types: ["link.connected"]), report: reports.add,
                                         environment: ["PATH=/usr/bin:/bin", "KEEP=yes", "GLUTEBRIDGE_STALE=1"], bell: {})
        let event = timed(.linkConnected(device: device), wall: 1_795_000_000.25, t: 12.5)
        #expect(dispatcher.handle(event) == .deliver)
        dispatcher.finish(grace: 10)

        #expect(reports.lines == [])
        #expect(dispatcher.statistics.commandsStarted == 1)
        #expect(dispatcher.statistics.commandsFailed == 0)
        #expect(dispatcher.runningCommands == 0)

        let stdin = try #require(Self.read(out + ".json"))
        #expect(stdin == EventFormat.json(event.event, wallTime: event.wall) + "\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stdin.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "link.connected")
        #expect(object["device"] as? String == device)

        let environment = try #require(Self.read(out + ".env"))
        #expect(environment.contains("GLUTEBRIDGE_EVENT=link.connected\n"))
        #expect(environment.contains("GLUTEBRIDGE_T=12.5\n"))
        #expect(environment.contains("GLUTEBRIDGE_TIME=\(WallClockText.iso8601(1_795_000_000.25))\n"))
        #expect(environment.contains("GLUTEBRIDGE_DEVICE=\(device)\n"), "the device name arrives verbatim")
        #expect(environment.contains("KEEP=yes\n"))
        #expect(!environment.contains("GLUTEBRIDGE_STALE"))

        #expect(Self.read(out + ".args") == "\(out)\nsecond arg\n\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/pwned"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/pwned2"))
        #expect(Self.read(victim) == "keep")
        let fds = try #require(Self.read(out + ".fds"))
        #expect(!fds.contains(victim), "an inherited descriptor leaked into the command: \(fds)")

        // Reaped, not a zombie: a zombie keeps its /proc entry.
        let pid = try #require(Self.read(out + ".pid").flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(pid)"))
    }

    @Test func commandsAreFoundOnThePathAndFailuresAreReportedNotFatal() throws {
        let dir = try TemporaryDirectory()
        _ = try Self.script(Self.recorder, named: "glute-test-hook", in: dir)
        let plain = dir.path + "/not-executable"
        #expect(FileManager.default.createFile(atPath: plain, contents: Data("#!/bin/sh\n".utf8)))
        let out = dir.path + "/found"
        let commands = [["glute-test-hook", out], ["false"], ["glute-no-such-command"], [plain], ["sh", "-c", "exit 7"]]
        let reports = Collector()
        let dispatcher = AlertDispatcher(settings: AlertSettings(exec: commands), report: reports.add,
                                         environment: ["PATH=\(dir.path):/usr/bin:/bin"], bell: {})
        #expect(dispatcher.handle(timed(sitting, wall: 1000)) == .deliver)
        dispatcher.finish(grace: 10)
        #expect(Self.read(out + ".json")?.contains("\"type\":\"sitting.prolonged\"") == true)
        let lines = reports.lines.sorted()
        #expect(lines == [
            "alert: '\(plain)' for sitting.prolonged could not start: Permission denied",
            "alert: 'false' for sitting.prolonged exited with status 1",
            "alert: 'glute-no-such-command' for sitting.prolonged could not start: not found on PATH",
            "alert: 'sh' for sitting.prolonged exited with status 7",
        ])
        #expect(dispatcher.statistics.commandsStarted == 3)
        #expect(dispatcher.statistics.commandsFailed == 4)
    }

    @Test func aSlowCommandIsKilledAfterTheTimeoutWithoutBlockingTheDispatcher() throws {
        let dir = try TemporaryDirectory()
        let pidFile = dir.path + "/pid"
        let reports = Collector()
        // sh starts sleep as a grandchild: killing the process group must take both.
        let dispatcher = AlertDispatcher(settings: AlertSettings(exec: [["sh", "-c", "echo $$ > '\(pidFile)'; sleep 20; echo late >&2"]],
                                                                 commandTimeout: 0.3),
                                         report: reports.add, environment: ["PATH=/usr/bin:/bin"], bell: {})
        let clock = ContinuousClock()
        let start = clock.now
        dispatcher.handle(timed(sitting, wall: 1000))
        let handled = clock.now - start
        #expect(handled < .seconds(0.25), "handle returned after \(handled)")
        #expect(dispatcher.runningCommands == 1)
        dispatcher.finish(grace: 10)
        let finished = clock.now - start
        #expect(finished < .seconds(5), "finish took \(finished)")
        #expect(reports.lines == ["alert: 'sh' for sitting.prolonged ran longer than 0.3 s and was killed"])
        #expect(dispatcher.runningCommands == 0)
        let group = try #require(Self.read(pidFile).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        // The command led its own process group; nothing of it (the sleep included) is left once
        // init has reaped the orphaned sleep, which takes a moment.
        var groupGone = false
        for _ in 0..<200 where !groupGone {
            groupGone = kill(-group, 0) == -1 && errno == ESRCH
            if !groupGone { usleep(10_000) }
        }
        #expect(groupGone)
    }

    @Test func finishKillsWhatIsStillRunningAndLaterEventsStartNothing() throws {
        let reports = Collector()
        let dispatcher = AlertDispatcher(settings: AlertSettings(exec: [["sleep", "20"]]), report: reports.add,
                                         environment: ["PATH=/usr/bin:/bin"], bell: {})
        let clock = ContinuousClock()
        let start = clock.now
        dispatcher.handle(timed(sitting, wall: 1000))
        dispatcher.finish(grace: 0.2)
        #expect(clock.now - start < .seconds(3))
        #expect(reports.lines == ["alert: 'sleep' for sitting.prolonged was still running at exit and was killed"])
        dispatcher.handle(timed(drop, wall: 1001))
        #expect(reports.lines.last == "alert: 'sleep' for pelvic_drop not started: the session is ending")
    }

    @Test func tooManyRunningCommandsAreSkipped() throws {
        let reports = Collector()
        let dispatcher = AlertDispatcher(settings: AlertSettings(exec: [["sleep", "20"]], minInterval: 0), report: reports.add,
                                         environment: ["PATH=/usr/bin:/bin"], bell: {}, maxRunningCommands: 2)
        for i in 0..<3 { dispatcher.handle(timed(sitting, wall: 1000 + Double(i))) }
        #expect(reports.lines == ["alert: 'sleep' for sitting.prolonged skipped: 2 alert commands are still running"])
        dispatcher.finish(grace: 0)
        #expect(dispatcher.statistics.commandsStarted == 2)
        #expect(dispatcher.runningCommands == 0)
    }

    @Test func notifySendGetsPlainArgumentsAndItsAbsenceIsReportedOnce() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path + "/notify"
        _ = try Self.script("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >> '\(out)'\n", named: "notify-send", in: dir)
        let present = AlertDispatcher(settings: AlertSettings(notify: true, types: ["link.connected"]), report: { _ in },
                                      environment: ["PATH=\(dir.path)"], bell: {})
        present.handle(timed(.linkConnected(device: "-x <i>$(id)</i>"), wall: 1000))
        present.finish(grace: 10)
        #expect(Self.read(out) == "--app-name=GluteBridge\n--\nSensor connected\n-x &lt;i&gt;$(id)&lt;/i&gt;\n")

        let empty = try TemporaryDirectory()
        let reports = Collector()
        let absent = AlertDispatcher(settings: AlertSettings(notify: true), report: reports.add, environment: ["PATH=\(empty.path)"], bell: {})
        absent.handle(timed(sitting, wall: 1000))
        absent.handle(timed(drop, wall: 1000))
        absent.finish()
        #expect(reports.lines.count == 1)
        #expect(reports.lines.first?.hasPrefix("alert: notify-send was not found on PATH") == true)
    }

    @Test func aFailingNotifySendIsReportedOnce() throws {
        let dir = try TemporaryDirectory()
        _ = try Self.script("#!/bin/sh\nexit 1\n", named: "notify-send", in: dir)
        let reports = Collector()
        let dispatcher = AlertDispatcher(settings: AlertSettings(notify: true), report: reports.add, environment: ["PATH=\(dir.path)"], bell: {})
        dispatcher.handle(timed(sitting, wall: 1000))
        dispatcher.handle(timed(drop, wall: 1000))
        dispatcher.finish(grace: 10)
        #expect(reports.lines.count == 1)
        #expect(reports.lines.first?.hasSuffix("exited with status 1 (further notification failures are not reported)") == true)
    }
}
