import GluteCore
import GluteLog

/// The summary and body of a desktop notification for an event: short, in words, no field names.
/// Device-provided text is stripped of control characters and of the markup some notification
/// servers interpret.
public enum NotificationText {
    public static func summaryAndBody(for event: Event) -> (summary: String, body: String) {
        func deg(_ v: Double) -> String { EventFormat.number((v * 10).rounded() / 10) + "°" }
        func dur(_ v: Double) -> String { DurationText.format(v) }
        switch event.kind {
        case let .posture(posture, _, _):
            return ("Posture: \(posture.rawValue)", "Now \(posture.rawValue).")
        case let .sittingProlonged(_, duration, limit):
            return ("Time to stand up", "Sitting for \(dur(duration)) (limit \(dur(limit))).")
        case let .sittingBreak(bout, breakLength):
            return ("Sitting break", "Up for \(dur(breakLength)) after sitting \(dur(bout)).")
        case let .tiltAnteriorStart(angle, threshold, delay):
            return ("Pelvis tilted forward", "Anterior tilt \(deg(angle)) for \(dur(delay)) (limit \(deg(threshold))). Tuck the tailbone.")
        case let .tiltAnteriorEnd(peak, _, duration):
            return ("Pelvis back to neutral", "Tilted forward for \(dur(duration)), peak \(deg(peak)).")
        case let .squeeze(_, duration, side, _, _):
            let which = side == .unknown ? "" : " (\(side.rawValue))"
            return ("Glute squeeze", "Held \(EventFormat.number(duration)) s\(which).")
        case let .pelvicDrop(side, angle, _, stance):
            return ("Pelvic drop", "The \(side.rawValue) side dropped \(deg(angle)) while standing on the \(stance.rawValue) leg.")
        case let .exerciseRep(rep, hold, target, short):
            return ("Exercise rep \(rep)", "Held \(EventFormat.number(hold)) s of \(EventFormat.number(target)) s" + (short ? ": too short." : "."))
        case let .exerciseSet(reps, targetReps, shortReps, _):
            return ("Exercise set done", "\(reps) of \(targetReps) reps, \(shortReps) short.")
        case let .linkConnected(device):
            return ("Sensor connected", safe(device))
        case let .linkDisconnected(reason):
            return ("Sensor disconnected", safe(reason))
        case let .linkGap(duration, lostFrames):
            return ("Sensor data gap", "\(EventFormat.number(duration)) s without data, \(lostFrames) frames lost.")
        }
    }

    /// Control characters escaped, and `& < >` replaced by their entities (notification servers
    /// may render a subset of HTML in the body).
    package static func safe(_ text: String) -> String {
        var out = ""
        for c in TerminalText.escaped(text) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }
}
