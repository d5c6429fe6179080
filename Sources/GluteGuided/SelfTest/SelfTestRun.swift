import Foundation
import GluteCore
import GluteWire

/// `check`'s measurements, fed the decoded samples and nothing else: no clocks, so it is tested
/// with the virtual sensor's samples directly and behaves the same live and on a file.
///
/// It runs its own `Pipeline` (same settings as the session's, so the same neutral, angles and
/// events) to read tilt and obliquity at every sample rather than at the live view's ticks. The
/// steps follow `SelfTestSettings`' windows from the first sample's time; a step's verdict is set
/// when its window ends (events that finish later, such as a pelvic drop reported when the leg
/// comes down, are still counted until the next step starts measuring).
public struct SelfTestRun: Sendable {
    public let settings: SelfTestSettings
    public let pipelineSettings: PipelineSettings
    /// What the result calls the neutral ("profile", "automatic", ...).
    public let neutralLabel: String
    public private(set) var result: SelfTestResult
    /// Seconds since the first sample.
    public private(set) var elapsed = 0.0
    /// The pipeline's latest angles, degrees (nil before calibration).
    public private(set) var tilt: Double?
    public private(set) var obliquity: Double?
    public private(set) var calibrated = false
    /// Samples seen, by kind.
    public private(set) var imuSamples = 0
    public private(set) var pressureSamples = 0

    private var pipeline: Pipeline
    private var origin: Double?
    private var belt = BeltAccumulator()
    private var legs: [LegAccumulator] = [LegAccumulator(lifted: .left), LegAccumulator(lifted: .right)]
    private var squeezes: [SqueezeAccumulator]

    public init(settings: SelfTestSettings = SelfTestSettings(), pipeline: PipelineSettings = PipelineSettings(),
                neutralLabel: String? = nil) {
        self.settings = settings
        pipelineSettings = pipeline
        self.neutralLabel = neutralLabel ?? SelfTestRun.label(pipeline.neutral)
        self.pipeline = Pipeline(settings: pipeline)
        squeezes = [Side.left, .right].map { SqueezeAccumulator(side: $0, settings: pipeline.squeeze) }
        result = SelfTestResult(settings: settings)
    }

    package static func label(_ neutral: NeutralSource) -> String {
        switch neutral {
        case .automatic: return "automatic"
        case .window: return "window"
        case .fixed: return "profile"
        }
    }

    /// The step under way (the one most recently prompted); nil once the check is over.
    public var step: SelfTestStep? {
        guard !finished else { return nil }
        return SelfTestStep.allCases.last { settings.window(of: $0).prompt <= elapsed }
    }

    /// Every step's window, and the release after the last, has passed.
    public var finished: Bool { origin != nil && elapsed >= settings.length }

    /// Feeds one decoded sample (device frame; the pipeline applies the mount).
    public mutating func feed(_ sample: Sample) {
        guard !finished else { return }
        let time: Double
        switch sample {
        case .imu(let imu): time = imu.time
        case .pressure(let p): time = p.time
        }
        if origin == nil { origin = time }
        elapsed = max(elapsed, time - origin!)
        var events: [Event] = []
        pipeline.process(sample) { events.append($0) }
        let snapshot = pipeline.snapshot
        calibrated = snapshot.calibrated
        let t = elapsed
        switch sample {
        case .imu(let raw):
            imuSamples += 1
            tilt = snapshot.tilt
            obliquity = snapshot.obliquity
            let body = pipelineSettings.mount.bodySample(raw)
            if t <= settings.belt { belt.add(accel: body.accel, tilt: snapshot.tilt, posture: snapshot.posture) }
            for i in legs.indices {
                let w = settings.window(of: i == 0 ? .leftLeg : .rightLeg)
                if t >= w.start && t <= w.end { legs[i].add(obliquity: snapshot.obliquity, posture: snapshot.posture, at: t - w.start) }
            }
            for i in squeezes.indices {
                let w = settings.window(of: i == 0 ? .squeezeLeft : .squeezeRight)
                squeezes[i].add(tilt: snapshot.tilt, at: t, window: w, baseline: baselineLength)
            }
        case .pressure(let p):
            pressureSamples += 1
            let loads = rearLoads(p.cells)
            for i in squeezes.indices {
                let w = settings.window(of: i == 0 ? .squeezeLeft : .squeezeRight)
                squeezes[i].add(loads: loads, seated: snapshot.posture == .sitting, at: t, window: w, baseline: baselineLength)
            }
        }
        for event in events { count(event) }
        conclude()
    }

