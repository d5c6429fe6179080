import GluteCore
import GluteSim

/// How far a detected event may be from the scripted ground truth, and why.
enum Tolerance {
    /// A posture's `since` against the scripted boundary, s. The classifier dates a change from
    /// the movement it recognises: the start of the sit-down or stand-up episode (its vertical
    /// acceleration passing the activity level), the first of the steps that make walking, the
    /// last step before standing, the cushion passing its occupied or vacant load. All of these
    /// happen within the 2.0-2.2 s the scripted movement takes.
    static let postureSince = 2.0
    /// An event that fires at a fixed time after another (sitting alerts at bout start + limit,
    /// `sitting.break` at break start + minimum), s: the first sample at or after that time.
    /// Cushion samples come every 0.05 s, IMU samples every 0.01 s; both feed the posture.
    static let sampleStep = 0.011
    /// `tilt.anterior.start` against the scripted ramp crossing + delay, and `.end` against the
    /// scripted fall below limit - hysteresis, s. The ramp passes the limit at 15-26 deg/s;
    /// quiet sway (0.3 deg) moves the true crossing by up to 0.02 s, the detector sees it on the
    /// next 100 Hz sample (0.01 s), and the orientation filter's estimate adds a few hundredths
    /// of a degree: 0.03 s is three samples.
    static let tiltEdge = 0.03
    /// Peak tilt of a spell and peak drop of a single-leg stance against the scripted amplitude,
    /// degrees: sway (0.3 deg standing, 0.7 deg on one leg) rides on the held pose, and the
    /// peak is a maximum over it.
    static let peakBelow = 0.5
    static let peakAbove = 1.0
    /// Squeeze start and duration against the scripted half-amplitude points, s. The detectors
    /// fire on thresholds (3 of the IMU's 4 deg tuck, 8 % of the cushion's 30+ % rise) and release
    /// on lower ones, so onset and end sit on the ramps, not at their midpoints.
    static let squeezeTiming = 0.5
}

/// One line of the expected-vs-detected table.
struct CheckRow: CustomStringConvertible {
    var type: String
    var expected: Int
    var detected: Int
    /// Largest timing (s) or angle (deg) error among matched events, with its unit.
    var worst: String

    var description: String {
        let pad = { (s: String, n: Int) in s + String(repeating: " ", count: max(0, n - s.count)) }
        return pad(type, 20) + pad("\(expected)", 9) + pad("\(detected)", 9) + worst
    }
}

/// A run's events against its ground truth: the table rows and every mismatch found.
struct ScenarioCheck {
    private(set) var rows: [CheckRow] = []
    private(set) var problems: [String] = []

    static let knownTypes: Set<String> = ["posture", "sitting.prolonged", "sitting.break", "tilt.anterior.start",
                                          "tilt.anterior.end", "squeeze", "pelvic_drop", "exercise.rep", "exercise.set"]

    init(_ run: ScenarioRun) {
        let truth = GroundTruth(timeline: run.timeline, hasCushion: run.hasCushion)
        let settings = truth.settings
        for event in run.events where !Self.knownTypes.contains(event.type) {
            problem("unexpected event type: \(describe(event))")
        }
        checkPostures(run, truth)
        checkSitting(run, truth, settings)
        checkTilt(run, truth, settings)
        checkSqueezes(run, truth)
        checkExercise(run, truth, settings)
        checkDrops(run, truth)
    }

    private mutating func problem(_ text: String) { problems.append(text) }

    private mutating func row(_ type: String, _ expected: Int, _ detected: [Event], worst: Double?, unit: String) {
        row(type, expected, detected, worst: worst.map { "\(format($0, digits: 3)) \(unit)" } ?? "-")
    }

    private mutating func row(_ type: String, _ expected: Int, _ detected: [Event], worst: String) {
        rows.append(CheckRow(type: type, expected: expected, detected: detected.count, worst: worst))
        if expected != detected.count {
            problem("\(type): expected \(expected), detected \(detected.count): " + detected.map(describe).joined(separator: "; "))
        }
    }

    private mutating func checkPostures(_ run: ScenarioRun, _ truth: GroundTruth) {
        let detected = run.events("posture")
        var worst: Double?
        for (event, expected) in zip(detected, truth.postures) {
            guard case let .posture(posture, since, _) = event.kind else { continue }
            let error = abs(since - expected.since)
            worst = max(worst ?? 0, error)
            if posture != expected.posture || error > Tolerance.postureSince {
                problem("posture: expected \(expected.posture.rawValue) since \(format(expected.since)), got \(describe(event))")
            }
        }
        row("posture", truth.postures.count, detected, worst: worst, unit: "s (since)")
    }

