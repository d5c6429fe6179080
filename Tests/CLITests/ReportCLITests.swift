import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// A simulated desk day (raw native stream), made once for the suite.
private let deskDay: URL? = {
    guard CLI.available else { return nil }
    let file = temporaryDirectory().appendingPathComponent("desk-day.bin")
    guard let result = try? CLI.run(["simulate", "-o", file.path, "--scenario", "desk-day"]), result.status == 0 else { return nil }
    return file
}()

private let chromium = "/usr/bin/chromium"

private func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

/// Renders `page` with headless Chromium into a PNG and returns its size in bytes.
private func screenshot(_ page: URL, to png: URL) throws -> Int {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium)
    process.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--screenshot=\(png.path)",
                         "--window-size=1200,900", "--user-data-dir=\(png.deletingLastPathComponent().appendingPathComponent("profile-\(png.lastPathComponent)").path)",
                         page.absoluteString]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let size = (try FileManager.default.attributesOfItem(atPath: png.path)[.size] as? NSNumber)?.intValue ?? 0
    return size
}

@Suite("glutebridge report", .serialized, .enabled(if: CLI.available, "glutebridge binary not built"))
struct ReportCLITests {
    @Test("a simulated desk day: one bar per sitting bout, totals as replay --summary, 0600, no overwrite")
    func deskDayPage() throws {
        let day = try #require(deskDay, "simulate failed")
        let dir = temporaryDirectory()
        let page = dir.appendingPathComponent("report.html")
        let result = try CLI.run(["report", day.path, "-o", page.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        let mode = (try FileManager.default.attributesOfItem(atPath: page.path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)

        let replay = try CLI.run(["replay", day.path, "--format", "jsonl", "--summary"])
        let summary = try #require(replay.stdoutLines.compactMap(jsonObject).first { $0["type"] as? String == "summary" })
        let bouts = try #require(summary["sitting_bouts"] as? Int)
        #expect(bouts > 0)
        #expect(count("class=\"bout ", in: html) == bouts)
        #expect(html.contains("\(bouts) bout"))
        #expect(count("class=\"tick squeeze\"", in: html) == summary["squeezes"] as? Int)
        #expect(count("class=\"tick rep\"", in: html) == summary["reps"] as? Int)
        #expect(count("class=\"marker prolonged\"", in: html) == summary["prolonged_alerts"] as? Int)
        #expect(count("class=\"marker drop\"", in: html) == summary["pelvic_drops"] as? Int)
        #expect(html.contains("Longest sitting bout: <strong>"))
        #expect(html.contains("id=\"tilt\""))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http"))

        let again = try CLI.run(["report", day.path, "-o", page.path])
        #expect(again.status != 0)
        #expect(try String(contentsOf: page, encoding: .utf8) == html)
    }

    @Test("--svg -o - writes the timeline alone, well-formed")
    func svgToStdout() throws {
        let day = try #require(deskDay, "simulate failed")
        let result = try CLI.run(["report", day.path, "--svg", "-o", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!result.stdout.contains("<html"))
        #if canImport(FoundationXML) || os(macOS)
        let document = try XMLDocument(data: result.stdoutData, options: [])
        #expect(document.rootElement()?.name == "svg")
        #endif
    }

    @Test("an event log gives the same bouts as the recording, on local clock time")
    func eventLog() throws {
        let day = try #require(deskDay, "simulate failed")
        let dir = temporaryDirectory()
        let log = dir.appendingPathComponent("events.jsonl")
        _ = try CLI.run(["replay", day.path, "--format", "jsonl", "--output", log.path])
        let fromLog = try CLI.run(["report", log.path, "-o", "-"])
        let fromRecording = try CLI.run(["report", day.path, "-o", "-"])
        #expect(fromLog.status == 0, "\(fromLog.stderr)")
        #expect(count("class=\"bout ", in: fromLog.stdout) == count("class=\"bout ", in: fromRecording.stdout))
        #expect(count("class=\"bout ", in: fromLog.stdout) > 0)
        #expect(fromLog.stdout.contains("local time"))
        #expect(fromRecording.stdout.contains("stream time"))
        // The log given twice is the same session twice: counted once, and said so (issue 12).
        let both = try CLI.run(["report", log.path, log.path, "-o", "-"])
        #expect(both.status == 0, "\(both.stderr)")
        #expect(both.stdout == fromLog.stdout)
        #expect(both.stderr.contains("covers the same wall-clock time as"), "\(both.stderr)")
        #expect(both.stderr.contains("counted once"))
        #expect(!fromLog.stderr.contains("same wall-clock time"))
    }

    @Test("a capture recorded by the tool and the event log of replaying it: one session, counted once")
    func captureAndItsLog() throws {
        let dir = temporaryDirectory()
        let capture = dir.appendingPathComponent("demo.gbcap"), log = dir.appendingPathComponent("demo.jsonl")
        let recorded = try CLI.run(["record", "sim:desk-day", "--speed", "60", "--duration", "1m", "-o", capture.path, "--format", "jsonl"])
        try #require(recorded.status == 0, "\(recorded.stderr)")
        let replayed = try CLI.run(["replay", capture.path, "--format", "jsonl", "--output", log.path])
        try #require(replayed.status == 0, "\(replayed.stderr)")
        let alone = try CLI.run(["report", capture.path, "-o", "-"])
        #expect(count("class=\"bout ", in: alone.stdout) > 0)
        #expect(count("class=\"marker prolonged\"", in: alone.stdout) > 0)
        // Either order: the capture is kept (it has the tilt), the log left out with one line.
        for files in [[capture.path, log.path], [log.path, capture.path]] {
            let both = try CLI.run(["report"] + files + ["-o", "-"])
            #expect(both.status == 0, "\(both.stderr)")
            #expect(both.stdout == alone.stdout)
            #expect(both.stderr == "report: \(log.path) covers the same wall-clock time as \(capture.path) (the same session twice?): counted once, from \(capture.path)\n")
        }
    }

    /// What `report` does with each option it offers (issue 12: its help offered the alert options
    /// of monitor, which a report never fires).
    static let honoured: [String: String] = [
        "--week": "the week page", "--to": "the week's last day", "--daily-limit": "the week's limit line",
        "--output": "where the page goes", "--svg": "the timeline alone", "--protocol": "decoder of plain recordings",
        "--columns": "columns of a header-less CSV", "--tilt-limit": "detection and the tilt plot's limit",
        "--tilt-delay": "detection", "--sit-limit": "detection", "--break-min": "detection", "--repeat": "detection",
        "--squeeze-min": "detection", "--drop-limit": "detection", "--neutral": "calibration", "--profile": "calibration",
        "--mount": "calibration", "--jobs": "recordings replayed at once", "--config": "detection settings from a file", "--version": "ArgumentParser", "--help": "ArgumentParser",
    ]

    @Test("report --help offers only options report honours; the alert options are refused")
    func helpOffersOnlyHonouredOptions() throws {
        let help = try CLI.run(["report", "--help"])
        #expect(help.status == 0)
        let offered = Set(HelpTextCLITests.optionEntries(help.stdout).compactMap { entry in
            entry.split(whereSeparator: { $0 == " " || $0 == "," }).first { $0.hasPrefix("--") }.map(String.init)
        })
        #expect(offered == Set(Self.honoured.keys), "offered but not honoured: \(offered.subtracting(Self.honoured.keys).sorted())")
        let day = try #require(deskDay, "simulate failed")
        for alertOption in [["--bell"], ["--notify"], ["--exec", "true"], ["--alert-on", "all"], ["--alert-interval", "5m"], ["--quiet-hours", "22:00-07:00"]] {
            let result = try CLI.run(["report", day.path, "-o", "-"] + alertOption)
            #expect(result.status == 64, "\(alertOption): \(result.status)")
            #expect(result.stderr.contains("Unknown option '\(alertOption[0])'"), "\(result.stderr)")
        }
        // Detection options change what a replayed recording shows ...
        let standard = try CLI.run(["report", day.path, "--svg", "-o", "-"])
        let shortLimit = try CLI.run(["report", day.path, "--svg", "-o", "-", "--sit-limit", "5m"])
        #expect(count("class=\"marker prolonged\"", in: shortLimit.stdout) > count("class=\"marker prolonged\"", in: standard.stdout))
        // ... and are refused where nothing is replayed.
        let week = try CLI.run(["report", "--week", temporaryDirectory().path, "--tilt-limit", "12", "-o", "-"])
        #expect(week.status == 64)
        #expect(week.stderr.contains("--week reads event logs as they were written"), "\(week.stderr)")
    }

    @Test("headless Chromium renders a page that is not blank",
          .enabled(if: FileManager.default.isExecutableFile(atPath: chromium), "chromium not installed at /usr/bin/chromium"))
    func chromiumScreenshot() throws {
        let day = try #require(deskDay, "simulate failed")
        let dir = temporaryDirectory()
        let page = dir.appendingPathComponent("report.html")
        #expect(try CLI.run(["report", day.path, "-o", page.path]).status == 0)
        let blank = dir.appendingPathComponent("blank.html")
        try "<!DOCTYPE html><html><body style=\"background:#fff\"></body></html>".write(to: blank, atomically: true, encoding: .utf8)
        let reportSize = try screenshot(page, to: dir.appendingPathComponent("report.png"))
        let blankSize = try screenshot(blank, to: dir.appendingPathComponent("blank.png"))
        print("report screenshot \(reportSize) bytes, blank page \(blankSize) bytes")
        #expect(reportSize > 10_000)
        #expect(blankSize > 0)
        #expect(Double(reportSize) > 1.5 * Double(blankSize))
        if let keep = ProcessInfo.processInfo.environment["GLUTEBRIDGE_REPORT_PNG"] {
            try? FileManager.default.copyItem(at: dir.appendingPathComponent("report.png"), to: URL(fileURLWithPath: keep))
        }
    }
}
