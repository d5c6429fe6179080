import GluteCore
import GluteSim

/// The events a scenario's script implies under default `PipelineSettings`, derived from the
/// scripted segments alone (never from the pipeline): what an ideal detector would report.
struct GroundTruth {
    struct PostureChange: Equatable {
        var posture: CorePosture
        /// Start of the scripted stretch the posture begins with.
        var since: Double
    }

    struct SittingBout {
        var start: Double
        /// Start of the upright stretch of at least the break minimum that ends it (nil: never ends).
        var breakStart: Double?
    }

    /// An anterior tilt spell: a standing segment tilted forward from the previous pose.
    struct TiltSpell {
        var segment: ScriptSegment
        var amplitude: Double
        /// When the scripted (ramped, sway-free) tilt passes the limit on the way in, and falls
        /// below limit - hysteresis on the way out.
        var crossing: Double
        var fall: Double
        /// Above the limit and longer than the delay: `tilt.anterior.start` at crossing + delay.
        var counts: Bool
    }

    struct Squeeze {
        var segment: ScriptSegment
        /// Half-amplitude start and duration: the ramp in and the next segment's ramp out are
        /// minimum-jerk, symmetric about their midpoints.
        var start: Double
        var duration: Double
        var side: Side
        var source: SensorSource
    }

    struct Drop {
        var lift: ScriptSegment
        var side: Side
        var amplitude: Double
        /// From the lift's start to the end of the lowering segment after it.
        var window: ClosedRange<Double>
    }

    let settings: PipelineSettings
    let timeline: [ScriptSegment]
    let end: Double
    let postures: [PostureChange]
    let bouts: [SittingBout]
    let tiltSpells: [TiltSpell]
    let squeezes: [Squeeze]
    let reps: [Squeeze]
    let drops: [Drop]
    let smallDrops: [ScriptSegment]

    init(timeline: [ScriptSegment], hasCushion: Bool, settings: PipelineSettings = PipelineSettings()) {
        self.settings = settings
        self.timeline = timeline
        end = timeline.last?.end ?? 0
        postures = Self.postureChanges(timeline, minDuration: settings.posture.minDuration)
        bouts = Self.sittingBouts(postures, end: end, breakMin: settings.sitting.breakMin)

        var spells: [TiltSpell] = []
        var squeezes: [Squeeze] = []
        var drops: [Drop] = []
        var smallDrops: [ScriptSegment] = []
        for (i, segment) in timeline.enumerated() {
            let previous = i > 0 ? timeline[i - 1] : nil
            let next = i + 1 < timeline.count ? timeline[i + 1] : nil
            let from = previous?.tiltDeg ?? 0
            if segment.posture == .standing && segment.movement == .still && segment.squeeze == nil
                && segment.tiltDeg > from && segment.tiltDeg > 0, let next {
                let limit = settings.tilt.limit, low = limit - settings.tilt.hysteresis
                let counts = segment.tiltDeg > limit && segment.duration > settings.tilt.delay
                let crossing = segment.start + segment.rampSeconds * Self.rampProgress(reaching: (limit - from) / (segment.tiltDeg - from))
                let fall = next.start + next.rampSeconds * Self.rampProgress(reaching: (segment.tiltDeg - low) / (segment.tiltDeg - next.tiltDeg))
                spells.append(TiltSpell(segment: segment, amplitude: segment.tiltDeg, crossing: crossing, fall: fall, counts: counts))
            }
            if let squeeze = segment.squeeze {
                let rampOut = next?.rampSeconds ?? 0
                let start = segment.start + segment.rampSeconds / 2
                let seated = segment.posture == .sitting
                // A belt IMU does not see seated squeezes (it is off while sitting); a cushion
                // sees only seated ones.
                if seated && !hasCushion { continue }
                squeezes.append(Squeeze(segment: segment, start: start, duration: segment.end + rampOut / 2 - start,
                                        side: seated ? Self.side(squeeze.side) : .unknown,
                                        source: seated ? .cushion : .imu))
            }
            if let leg = segment.liftedLeg {
                let amplitude = abs(segment.obliquityDeg)
                if amplitude > settings.drop.limit {
                    drops.append(Drop(lift: segment, side: Self.side(leg), amplitude: amplitude,
                                      window: segment.start...(next?.end ?? segment.end)))
                } else {
                    smallDrops.append(segment)
                }
            }
        }
        tiltSpells = spells
        self.squeezes = squeezes
        reps = squeezes.filter { $0.segment.exerciseRep != nil && $0.source == .imu }
        self.drops = drops
        self.smallDrops = smallDrops
    }

    /// The confirmed postures: runs of one scripted posture, where runs shorter than the minimum
    /// posture duration are absorbed by the posture before them.
    static func postureChanges(_ timeline: [ScriptSegment], minDuration: Double) -> [PostureChange] {
        var runs: [(posture: CorePosture, start: Double, end: Double)] = []
        for segment in timeline {
            let posture = corePosture(segment.posture)
            if let last = runs.last, last.posture == posture {
                runs[runs.count - 1].end = segment.end
            } else {
                runs.append((posture, segment.start, segment.end))
            }
        }
        var changes: [PostureChange] = []
        for run in runs {
            guard let current = changes.last else {
                changes.append(PostureChange(posture: run.posture, since: run.start))
                continue
            }
            if run.posture != current.posture && run.end - run.start >= minDuration {
                changes.append(PostureChange(posture: run.posture, since: run.start))
            }
        }
        return changes
    }

    /// Sitting bouts from the confirmed postures: a bout lasts until an upright stretch of at least
    /// `breakMin` (standing and walking both count).
    static func sittingBouts(_ postures: [PostureChange], end: Double, breakMin: Double) -> [SittingBout] {
        var bouts: [SittingBout] = []
        var i = 0
        while i < postures.count {
            guard postures[i].posture == .sitting else { i += 1; continue }
            var bout = SittingBout(start: postures[i].since, breakStart: nil)
            var j = i + 1
            while j < postures.count && bout.breakStart == nil {
                guard postures[j].posture.isUpright else { j += 1; continue }
                // Consecutive upright postures (standing, walking) make one stretch.
                var k = j
                while k < postures.count && postures[k].posture.isUpright { k += 1 }
                let uprightEnd = k < postures.count ? postures[k].since : end
                if uprightEnd - postures[j].since >= breakMin { bout.breakStart = postures[j].since }
                j = k
            }
            bouts.append(bout)
            i = j
        }
        return bouts
    }

    static func corePosture(_ posture: ScriptPosture) -> CorePosture {
        switch posture {
        case .standing: return .standing
        case .sitting: return .sitting
        case .walking: return .walking
        }
    }

    static func side(_ side: BodySide) -> Side {
        switch side {
        case .left: return .left
        case .right: return .right
        case .both: return .both
        }
    }

    /// The progress (0...1) at which a minimum-jerk ramp has covered `fraction` of its way.
    static func rampProgress(reaching fraction: Double) -> Double {
        var low = 0.0, high = 1.0
        for _ in 0..<60 {
            let u = (low + high) / 2
            let position = u * u * u * (10 - 15 * u + 6 * u * u)
            if position < fraction { low = u } else { high = u }
        }
        return (low + high) / 2
    }
}