    private mutating func checkSitting(_ run: ScenarioRun, _ truth: GroundTruth, _ settings: PipelineSettings) {
        let limit = settings.sitting.limit, repeatEvery = settings.sitting.repeatInterval
        // Alerts fall at bout start + limit + k * repeat while the bout lasts.
        var expectedAlerts: [(boutStart: Double, due: Double)] = []
        for bout in truth.bouts {
            var due = bout.start + limit
            while due < (bout.breakStart ?? truth.end) {
                expectedAlerts.append((bout.start, due))
                due += repeatEvery
            }
        }
        let alerts = run.events("sitting.prolonged")
        var worst: Double?
        for (event, expected) in zip(alerts, expectedAlerts) {
            guard case let .sittingProlonged(since, duration, _) = event.kind else { continue }
            // Exactly at the detected bout's start + the limit (or a repeat), which must itself be
            // the scripted bout start within the posture tolerance.
            let due = since + (expected.due - expected.boutStart)
            let late = event.time - due
            worst = max(worst ?? 0, abs(since - expected.boutStart))
            if late < -1e-9 || late > Tolerance.sampleStep || abs(since - expected.boutStart) > Tolerance.postureSince
                || abs(duration - (event.time - since)) > 1e-9 {
                problem("sitting.prolonged: expected bout from \(format(expected.boutStart)) due \(format(expected.due)), got \(describe(event))")
            }
        }
        row("sitting.prolonged", expectedAlerts.count, alerts, worst: worst, unit: "s (bout start)")

        let breakMin = settings.sitting.breakMin
        let expectedBreaks = truth.bouts.filter { $0.breakStart != nil }
        let breaks = run.events("sitting.break")
        worst = nil
        for (event, bout) in zip(breaks, expectedBreaks) {
            guard case let .sittingBreak(boutLength, breakLength) = event.kind, let breakStart = bout.breakStart else { continue }
            let error = abs(event.time - (breakStart + breakMin))
            worst = max(worst ?? 0, error)
            if error > Tolerance.postureSince || abs(boutLength - (breakStart - bout.start)) > 2 * Tolerance.postureSince
                || breakLength < breakMin - 1e-9 || breakLength > breakMin + Tolerance.sampleStep {
                problem("sitting.break: expected at \(format(breakStart + breakMin)) after a bout of \(format(breakStart - bout.start)) s, got \(describe(event))")
            }
        }
        row("sitting.break", expectedBreaks.count, breaks, worst: worst, unit: "s")
    }

    private mutating func checkTilt(_ run: ScenarioRun, _ truth: GroundTruth, _ settings: PipelineSettings) {
        let counted = truth.tiltSpells.filter(\.counts)
        let starts = run.events("tilt.anterior.start"), ends = run.events("tilt.anterior.end")
        var worstStart: Double?, worstEnd: Double?, worstDuration = 0.0, worstPeak = 0.0
        for (event, spell) in zip(starts, counted) {
            let error = event.time - (spell.crossing + settings.tilt.delay)
            worstStart = max(worstStart ?? 0, abs(error))
            if abs(error) > Tolerance.tiltEdge {
                problem("tilt.anterior.start: expected at \(format(spell.crossing + settings.tilt.delay)) for \(spell.segment), got \(describe(event))")
            }
        }
        for (event, spell) in zip(ends, counted) {
            guard case let .tiltAnteriorEnd(peak, _, duration) = event.kind else { continue }
            let timeError = event.time - spell.fall
            let durationError = duration - (spell.fall - spell.crossing)
            worstEnd = max(worstEnd ?? 0, abs(timeError))
            worstDuration = max(worstDuration, abs(durationError))
            worstPeak = max(worstPeak, abs(peak - spell.amplitude))
            if abs(timeError) > Tolerance.tiltEdge || abs(durationError) > 2 * Tolerance.tiltEdge
                || peak < spell.amplitude - Tolerance.peakBelow || peak > spell.amplitude + Tolerance.peakAbove {
                problem("tilt.anterior.end: expected at \(format(spell.fall)), \(format(spell.fall - spell.crossing)) s, peak ~\(format(spell.amplitude)) for \(spell.segment), got \(describe(event))")
            }
        }
        row("tilt.anterior.start", counted.count, starts, worst: worstStart, unit: "s")
        row("tilt.anterior.end", counted.count, ends,
            worst: worstEnd.map { "\(format($0, digits: 3)) s, duration \(format(worstDuration, digits: 3)) s, peak \(format(worstPeak, digits: 3)) deg" } ?? "-")
    }