    /// The verdicts so far: steps whose window has not ended stay nil.
    public mutating func conclude() {
        let s = pipelineSettings
        if result.beltLine == nil, elapsed >= settings.belt {
            result.beltLine = belt.result(threshold: s.tilt.limit, neutral: neutralLabel)
        }
        if result.leftLeg == nil, elapsed >= settings.window(of: .leftLeg).end {
            result.leftLeg = legs[0].result(threshold: s.drop.limit)
        }
        if result.rightLeg == nil, elapsed >= settings.window(of: .rightLeg).end {
            result.rightLeg = legs[1].result(threshold: s.drop.limit)
        }
        if result.squeezeLeft == nil, elapsed >= settings.window(of: .squeezeLeft).end {
            result.squeezeLeft = squeezes[0].result(settings: s.squeeze)
        }
        if result.squeezeRight == nil, elapsed >= settings.window(of: .squeezeRight).end {
            result.squeezeRight = squeezes[1].result(settings: s.squeeze)
        }
    }

    private var baselineLength: Double { settings.gap > 0 ? min(settings.baseline, settings.gap) : 0 }

    private mutating func count(_ event: Event) {
        let t = event.time - (origin ?? 0)
        switch event.kind {
        case let .pelvicDrop(side, _, _, _):
            for (i, step) in [SelfTestStep.leftLeg, .rightLeg].enumerated() where side == step.liftedSide {
                let w = settings.window(of: step)
                guard t >= w.start, t <= w.end + settings.gap else { continue }
                legs[i].dropEvents += 1
                if i == 0 { result.leftLeg?.dropEvents = legs[i].dropEvents } else { result.rightLeg?.dropEvents = legs[i].dropEvents }
            }
        case let .squeeze(start, _, _, _, _):
            let s = start - (origin ?? 0)
            for (i, step) in [SelfTestStep.squeezeLeft, .squeezeRight].enumerated() {
                let w = settings.window(of: step)
                guard s >= w.start - 1, s <= w.end else { continue }
                squeezes[i].events += 1
                if i == 0 { result.squeezeLeft?.squeezeEvents = squeezes[i].events } else { result.squeezeRight?.squeezeEvents = squeezes[i].events }
            }
        default:
            break
        }
    }

    /// The rear (buttock) load of each side, Pa.
    private func rearLoads(_ cells: [Double]) -> (left: Double, right: Double) {
        let layout = pipelineSettings.squeeze.layout.cells
        var left = 0.0, right = 0.0
        for (i, value) in cells.enumerated() where i < layout.count && layout[i].x < 0 {
            if layout[i].y > 0 { left += value } else { right += value }
        }
        return (left, right)
    }
}

/// The belt line step's sums.
package struct BeltAccumulator: Sendable {
    package var accelSum = Vector3.zero
    package var samples = 0
    package var standing = StandingShare()
    package var tiltSum = 0.0
    package var tiltCount = 0
    package var tiltMin = Double.infinity
    package var tiltMax = -Double.infinity

    package mutating func add(accel: Vector3, tilt: Double?, posture: Posture?) {
        accelSum = accelSum + accel
        samples += 1
        standing.add(posture)
        guard let tilt else { return }
        tiltSum += tilt
        tiltCount += 1
        tiltMin = min(tiltMin, tilt)
        tiltMax = max(tiltMax, tilt)
    }

    package func result(threshold: Double, neutral: String) -> BeltLineResult {
        var forwardDrop: Double?, leftDrop: Double?
        let n = accelSum.norm
        if samples > 0, n > 1e-9 {
            // Standing still the mean specific force points up; a sensor tipped forward by t reads
            // (-sin t, 0, cos t), so its forward axis lies t below the horizontal.
            let up = accelSum * (1 / n)
            forwardDrop = asinDegrees(-up.x)
            leftDrop = asinDegrees(-up.y)
        }
        return BeltLineResult(tiltFromNeutral: tiltCount > 0 ? tiltSum / Double(tiltCount) : nil,
                              tiltRange: tiltCount > 0 ? tiltMin...tiltMax : nil,
                              mountForwardDrop: forwardDrop, mountLeftDrop: leftDrop, threshold: threshold,
                              neutral: tiltCount > 0 ? neutral : "none",
                              standingShare: standing.value)
    }
}

/// A leg raise's peak drop of the lifted side.
package struct LegAccumulator: Sendable {
    package let lifted: Side
    package var peak: Double?
    package var peakAt: Double?
    package var dropEvents = 0
    package var standing = StandingShare()

    package init(lifted: Side) { self.lifted = lifted }

    package mutating func add(obliquity: Double?, posture: Posture?, at t: Double) {
        standing.add(posture)
        // Obliquity is positive when the left side drops.
        guard let obliquity else { return }
        let drop = lifted == .left ? obliquity : -obliquity
        if peak == nil || drop > peak! {
            peak = drop
            peakAt = t
        }
    }

    package func result(threshold: Double) -> LegRaiseResult {
        LegRaiseResult(lifted: lifted, drop: peak, peakAt: peakAt, threshold: threshold, dropEvents: dropEvents,
                       standingShare: standing.value)
    }
}

