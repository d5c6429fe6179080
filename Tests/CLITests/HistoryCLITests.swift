import Foundation
import Testing

private let chromium = "/usr/bin/chromium"

/// A simulated desk day replayed into daily logs, with the `replay --summary` of the same run. The
/// zone (TZ) is chosen so that the 45 minutes of the day do not cross local midnight.
private let deskDayLogs: (dir: URL, summary: String, date: String, tz: String)? = {
    guard CLI.available else { return nil }
    let dir = temporaryDirectory()
    let raw = dir.appendingPathComponent("desk-day.bin")
    guard (try? CLI.run(["simulate", "-o", raw.path, "--scenario", "desk-day"]))?.status == 0 else { return nil }
    let hour = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date()).hour ?? 12
    let tz = (1...21).contains(hour) ? "UTC0" : "XXX-6"
    let logs = dir.appendingPathComponent("logs")
    try? FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
    guard let replay = try? CLI.run(["replay", raw.path, "--format", "jsonl", "--summary", "--output-dir", logs.path], environment: ["TZ": tz]),
          replay.status == 0, let summary = replay.stdoutLines.first(where: { $0.hasPrefix("{\"type\":\"summary\"") }),
          let names = try? FileManager.default.contentsOfDirectory(atPath: logs.path), names.count == 1,
          let date = names.first?.dropFirst("events-".count).prefix(10) else { return nil }
    return (logs, summary, String(date), tz)
}()

private func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

@Suite("glutebridge history and report --week", .serialized, .enabled(if: CLI.available, "glutebridge binary not built"))
struct HistoryCLITests {
    @Test("one day: history --json, the week report, the day report and replay --summary give the same figures")
    func sameFiguresEverywhere() throws {
        let logs = try #require(deskDayLogs, "simulate or replay --output-dir failed")
        let file = logs.dir.appendingPathComponent("events-\(logs.date).jsonl")
        let mode = (try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)

        let history = try CLI.run(["history", logs.dir.path, "--json", "--to", logs.date, "--days", "1"], environment: ["TZ": logs.tz])
        #expect(history.status == 0, "\(history.stderr)")
        let day = try #require(history.stdoutLines.compactMap(jsonObject).first)
        let s = try #require(jsonObject(logs.summary))
        #expect(day["date"] as? String == logs.date)
        for (mine, theirs) in [("sitting_s", "sitting_s"), ("bouts", "sitting_bouts"), ("longest_bout_s", "longest_bout_s"), ("breaks", "breaks"),
                               ("prolonged_alerts", "prolonged_alerts"), ("tilt_s", "tilt_s"), ("squeezes", "squeezes"), ("exercise_sets", "sets")] {
            #expect((day[mine] as? NSNumber)?.doubleValue == (s[theirs] as? NSNumber)?.doubleValue, "\(mine)")
        }
        #expect(((day["worn_s"] as? NSNumber)?.doubleValue ?? 0) > 2000)

        let week = logs.dir.deletingLastPathComponent().appendingPathComponent("week.html")
        #expect(try CLI.run(["report", "--week", logs.dir.path, "-o", week.path], environment: ["TZ": logs.tz]).status == 0)
        let html = try String(contentsOf: week, encoding: .utf8)
        let bouts = try #require(s["sitting_bouts"] as? Int)
        #expect(html.contains("<tr data-key=\"sitting\"><td>Sitting</td><td class=\"value\">") && html.contains(" in \(bouts) bouts</td>"))
        #expect(html.contains("<tr data-key=\"squeezes\"><td>Squeezes</td><td class=\"value\">\(s["squeezes"] as! Int)</td>"))
        #expect(html.contains("<tr data-key=\"alerts\"><td>Prolonged-sitting alerts</td><td class=\"value\">\(s["prolonged_alerts"] as! Int)</td>"))
        #expect(html.contains("<tr data-key=\"breaks\"><td>Breaks</td><td class=\"value\">\(s["breaks"] as! Int)</td>"))
        #expect(html.contains("<tr data-key=\"sets\"><td>Exercise sets</td><td class=\"value\">\(s["sets"] as! Int)</td>"))
        #expect(html.contains(">\(s["squeezes"] as! Int) squeezes</text>"))

        let dayPage = try CLI.run(["report", file.path, "-o", "-"], environment: ["TZ": logs.tz])
        #expect(count("class=\"bout ", in: dayPage.stdout) == bouts)
        #expect(count("class=\"tick squeeze\"", in: dayPage.stdout) == s["squeezes"] as? Int)
        #expect(count("class=\"marker prolonged\"", in: dayPage.stdout) == s["prolonged_alerts"] as? Int)
    }

    @Test("the week page: seven days, each bar linking to its section, days without data said so, the limit line, no script")
    func weekPage() throws {
        let logs = try #require(deskDayLogs, "simulate or replay --output-dir failed")
        let html = try CLI.run(["report", "--week", logs.dir.path, "-o", "-", "--daily-limit", "30m"], environment: ["TZ": logs.tz]).stdout
        #expect(count("<section id=\"day-", in: html) == 7)
        #expect(count("<a href=\"#day-", in: html) == 7)
        #expect(html.contains("<a href=\"#day-\(logs.date)\"") && html.contains("<section id=\"day-\(logs.date)\">"))
        #expect(count("No data: no event log covers this day.", in: html) == 6)
        #expect(html.contains("class=\"limit\"") && html.contains("daily limit (dashed line): 30m"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http"))
    }

