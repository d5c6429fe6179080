import Foundation
import Testing

@Suite("a device that goes away and comes back", .enabled(if: CLI.available, "build the binary first: swift build"))
struct ReconnectCLITests {
    /// A stable device path (a symlink, as udev's /dev/glutebridge-* links are) to a virtual sensor
    /// that is unplugged (its process ends) and plugged back (a new one, the link repointed):
    /// monitor reports the loss, reopens the path with backoff, and reports the gap.
    @Test func monitorReconnectsAndReportsTheGap() throws {
        let dir = temporaryDirectory()
        let link = dir.appendingPathComponent("ttyGB0").path
        let (first, firstOut) = try CLI.start(["simulate", "--pty", "--scenario", "standing", "--speed", "5"])
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: readLine(from: firstOut))

        let (monitor, events) = try CLI.start(["monitor", link, "--format", "jsonl", "--duration", "30s"])
        defer { monitor.terminate(); monitor.waitUntilExit() }
        func next(_ type: String) -> [String: Any]? {
            for _ in 0..<200 {
                let line = readLine(from: events)
                guard !line.isEmpty else { return nil }
                if let object = jsonObject(line), object["type"] as? String == type { return object }
            }
            return nil
        }
        #expect(next("link.connected") != nil)
        #expect(next("posture") != nil)  // data flows

        first.terminate()
        first.waitUntilExit()
        let lost = next("link.disconnected")
        #expect(lost != nil)

        let (second, secondOut) = try CLI.start(["simulate", "--pty", "--scenario", "standing", "--speed", "5"])
        defer { second.terminate(); second.waitUntilExit() }
        let newPath = readLine(from: secondOut)
        try FileManager.default.removeItem(atPath: link)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: newPath)

        let again = try #require(next("link.connected"))
        #expect((again["device"] as? String) == link)
        let gap = try #require(next("link.gap"))
        let seconds = try #require(gap["duration_s"] as? Double)
        #expect(seconds > 0 && seconds < 20)
    }

    /// The pty's own path, /dev/pts/N, with no link: when the simulator ends, that pty is gone for
    /// good and the kernel gives N to the next terminal opened, so monitor must end rather than
    /// reopen the path (it could read someone else's terminal). It ends by itself, long before
    /// its --duration, having connected once.
    @Test func aPtyPathGivenDirectlyIsNotReopenedAfterItsSimulatorEnds() throws {
        let (simulator, simulatorOut) = try CLI.start(["simulate", "--pty", "--scenario", "standing", "--speed", "5"])
        defer { if simulator.isRunning { simulator.terminate(); simulator.waitUntilExit() } }
        let path = readLine(from: simulatorOut)
        #expect(path.hasPrefix("/dev/pts/"))

        let (monitor, output) = try CLI.start(["monitor", path, "--format", "pretty", "--duration", "60s"])
        defer { if monitor.isRunning { monitor.terminate(); monitor.waitUntilExit() } }
        let first = readLine(from: output)
        #expect(first.contains("link.connected"))
        simulator.terminate()
        simulator.waitUntilExit()

        let deadline = Date().addingTimeInterval(20)
        while monitor.isRunning && Date() < deadline { usleep(50_000) }
        let endedByItself = !monitor.isRunning
        if !endedByItself { monitor.terminate() }
        monitor.waitUntilExit()
        let rest = String(decoding: output.readDataToEndOfFile(), as: UTF8.self)
        #expect(endedByItself, "still running 20 s after its pty closed: \(rest.suffix(300))")
        #expect(monitor.terminationStatus == 0)
        #expect(rest.contains("\(path) closed; a pseudo-terminal is not reopened"))
        #expect(!rest.contains("link.connected"))
    }
}