    private mutating func checkSqueezes(_ run: ScenarioRun, _ truth: GroundTruth) {
        let detected = run.events("squeeze")
        var worst: Double?
        for (event, expected) in zip(detected, truth.squeezes) {
            guard case let .squeeze(start, duration, side, _, source) = event.kind else { continue }
            let error = max(abs(start - expected.start), abs(duration - expected.duration))
            worst = max(worst ?? 0, error)
            if side != expected.side || source != expected.source || error > Tolerance.squeezeTiming {
                problem("squeeze: expected \(expected.side.rawValue) from \(format(expected.start)) for \(format(expected.duration)) s (\(expected.source.rawValue)), got \(describe(event))")
            }
        }
        row("squeeze", truth.squeezes.count, detected, worst: worst, unit: "s (start, duration)")
    }

    private mutating func checkExercise(_ run: ScenarioRun, _ truth: GroundTruth, _ settings: PipelineSettings) {
        let exercise = settings.exercise
        let reps = run.events("exercise.rep")
        var worst: Double?
        for (index, (event, expected)) in zip(reps, truth.reps).enumerated() {
            guard case let .exerciseRep(rep, hold, _, short) = event.kind else { continue }
            let scriptedShort = expected.segment.duration < exercise.targetHold - exercise.shortTolerance
            worst = max(worst ?? 0, abs(hold - expected.duration))
            if rep != index + 1 || short != scriptedShort || abs(hold - expected.duration) > Tolerance.squeezeTiming {
                problem("exercise.rep: expected rep \(index + 1) of \(format(expected.duration)) s\(scriptedShort ? " (short)" : ""), got \(describe(event))")
            }
        }
        row("exercise.rep", truth.reps.count, reps, worst: worst, unit: "s (hold)")

        let sets = run.events("exercise.set")
        let expectedSets = truth.reps.isEmpty ? 0 : 1
        if let set = sets.first, case let .exerciseSet(count, _, shortReps, _) = set.kind {
            let scriptedShort = truth.reps.filter { $0.segment.duration < exercise.targetHold - exercise.shortTolerance }.count
            if count != truth.reps.count || shortReps != scriptedShort {
                problem("exercise.set: expected \(truth.reps.count) reps, \(scriptedShort) short, got \(describe(set))")
            }
        }
        row("exercise.set", expectedSets, sets, worst: nil, unit: "")
    }

    private mutating func checkDrops(_ run: ScenarioRun, _ truth: GroundTruth) {
        let detected = run.events("pelvic_drop")
        var worst: Double?
        for (event, expected) in zip(detected, truth.drops) {
            guard case let .pelvicDrop(side, angle, _, stance) = event.kind else { continue }
            worst = max(worst ?? 0, abs(angle - expected.amplitude))
            if side != expected.side || stance == side || !expected.window.contains(event.time)
                || angle < expected.amplitude - Tolerance.peakBelow || angle > expected.amplitude + Tolerance.peakAbove {
                problem("pelvic_drop: expected \(expected.side.rawValue) ~\(format(expected.amplitude)) deg within \(format(expected.window.lowerBound))-\(format(expected.window.upperBound)), got \(describe(event))")
            }
        }
        row("pelvic_drop", truth.drops.count, detected, worst: worst, unit: "deg (peak)")
    }
}

/// `value` with `digits` decimals (no Foundation in the checker).
func format(_ value: Double, digits: Int = 2) -> String {
    var scale = 1
    for _ in 0..<digits { scale *= 10 }
    let units = Int((abs(value) * Double(scale)).rounded())
    var fraction = "\(units % scale)"
    while fraction.count < digits { fraction = "0" + fraction }
    return (value < 0 && units > 0 ? "-" : "") + "\(units / scale)" + (digits > 0 ? "." + fraction : "")
}

func describe(_ event: Event) -> String {
    let fields = event.fields.map { name, value -> String in
        switch value {
        case .number(let x): return "\(name)=\(format(x))"
        case .integer(let i): return "\(name)=\(i)"
        case .string(let s): return "\(name)=\(s)"
        case .bool(let b): return "\(name)=\(b)"
        }
    }
    return "\(format(event.time)) \(event.type) " + fields.joined(separator: " ")
}
