/// One detected event at stream time `time` (seconds, from sample timestamps).
///
/// `type` and `fields` give a generic, stable view for encoders: the dotted type name and the
/// fields in a fixed order, with the names the README documents.
public struct Event: Sendable, Equatable {
    public var time: Double
    public var kind: EventKind

    public init(time: Double, kind: EventKind) {
        self.time = time
        self.kind = kind
    }

    /// The dotted type name, e.g. `tilt.anterior.start`.
    public var type: String {
        switch kind {
        case .posture: return "posture"
        case .sittingProlonged: return "sitting.prolonged"
        case .sittingBreak: return "sitting.break"
        case .tiltAnteriorStart: return "tilt.anterior.start"
        case .tiltAnteriorEnd: return "tilt.anterior.end"
        case .squeeze: return "squeeze"
        case .pelvicDrop: return "pelvic_drop"
        case .exerciseRep: return "exercise.rep"
        case .exerciseSet: return "exercise.set"
        case .linkConnected: return "link.connected"
        case .linkDisconnected: return "link.disconnected"
        case .linkGap: return "link.gap"
        }
    }

    /// The event's fields in a stable order (not including `type` and `t`).
    public var fields: [(String, EventValue)] {
        switch kind {
        case let .posture(posture, since, previous):
            var fields: [(String, EventValue)] = [("posture", .string(posture.rawValue)), ("since", .number(since))]
            if let previous { fields.append(("previous", .string(previous.rawValue))) }
            return fields
        case let .sittingProlonged(since, duration, limit):
            return [("since", .number(since)), ("duration_s", .number(duration)), ("limit_s", .number(limit))]
        case let .sittingBreak(bout, breakLength):
            return [("bout_s", .number(bout)), ("break_s", .number(breakLength))]
        case let .tiltAnteriorStart(angle, threshold, delay):
            return [("angle", .number(angle)), ("threshold", .number(threshold)), ("delay_s", .number(delay))]
        case let .tiltAnteriorEnd(peak, threshold, duration):
            return [("peak", .number(peak)), ("threshold", .number(threshold)), ("duration_s", .number(duration))]
        case let .squeeze(start, duration, side, strength, source):
            return [("start", .number(start)), ("duration_s", .number(duration)), ("side", .string(side.rawValue)),
                    ("strength", .number(strength)), ("source", .string(source.rawValue))]
        case let .pelvicDrop(side, angle, threshold, stance):
            return [("side", .string(side.rawValue)), ("angle", .number(angle)), ("threshold", .number(threshold)),
                    ("stance", .string(stance.rawValue))]
        case let .exerciseRep(rep, hold, target, short):
            return [("rep", .integer(rep)), ("hold_s", .number(hold)), ("target_s", .number(target)), ("short", .bool(short))]
        case let .exerciseSet(reps, targetReps, shortReps, meanHold):
            return [("reps", .integer(reps)), ("target_reps", .integer(targetReps)), ("short_reps", .integer(shortReps)),
                    ("mean_hold_s", .number(meanHold))]
        case let .linkConnected(device):
            return [("device", .string(device))]
        case let .linkDisconnected(reason):
            return [("reason", .string(reason))]
        case let .linkGap(duration, lostFrames):
            return [("duration_s", .number(duration)), ("lost_frames", .integer(lostFrames))]
        }
    }
}
