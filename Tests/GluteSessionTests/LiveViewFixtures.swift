@testable import GluteCore
@testable import GluteSession
import GluteLiveView
import GluteLog
import GluteWire

/// States of the live view for the renderer tests, all at a fixed wall time in UTC.
enum LiveViewFixtures {
    static let wallNow = 1_767_000_000.0 // 2025-12-29 09:20:00 UTC
    static let streamNow = 5_000.0

    static func snapshot(posture: Posture? = nil, postureFor: Double = 0, tilt: Double? = nil,
                         obliquity: Double? = nil, calibrated: Bool = true, tilted: Bool = false,
                         squeezes: Int = 0, setReps: Int = 0, totalReps: Int = 0, sittingBout: Double = 0,
                         imuRate: Double? = 100, pressureRate: Double? = nil) -> PipelineSnapshot {
        PipelineSnapshot(time: streamNow, posture: posture, postureSince: streamNow - postureFor,
                         tilt: tilt, obliquity: obliquity,
                         neutral: calibrated ? NeutralPose(up: Vector3(0, 0, 1)) : nil, tilted: tilted,
                         squeezeCount: squeezes, setReps: setReps, totalReps: totalReps, sittingBout: sittingBout,
                         imuRate: imuRate, pressureRate: pressureRate, cushionLoad: nil)
    }

    static func state(_ snapshot: PipelineSnapshot, link: LinkStatus = .connected(device: "/dev/ttyACM0"),
                      events: [TimedEvent] = [], message: String? = nil, source: String = "/dev/ttyACM0")
        -> LiveViewState {
        var statistics = DecoderStatistics()
        statistics.frames = 12_000
        return LiveViewState(source: source, link: link, snapshot: snapshot, recentEvents: events, statistics: statistics,
                             tiltLimit: 10, sitLimit: 1800, dropLimit: 7, wallNow: wallNow, message: message,
                             utcOffset: 0)
    }

    static var uncalibrated: LiveViewState {
        state(snapshot(calibrated: false), link: .connected(device: "WT901"))
    }

    static var tiltedStanding: LiveViewState {
        var s = state(snapshot(posture: .standing, postureFor: 120, tilt: 18.3, obliquity: -2.1, tilted: true))
        s.tiltSince = wallNow - 62
        return s
    }

    static var sittingNearLimit: LiveViewState {
        var s = state(snapshot(posture: .sitting, postureFor: 1740, tilt: 4.2, obliquity: 0.4, squeezes: 12,
                               setReps: 3, totalReps: 27, sittingBout: 1740))
        s.lastBreak = BreakRecord(start: wallNow - 1740 - 160, end: wallNow - 1740)
        return s
    }

    static var disconnected: LiveViewState {
        state(snapshot(posture: .sitting, postureFor: 300, tilt: 2, obliquity: 1.5, sittingBout: 300),
              link: .disconnected(reason: "read: Input/output error"), message: "reconnecting in 2 s")
    }

    /// `count` events one second apart ending at `wallNow`, cycling through every kind.
    static func events(_ count: Int) -> [TimedEvent] {
        let kinds: [EventKind] = [
            .posture(.standing, since: 0, previous: .sitting),
            .sittingBreak(bout: 1900, breakLength: 60),
            .tiltAnteriorStart(angle: 12.5, threshold: 10, delay: 5),
            .tiltAnteriorEnd(peak: 14, threshold: 10, duration: 40),
            .squeeze(start: 0, duration: 3.2, side: .both, strength: 0.72, source: .cushion),
            .pelvicDrop(side: .left, angle: 8.1, threshold: 7, stance: .right),
            .exerciseRep(rep: 3, hold: 5.1, target: 5, short: false),
            .exerciseSet(reps: 10, targetReps: 10, shortReps: 1, meanHold: 5.2),
            .sittingProlonged(since: 0, duration: 1800, limit: 1800),
            .linkGap(duration: 1.2, lostFrames: 12),
        ]
        return (0..<count).map { i in
            TimedEvent(event: Event(time: streamNow - Double(count - i), kind: kinds[i % kinds.count]),
                       wall: wallNow - Double(count - i))
        }
    }

    static var manyEvents: LiveViewState {
        state(snapshot(posture: .walking, postureFor: 30, tilt: 1, obliquity: 0, sittingBout: 0), events: events(200))
    }

    static var all: [(String, LiveViewState)] {
        [("uncalibrated", uncalibrated), ("tilted", tiltedStanding), ("sitting", sittingNearLimit),
         ("disconnected", disconnected), ("events", manyEvents),
         ("waiting", state(snapshot(calibrated: false, imuRate: nil), link: .connecting)),
         ("cushion", state(snapshot(posture: .sitting, postureFor: 4000, calibrated: false, sittingBout: 4000,
                                    imuRate: nil, pressureRate: 20), link: .ended(reason: "end of file")))]
    }

    /// The text without SGR sequences.
    static func stripped(_ line: String) -> String {
        var out = ""
        var scalars = line.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else { out.unicodeScalars.append(scalar); continue }
            guard scalars.next() == "[" else { continue }
            while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
        }
        return out
    }

    static func visibleColumns(_ line: String) -> Int {
        DisplayWidth.columns(stripped(line))
    }
}
