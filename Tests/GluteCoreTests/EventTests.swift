import GluteCore
import Testing

@Suite struct EventTests {
    @Test func typesAndFieldOrder() {
        let posture = Event(time: 12, kind: .posture(.sitting, since: 2, previous: .standing))
        #expect(posture.type == "posture")
        #expect(posture.fields.map(\.0) == ["posture", "since", "previous"])
        #expect(posture.fields[0].1 == .string("sitting"))
        let first = Event(time: 1, kind: .posture(.standing, since: 0, previous: nil))
        #expect(first.fields.map(\.0) == ["posture", "since"])

        let squeeze = Event(time: 9, kind: .squeeze(start: 4, duration: 5, side: .left, strength: 0.5, source: .cushion))
        #expect(squeeze.type == "squeeze")
        #expect(squeeze.fields.map(\.0) == ["start", "duration_s", "side", "strength", "source"])
        #expect(squeeze.fields[4].1 == .string("cushion"))

        let expected: [(EventKind, String, [String])] = [
            (.sittingProlonged(since: 0, duration: 1800, limit: 1800), "sitting.prolonged", ["since", "duration_s", "limit_s"]),
            (.sittingBreak(bout: 100, breakLength: 60), "sitting.break", ["bout_s", "break_s"]),
            (.tiltAnteriorStart(angle: 12, threshold: 10, delay: 5), "tilt.anterior.start", ["angle", "threshold", "delay_s"]),
            (.tiltAnteriorEnd(peak: 14, threshold: 10, duration: 8), "tilt.anterior.end", ["peak", "threshold", "duration_s"]),
            (.pelvicDrop(side: .left, angle: 9, threshold: 7, stance: .right), "pelvic_drop", ["side", "angle", "threshold", "stance"]),
            (.exerciseRep(rep: 1, hold: 5, target: 5, short: false), "exercise.rep", ["rep", "hold_s", "target_s", "short"]),
            (.exerciseSet(reps: 10, targetReps: 10, shortReps: 1, meanHold: 5), "exercise.set", ["reps", "target_reps", "short_reps", "mean_hold_s"]),
            (.linkConnected(device: "ttyACM0"), "link.connected", ["device"]),
            (.linkDisconnected(reason: "EOF"), "link.disconnected", ["reason"]),
            (.linkGap(duration: 0.5, lostFrames: 25), "link.gap", ["duration_s", "lost_frames"]),
        ]
        for (kind, type, names) in expected {
            let event = Event(time: 0, kind: kind)
            #expect(event.type == type)
            #expect(event.fields.map(\.0) == names)
        }
        #expect(Event(time: 0, kind: .linkGap(duration: 0.5, lostFrames: 25)).fields[1].1 == .integer(25))
        #expect(Event(time: 0, kind: .exerciseRep(rep: 1, hold: 3, target: 5, short: true)).fields[3].1 == .bool(true))
    }
}
