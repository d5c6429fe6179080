import GluteCore
import GluteWire

/// The pace of `glutebridge coach`.
public struct CoachSettings: Sendable, Equatable {
    /// Repetitions in the set. Default 10.
    public var reps: Int
    /// Target hold per repetition, s. Default 5 s.
    public var hold: Double
    /// Rest after each repetition before the next prompt, s. Default 5 s.
    public var rest: Double
    /// "Stand tall" before the first prompt, once the pelvis is calibrated, s. Default 3 s.
    public var leadIn: Double
    /// Without a repetition this long after a prompt, the prompt is given again, s. Default 20 s.
    public var reprompt: Double
    /// For the live countdown only: a posterior tilt this far below the resting level counts as
    /// holding (the squeeze detector's start threshold), degrees. Default 3 degrees.
    public var tuck: Double

    public init(reps: Int = 10, hold: Double = 5, rest: Double = 5, leadIn: Double = 3, reprompt: Double = 20, tuck: Double = 3) {
        self.reps = reps
        self.hold = hold
        self.rest = rest
        self.leadIn = leadIn
        self.reprompt = reprompt
        self.tuck = tuck
    }
}

/// One repetition as the sensor saw it.
public struct CoachRep: Sendable, Equatable {
    /// 1-based within this session.
    public var number: Int
    public var hold: Double
    public var short: Bool
    /// Stream time the hold ended.
    public var time: Double
}

/// Where the coach is.
public enum CoachPhase: Sendable, Equatable {
    /// Waiting for the pipeline's neutral (stand tall and still).
    case calibrating
    /// Standing tall before rep 1, since `since`.
    case leadIn(since: Double)
    /// Rep `rep` prompted at `since`: tuck, squeeze, hold.
    case squeeze(rep: Int, since: Double)
    /// Resting after rep `after`, since `since`.
    case rest(after: Int, since: Double)
    /// The set is complete.
    case done
}

/// The exercise coach's script, driven by stream time and the pipeline's events: no clocks.
/// Prompts follow the user: a rep is what the pipeline reports as `exercise.rep` (its hold
/// measured from the sensor), the rest is counted from the end of that hold, and the next rep is
/// prompted after it. `say` receives each line to show, as it becomes due.
public struct CoachScript: Sendable {
    public let settings: CoachSettings
    public private(set) var phase: CoachPhase = .calibrating
    public private(set) var reps: [CoachRep] = []
    /// The pipeline's `exercise.set`, when it came: (reps, short reps, mean hold).
    public private(set) var pipelineSet: (reps: Int, short: Int, meanHold: Double)?
    public private(set) var now = 0.0
    /// The tilt while not squeezing, followed slowly; and since when the current tuck is held.
    private var restingTilt: Double?
    public private(set) var holdingSince: Double?

    public init(settings: CoachSettings = CoachSettings()) {
        self.settings = settings
    }

    public var done: Bool { phase == .done }
    public var shortReps: [CoachRep] { reps.filter(\.short) }
    public var meanHold: Double? { reps.isEmpty ? nil : reps.map(\.hold).reduce(0, +) / Double(reps.count) }

    /// Whether the exercise can start: the pelvis is calibrated, or the stream has no IMU (a
    /// cushion alone has no neutral to find, and counts its seated squeezes).
    public static func ready(_ snapshot: PipelineSnapshot) -> Bool {
        snapshot.calibrated || (snapshot.imuRate == nil && snapshot.pressureRate != nil)
    }

    /// Time passes (stream time); `calibrated` is `ready(_:)` of the pipeline's snapshot.
    /// `tilt` (degrees, from the pipeline; nil without an IMU) only drives the live countdown:
    /// the hold that counts is the one the pipeline reports.
    public mutating func update(time: Double, calibrated: Bool, tilt: Double? = nil, say: (String) -> Void) {
        let dt = max(0, time - now)
        now = max(now, time)
        followTilt(tilt, dt: dt)
        switch phase {
        case .calibrating:
            guard calibrated else { return }
            say("Stand tall, feet hip-width apart, and breathe out. First rep in \(Int(saturating: settings.leadIn, rounding: .toNearestOrAwayFromZero)) s.")
            phase = .leadIn(since: now)
            update(time: now, calibrated: calibrated, tilt: tilt, say: say)
        case .leadIn(let since):
            if now - since >= settings.leadIn { prompt(rep: 1, say: say) }
        case .squeeze(let rep, let since):
            if now - since >= settings.reprompt {
                say("Rep \(rep): no squeeze seen in \(Int(saturating: settings.reprompt, rounding: .toNearestOrAwayFromZero)) s; tuck the tailbone under and squeeze again.")
                phase = .squeeze(rep: rep, since: now)
            }
        case .rest(let after, let since):
            if now - since >= settings.rest { prompt(rep: after + 1, say: say) }
        case .done:
            break
        }
    }