    @Test("monitor --output-dir writes the day's file, 0600, from its session line to its session.end")
    func monitorWritesDailyFile() throws {
        let dir = temporaryDirectory()
        let result = try CLI.run(["monitor", "sim:desk-day", "--speed", "200", "--duration", "3s", "--format", "jsonl", "--output-dir", dir.path],
                                 environment: ["TZ": "UTC0"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("events-") }
        #expect((1...2).contains(names.count))
        let first = try #require(names.sorted().first)
        let lines = try String(contentsOf: dir.appendingPathComponent(first), encoding: .utf8).split(separator: "\n")
        #expect(lines.first?.hasPrefix("{\"schema\":1,\"type\":\"session\"") == true)
        let last = try #require(names.sorted().last)
        #expect(try String(contentsOf: dir.appendingPathComponent(last), encoding: .utf8).split(separator: "\n").last?.contains("\"type\":\"session.end\"") == true)
        let mode = (try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(first).path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
    }

    @Test("bad input: one line, non-zero exit, no trap")
    func badInput() throws {
        let dir = temporaryDirectory()
        for arguments in [["history", dir.path, "--days", "0"], ["history", dir.path, "--days", "1e300"], ["history", dir.path, "--from", "2026-02-30"],
                          ["history", dir.path, "--from", "2026-03-05", "--to", "2026-03-01"], ["history", "/nonexistent/glutebridge"],
                          ["report", "--week", dir.path, "--to", "tuesday", "-o", "-"], ["monitor", "sim", "--output-dir", "/nonexistent/dir"]] {
            let result = try CLI.run(arguments)
            #expect(result.status != 0 && result.status < 128, "\(arguments)")
            #expect(!result.stderr.isEmpty && !result.stderr.contains("Fatal error"), "\(arguments): \(result.stderr)")
        }
    }

    @Test("a new user's first history: no logs yet, a mistyped path, an empty directory, each said plainly")
    func firstRunMessages() throws {
        let dir = temporaryDirectory()
        let state = dir.appendingPathComponent("state")
        let first = try CLI.run(["history"], environment: ["XDG_STATE_HOME": state.path])
        #expect(first.status == 1)
        #expect(first.stderr == "Error: no daily logs yet: \(state.path)/glutebridge does not exist (`monitor --output-dir \(state.path)/glutebridge`"
            + " or the systemd unit writes them; or name log files or directories)\n")
        let typo = try CLI.run(["history", dir.appendingPathComponent("logz").path])
        #expect(typo.status == 1)
        #expect(typo.stderr == "Error: \(dir.appendingPathComponent("logz").path): no such file or directory\n")
        let empty = try CLI.run(["history", dir.path, "--days", "1"])
        #expect(empty.status == 0)
        #expect(empty.stderr == "glutebridge: \(dir.path): no event logs (*.jsonl) in this directory\n")
    }

    @Test("a corrupted line in a day's file: a warning with file and line, the day still counted")
    func corruptedLine() throws {
        let dir = temporaryDirectory()
        let text = """
            {"schema":1,"type":"session","t":0,"time":"2026-03-02T08:00:00.000Z","source":"sim","tool":"test"}
            {"type":"posture","t":5,"time":"2026-03-02T08:00:05.000Z","posture":"sitting","since":0}
            {"type":"squeeze","t":60,"ti
            {"type":"posture","t":605,"time":"2026-03-02T08:10:05.000Z","posture":"standing","since":600,"previous":"sitting"}

            """
        let file = dir.appendingPathComponent("events-2026-03-02.jsonl")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["history", dir.path, "--json", "--days", "1"], environment: ["TZ": "UTC0"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(file.path):3: not a JSON object, skipped"))
        #expect(result.stdout == "{\"date\":\"2026-03-02\",\"worn_s\":605,\"sitting_s\":600,\"bouts\":1,\"longest_bout_s\":600,\"breaks\":0,"
                + "\"prolonged_alerts\":0,\"tilt_s\":0,\"squeezes\":0,\"exercise_sets\":0}\n")
    }

    @Test("headless Chromium renders the week page, not blank",
          .enabled(if: FileManager.default.isExecutableFile(atPath: chromium), "chromium not installed at /usr/bin/chromium"))
    func chromiumScreenshot() throws {
        let logs = try #require(deskDayLogs, "simulate or replay --output-dir failed")
        let dir = temporaryDirectory()
        let page = dir.appendingPathComponent("week.html")
        #expect(try CLI.run(["report", "--week", logs.dir.path, "-o", page.path], environment: ["TZ": logs.tz]).status == 0)
        let png = dir.appendingPathComponent("week.png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--screenshot=\(png.path)",
                             "--window-size=1200,900", "--user-data-dir=\(dir.appendingPathComponent("profile").path)", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let size = (try FileManager.default.attributesOfItem(atPath: png.path)[.size] as? NSNumber)?.intValue ?? 0
        print("week report screenshot \(size) bytes")
        #expect(size > 10_000)
        if let keep = ProcessInfo.processInfo.environment["GLUTEBRIDGE_WEEK_PNG"] {
            try? FileManager.default.copyItem(at: png, to: URL(fileURLWithPath: keep))
        }
    }
}
