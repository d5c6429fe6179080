import Foundation
import GluteAlerts
import GluteCore
import GluteLog
import Synchronization
import Testing
@testable import GluteSession

/// Lines or counts collected from other threads.
final class Collector: Sendable {
    private let storage = Mutex<[String]>([])
    func add(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}

func timed(_ kind: EventKind, wall: Double, t: Double = 42.5) -> TimedEvent {
    TimedEvent(event: Event(time: t, kind: kind), wall: wall)
}

let sitting = EventKind.sittingProlonged(since: 100, duration: 1800, limit: 1800)
let drop = EventKind.pelvicDrop(side: .left, angle: 8.2, threshold: 7, stance: .right)
let squeeze = EventKind.squeeze(start: 40, duration: 3, side: .both, strength: 0.6, source: .cushion)

/// Minutes after midnight as if local time were UTC, so tests do not depend on TZ.
let utcMinuteOfDay: @Sendable (Double) -> Int = { wall in
    let minutes = Int((wall / 60).rounded(.down)) % 1440
    return minutes < 0 ? minutes + 1440 : minutes
}

@Suite("alert decisions")
struct AlertDispatcherTests {
    @Test func rateLimitIsPerTypeByWallTime() {
        let bells = Collector()
        let reports = Collector()
        let dispatcher = AlertDispatcher(settings: AlertSettings(bell: true, types: ["sitting.prolonged", "pelvic_drop"], minInterval: 60),
                                         report: reports.add, environment: [], bell: { bells.add("BEL") },
                                         localMinuteOfDay: utcMinuteOfDay)
        let verdicts = [
            dispatcher.handle(timed(sitting, wall: 1000)),
            dispatcher.handle(timed(sitting, wall: 1030)),
            dispatcher.handle(timed(drop, wall: 1031)),
            dispatcher.handle(timed(sitting, wall: 1059.9)),
            dispatcher.handle(timed(sitting, wall: 1060)),
            dispatcher.handle(timed(squeeze, wall: 1061)),
            dispatcher.handle(timed(drop, wall: 1090)),
            dispatcher.handle(timed(drop, wall: 1091)),
            // A wall clock that stepped back starts over rather than muting the type.
            dispatcher.handle(timed(sitting, wall: 900)),
        ]
        #expect(verdicts == [.deliver, .rateLimited, .deliver, .rateLimited, .deliver, .notSelected, .rateLimited, .deliver, .deliver])
        #expect(bells.lines.count == 5)
        var expected = AlertStatistics()
        expected.delivered = 5
        expected.rateLimited = 3
        expected.notSelected = 1
        #expect(dispatcher.statistics == expected)
        #expect(reports.lines.isEmpty)
    }

    @Test func zeroIntervalDeliversEveryEvent() {
        let dispatcher = AlertDispatcher(settings: AlertSettings(minInterval: 0), report: { _ in }, environment: [], bell: {})
        let verdicts = (0..<5).map { dispatcher.handle(timed(sitting, wall: 1000 + Double($0) * 0.001)) }
        #expect(verdicts == Array(repeating: .deliver, count: 5))
    }

    @Test func quietHoursWrapPastMidnightAndDoNotSpendTheRateLimit() throws {
        let quiet = try QuietHours(parsing: "22:00-07:00")
        let bells = Collector()
        let dispatcher = AlertDispatcher(settings: AlertSettings(bell: true), quietHours: quiet, report: { _ in },
                                         environment: [], bell: { bells.add("BEL") }, localMinuteOfDay: utcMinuteOfDay)
        let day = 1_795_000_000.0 - 1_795_000_000.0.truncatingRemainder(dividingBy: 86400)
        func at(_ h: Int, _ m: Int, _ s: Double = 0) -> Double { day + Double(h * 3600 + m * 60) + s }
        #expect(dispatcher.handle(timed(sitting, wall: at(21, 59, 59))) == .deliver)
        #expect(dispatcher.handle(timed(drop, wall: at(22, 0))) == .quietHours)
        #expect(dispatcher.handle(timed(drop, wall: at(23, 59))) == .quietHours)
        #expect(dispatcher.handle(timed(drop, wall: at(24, 0, 30))) == .quietHours)
        #expect(dispatcher.handle(timed(drop, wall: at(24 + 6, 59, 30))) == .quietHours)
        #expect(dispatcher.handle(timed(drop, wall: at(24 + 7, 0))) == .deliver, "30 s after a quiet one, but that one did not alert")
        #expect(dispatcher.handle(timed(sitting, wall: at(24 + 12, 0))) == .deliver)
        #expect(bells.lines.count == 3)
        #expect(dispatcher.statistics.quiet == 4)
    }