/// A squeeze's resting level (before the hold) and its change during the hold, from the IMU's
/// tilt and, when seated on a cushion, from each side's rear load.
package struct SqueezeAccumulator: Sendable {
    package let side: Side
    package var events = 0
    private var tiltBase = Mean()
    private var tiltPeak: Double?
    private var tiltOnset: Double?
    private var leftBase = Mean()
    private var rightBase = Mean()
    private var seatedAtStart = false
    private var loadPeak: (own: Double, other: Double)?
    private var loadOnset: Double?
    private var holdStarted = false

    private let threshold: (imu: Double, cushion: Double)

    package init(side: Side, settings: SqueezeSettings) {
        self.side = side
        threshold = (settings.imuTiltDrop, settings.cushionRise)
    }

    private func phase(_ t: Double, _ w: SelfTestWindow, _ baseline: Double) -> (inBaseline: Bool, inHold: Bool) {
        // With no gap, the first fifth of a second of the hold is the resting level.
        let base = baseline > 0 ? (t >= w.start - baseline && t < w.start) : (t >= w.start && t < w.start + 0.2)
        return (base, t >= w.start && t <= w.end)
    }

    package mutating func add(tilt: Double?, at t: Double, window w: SelfTestWindow, baseline: Double) {
        guard let tilt else { return }
        let (inBase, inHold) = phase(t, w, baseline)
        if inBase { tiltBase.add(tilt) }
        guard inHold, let base = tiltBase.value else { return }
        let change = base - tilt  // a tuck is a posterior tilt: the tilt falls
        tiltPeak = max(tiltPeak ?? change, change)
        if tiltOnset == nil, change >= threshold.imu { tiltOnset = t - w.start }
    }

    package mutating func add(loads: (left: Double, right: Double), seated: Bool, at t: Double, window w: SelfTestWindow, baseline: Double) {
        let (inBase, inHold) = phase(t, w, baseline)
        if inBase {
            leftBase.add(loads.left)
            rightBase.add(loads.right)
            seatedAtStart = seated
        }
        guard inHold, seatedAtStart, let l = leftBase.value, let r = rightBase.value, l > 0, r > 0 else { return }
        let riseLeft = loads.left / l - 1, riseRight = loads.right / r - 1
        let own = side == .left ? riseLeft : riseRight
        let other = side == .left ? riseRight : riseLeft
        loadPeak = (max(loadPeak?.own ?? own, own), max(loadPeak?.other ?? other, other))
        if loadOnset == nil, own >= threshold.cushion { loadOnset = t - w.start }
    }

    package func result(settings: SqueezeSettings) -> SqueezeTestResult {
        if let peak = loadPeak {
            return SqueezeTestResult(side: side, sensor: .cushion, peak: peak.own, otherSidePeak: peak.other,
                                     threshold: settings.cushionRise, onsetLatency: loadOnset,
                                     strength: clip(peak.own / settings.cushionFullScale), squeezeEvents: events)
        }
        if let peak = tiltPeak {
            return SqueezeTestResult(side: side, sensor: .imu, peak: peak, otherSidePeak: nil, threshold: settings.imuTiltDrop,
                                     onsetLatency: tiltOnset, strength: clip(peak / settings.imuFullScale), squeezeEvents: events)
        }
        return SqueezeTestResult(side: side, sensor: nil, peak: nil, otherSidePeak: nil, threshold: settings.imuTiltDrop,
                                 onsetLatency: nil, strength: nil, squeezeEvents: events)
    }

    private func clip(_ x: Double) -> Double { min(1, max(0, x)) }
}

/// The share of samples the pipeline saw standing, among those whose posture it knew.
package struct StandingShare: Sendable {
    private var standing = 0
    private var known = 0
    package mutating func add(_ posture: Posture?) {
        guard let posture else { return }
        known += 1
        if posture == .standing { standing += 1 }
    }
    package var value: Double? { known > 0 ? Double(standing) / Double(known) : nil }
}

/// A running mean.
package struct Mean: Sendable {
    private var sum = 0.0
    private var count = 0
    package mutating func add(_ x: Double) { sum += x; count += 1 }
    package var value: Double? { count > 0 ? sum / Double(count) : nil }
}

package func asinDegrees(_ x: Double) -> Double {
    asin(min(1, max(-1, x))) * 180 / .pi
}