    /// An event from the pipeline.
    public mutating func handle(_ event: Event, say: (String) -> Void) {
        switch event.kind {
        case let .exerciseRep(_, hold, target, short):
            guard !done else { return }
            let rep = CoachRep(number: reps.count + 1, hold: hold, short: short, time: event.time)
            reps.append(rep)
            let held = "Rep \(rep.number)/\(settings.reps): held \(format(hold)) s"
            say(short ? "\(held): short of the \(format(target)) s target" : "\(held). Release.")
            now = max(now, event.time)
            if reps.count >= settings.reps {
                phase = .done
            } else {
                say("Rest \(Int(saturating: settings.rest, rounding: .toNearestOrAwayFromZero)) s.")
                phase = .rest(after: rep.number, since: event.time)
            }
        case let .exerciseSet(reps, _, shortReps, meanHold):
            pipelineSet = (reps, shortReps, meanHold)
        default:
            break
        }
    }

    private mutating func followTilt(_ tilt: Double?, dt: Double) {
        guard let tilt else { return }
        guard case .squeeze = phase else {
            // Between reps the level follows the posture within a couple of seconds.
            let w = restingTilt == nil ? 1 : min(1, dt / 2)
            restingTilt = (restingTilt ?? tilt) + (tilt - (restingTilt ?? tilt)) * w
            holdingSince = nil
            return
        }
        guard let level = restingTilt else { return }
        if tilt <= level - settings.tuck {
            if holdingSince == nil { holdingSince = now }
        } else if tilt > level - settings.tuck / 2 {
            holdingSince = nil
        }
    }

    private mutating func prompt(rep: Int, say: (String) -> Void) {
        say("Rep \(rep)/\(settings.reps): tuck the tailbone, squeeze your glutes and hold \(format(settings.hold)) s.")
        phase = .squeeze(rep: rep, since: now)
    }

    /// The live countdown of the phase under way, for a `\r`-updated line.
    public var countdown: String {
        switch phase {
        case .calibrating: return "  stand tall and still (finding your neutral pelvis)..."
        case .leadIn(let since): return "  first rep in \(ceil(settings.leadIn - (now - since))) s"
        case .squeeze(let rep, let since):
            if let holding = holdingSince {
                let held = now - holding
                return held < settings.hold ? "  rep \(rep): holding \(format(held)) s, \(format(settings.hold - held)) s to go"
                    : "  rep \(rep): held \(format(settings.hold)) s: release"
            }
            // With a tilt the countdown starts at the tuck; without one (a cushion), at the prompt.
            if restingTilt != nil { return "  rep \(rep): tuck the tailbone and squeeze now" }
            let left = settings.hold - (now - since)
            return left > 0 ? "  rep \(rep): squeeze... \(ceil(left)) s" : "  rep \(rep): release now"
        case .rest(let after, let since): return "  rest \(ceil(settings.rest - (now - since))) s (\(after) done)"
        case .done: return ""
        }
    }

    /// The set in a few lines.
    public var summary: [String] {
        var out = ["Set: \(reps.count) of \(settings.reps) reps done"]
        if let mean = meanHold { out[0] += ", mean hold \(format(mean)) s (target \(format(settings.hold)) s)" }
        let short = shortReps
        out.append(short.isEmpty ? "  no short reps" : "  short: rep \(short.map { String($0.number) }.joined(separator: ", ")) (\(short.map { format($0.hold) + " s" }.joined(separator: ", ")))")
        return out
    }

    private func ceil(_ x: Double) -> Int { max(0, Int(saturating: x, rounding: .up)) }
    private func format(_ x: Double) -> String {
        let tenths = Int(saturating: x * 10, rounding: .toNearestOrAwayFromZero)
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