    @Test(arguments: [
        ("22:00-07:00", [(1320, true), (1439, true), (0, true), (419, true), (420, false), (720, false), (1319, false)]),
        ("12:30-13:00", [(750, true), (779, true), (780, false), (749, false), (0, false)]),
        ("00:00-24:00", [(0, false)]),
        ("23:00-24:00", [(1380, true), (1439, true), (0, false)]),
    ])
    func quietHoursContainment(_ text: String, _ cases: [(Int, Bool)]) throws {
        // "00:00-24:00" is rejected: a start equal to the end says nothing about which day is meant.
        guard let quiet = try? QuietHours(parsing: text) else {
            #expect(text == "00:00-24:00")
            return
        }
        #expect(quiet.description == text.replacingOccurrences(of: "24:00", with: "00:00"))
        for (minute, inside) in cases {
            #expect(quiet.contains(minuteOfDay: minute) == inside, "\(text) at minute \(minute)")
        }
    }

    @Test func localTimeOfDayAgreesWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        for wall in [0.0, 1_795_000_000, 1_711_846_800, 1_730_000_000.75, 1_700_000_059.9] {
            let parts = calendar.dateComponents([.hour, .minute], from: Date(timeIntervalSince1970: wall))
            #expect(QuietHours.localMinuteOfDay(wall) == parts.hour! * 60 + parts.minute!)
        }
    }

    @Test func notificationTextIsPlainAndSafe() {
        let tilt = NotificationText.summaryAndBody(for: Event(time: 1, kind: .tiltAnteriorStart(angle: 14.26, threshold: 10, delay: 5)))
        #expect(tilt.summary == "Pelvis tilted forward")
        #expect(tilt.body.contains("14.3°") && tilt.body.contains("5s") && tilt.body.contains("10°"))
        let sit = NotificationText.summaryAndBody(for: Event(time: 1, kind: sitting))
        #expect(sit.body == "Sitting for 30m00s (limit 30m00s).")
        let link = NotificationText.summaryAndBody(for: Event(time: 1, kind: .linkConnected(device: "<b>IMU</b> & \u{1B}[2J")))
        #expect(link.body == "&lt;b&gt;IMU&lt;/b&gt; &amp; \\x1b[2J")
    }

    @Test func environmentNamesAndValues() {
        let event = timed(.exerciseRep(rep: 3, hold: 4.25, target: 5, short: true), wall: 1_795_000_000.5, t: 61.0004)
        let variables = EventEnvironment.variables(for: event)
        #expect(variables.map(\.name) == ["GLUTEBRIDGE_EVENT", "GLUTEBRIDGE_T", "GLUTEBRIDGE_TIME", "GLUTEBRIDGE_REP",
                                          "GLUTEBRIDGE_HOLD_S", "GLUTEBRIDGE_TARGET_S", "GLUTEBRIDGE_SHORT"])
        #expect(variables.map(\.value) == ["exercise.rep", "61", WallClockText.iso8601(1_795_000_000.5), "3", "4.25", "5", "true"])
        #expect(EventEnvironment.variableName(field: "a.b-c") == "GLUTEBRIDGE_A_B_C")
        let merged = EventEnvironment.environment(for: event, inherited: ["PATH=/bin", "GLUTEBRIDGE_REP=99", "GLUTEBRIDGE_OLD=1"])
        #expect(merged.first == "PATH=/bin")
        #expect(!merged.contains("GLUTEBRIDGE_OLD=1") && !merged.contains("GLUTEBRIDGE_REP=99"))
        #expect(merged.contains("GLUTEBRIDGE_REP=3"))
    }
}
