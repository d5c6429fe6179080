import GluteCore
import GluteLog

/// An event as one short phrase for people, with the tone it deserves: alerts in the caution
/// colour, good habits (breaks, squeezes, reps) in green, routine news plain.
///
/// Strings that come from the device or the system (device names, disconnect reasons) pass
/// through `TerminalText.escaped`, so a device cannot send escape sequences to the terminal.
package enum EventSummary {
    package static func line(_ event: Event, glyphs: Glyphs) -> StyledLine {
        let (text, tone) = phrase(event.kind, glyphs: glyphs)
        return StyledLine([Span(text, tone)])
    }

    package static func phrase(_ kind: EventKind, glyphs: Glyphs) -> (String, Tone) {
        let deg = { (v: Double) in NumberText.fixed(v, decimals: 1) + glyphs.degree }
        let time = ClockText.duration
        switch kind {
        case let .posture(posture, _, previous):
            let was = previous.map { " (was \($0.rawValue))" } ?? ""
            return ("Now \(posture.rawValue)\(was)", .normal)
        case let .sittingProlonged(_, duration, _):
            return ("\(glyphs.warning) Sitting for \(time(duration)): time to stand up", .caution)
        case let .sittingBreak(bout, breakLength):
            return ("Break after \(time(bout)) of sitting (up \(time(breakLength)) so far)", .good)
        case let .tiltAnteriorStart(angle, threshold, _):
            return ("\(glyphs.warning) Pelvis tilted forward \(deg(angle)) (limit \(NumberText.limitDegrees(threshold, glyphs: glyphs)))", .caution)
        case let .tiltAnteriorEnd(peak, _, duration):
            return ("Tilt back to neutral after \(time(duration)), peak \(deg(peak))", .normal)
        case let .squeeze(_, duration, side, strength, _):
            let where_ = side == .unknown ? "" : (side == .both ? ", both sides" : ", \(side.rawValue)")
            let percent = NumberText.fixed(min(max(strength, 0), 1) * 100, decimals: 0)
            return ("Squeeze held \(NumberText.fixed(duration, decimals: 1))s\(where_), strength \(percent)%", .good)
        case let .pelvicDrop(side, angle, _, stance):
            return ("\(glyphs.warning) Pelvis dropped \(side.rawValue) \(deg(angle)) standing on \(stance.rawValue) leg", .caution)
        case let .exerciseRep(rep, hold, target, short):
            let verdict = short ? " (short)" : ""
            return ("Rep \(rep): held \(NumberText.fixed(hold, decimals: 1))s of \(NumberText.fixed(target, decimals: 0))s\(verdict)",
                    short ? .caution : .good)
        case let .exerciseSet(reps, targetReps, shortReps, meanHold):
            let shortText = shortReps > 0 ? ", \(shortReps) short" : ""
            return ("Set done: \(reps)/\(targetReps) reps\(shortText), mean hold \(NumberText.fixed(meanHold, decimals: 1))s", .good)
        case let .linkConnected(device):
            return ("Connected to \(TerminalText.escaped(device))", .normal)
        case let .linkDisconnected(reason):
            return ("Link lost: \(TerminalText.escaped(reason))", .alert)
        case let .linkGap(duration, lostFrames):
            let frames = lostFrames > 0 ? ", \(lostFrames) frames lost" : ""
            return ("Gap of \(NumberText.fixed(duration, decimals: 1))s in the data\(frames)", .dim)
        }
    }
}
