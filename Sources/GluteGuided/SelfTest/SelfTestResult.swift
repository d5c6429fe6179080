import GluteCore

/// The belt line: pelvic tilt while standing relaxed.
public struct BeltLineResult: Sendable, Equatable, Encodable {
    /// Mean tilt against the calibrated neutral, degrees (positive anterior); nil when the
    /// pipeline had no neutral during the step.
    public var tiltFromNeutral: Double?
    /// Lowest and highest tilt against neutral over the step, degrees.
    public var tiltRange: ClosedRange<Double>?
    /// How far the mount's forward axis points below the horizontal, degrees: positive when the
    /// belt line drops towards the front, whatever the calibration says.
    public var mountForwardDrop: Double?
    /// How far the mount's left axis points below the horizontal, degrees (left side low).
    public var mountLeftDrop: Double?
    /// Anterior tilt beyond this counts (the tilt alert's limit), degrees.
    public var threshold: Double
    /// Where the neutral came from: "profile", "window", "automatic" or "none".
    public var neutral: String
    /// The share of the step the pipeline saw standing, 0...1, among the samples whose posture
    /// it knew (nil: none, e.g. before the neutral was found).
    public var standingShare: Double?

    /// The pelvis tips forward beyond the threshold against neutral.
    public var tiltedFromNeutral: Bool { (tiltFromNeutral ?? 0) > threshold }
    /// The belt line drops to the front beyond the threshold against the mount.
    public var dropsToFront: Bool { (mountForwardDrop ?? 0) > threshold }

    package enum CodingKeys: String, CodingKey {
        case tiltFromNeutral = "tilt_from_neutral_deg", tiltMin = "tilt_min_deg", tiltMax = "tilt_max_deg"
        case mountForwardDrop = "mount_forward_drop_deg", mountLeftDrop = "mount_left_drop_deg", threshold = "threshold_deg"
        case neutral, standingShare = "standing_share", tiltedFromNeutral = "tilted_from_neutral", dropsToFront = "drops_to_front"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tiltFromNeutral, forKey: .tiltFromNeutral)
        try c.encode(tiltRange?.lowerBound, forKey: .tiltMin)
        try c.encode(tiltRange?.upperBound, forKey: .tiltMax)
        try c.encode(mountForwardDrop, forKey: .mountForwardDrop)
        try c.encode(mountLeftDrop, forKey: .mountLeftDrop)
        try c.encode(threshold, forKey: .threshold)
        try c.encode(neutral, forKey: .neutral)
        try c.encode(standingShare, forKey: .standingShare)
        try c.encode(tiltedFromNeutral, forKey: .tiltedFromNeutral)
        try c.encode(dropsToFront, forKey: .dropsToFront)
    }
}

/// A single-leg raise: how far the pelvis dropped on the lifted side.
public struct LegRaiseResult: Sendable, Equatable, Encodable {
    public var lifted: Side
    /// Peak drop of the lifted side while it was up, degrees (negative: it rose); nil without a
    /// neutral.
    public var drop: Double?
    /// When the peak was reached, s from the start of the hold.
    public var peakAt: Double?
    /// A drop beyond this is reported (the pelvic drop limit), degrees.
    public var threshold: Double
    /// `pelvic_drop` events the pipeline emitted during the step.
    public var dropEvents: Int
    /// The share of the hold the pipeline saw standing (nil: posture unknown). A leg raise while
    /// seated says nothing about the glutes.
    public var standingShare: Double?

    /// Most of the hold was spent standing (or the posture was unknown).
    public var standing: Bool { (standingShare ?? 1) >= 0.5 }
    /// The drop exceeds the threshold, standing.
    public var significant: Bool { standing && (drop ?? 0) > threshold }
    /// The side whose glutes look weak: the stance side, when the lifted side drops.
    public var weakSide: Side? { significant ? (lifted == .left ? .right : .left) : nil }

    package enum CodingKeys: String, CodingKey {
        case lifted, drop = "drop_deg", peakAt = "peak_at_s", threshold = "threshold_deg", dropEvents = "drop_events"
        case significant, weakSide = "weak_side", standingShare = "standing_share"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(lifted.rawValue, forKey: .lifted)
        try c.encode(drop, forKey: .drop)
        try c.encode(peakAt, forKey: .peakAt)
        try c.encode(threshold, forKey: .threshold)
        try c.encode(dropEvents, forKey: .dropEvents)
        try c.encode(significant, forKey: .significant)
        try c.encode(weakSide?.rawValue, forKey: .weakSide)
        try c.encode(standingShare, forKey: .standingShare)
    }
}

/// A one-sided squeeze: did it engage, how fast, how strongly.
public struct SqueezeTestResult: Sendable, Equatable, Encodable {
    public var side: Side
    /// What measured it: cushion (rise of that side's rear load) or imu (posterior tilt change,
    /// which cannot tell the sides apart); nil when neither was available.
    public var sensor: SensorSource?
    /// Peak change against the resting level over the hold: a fraction of the resting load for a
    /// cushion (0.2 = 20 %), degrees of posterior tilt for an IMU.
    public var peak: Double?
    /// The same for the other side (cushion only).
    public var otherSidePeak: Double?
    /// The change that counts as engaged (the squeeze detector's start threshold).
    public var threshold: Double
    /// From the start of the hold to the change first reaching the threshold, s.
    public var onsetLatency: Double?
    /// `peak` over the detector's full-scale value, clipped to 0...1.
    public var strength: Double?
    /// `squeeze` events the pipeline emitted for holds that began in the step.
    public var squeezeEvents: Int

    public var engaged: Bool { onsetLatency != nil }

    package enum CodingKeys: String, CodingKey {
        case side, sensor, peak, otherSidePeak = "other_side_peak", unit, threshold, onsetLatency = "onset_latency_s"
        case strength, squeezeEvents = "squeeze_events", engaged
    }

    /// The unit of `peak` and `threshold`.
    public var unit: String? {
        switch sensor {
        case .cushion: return "fraction"
        case .imu: return "deg"
        case nil: return nil
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(side.rawValue, forKey: .side)
        try c.encode(sensor?.rawValue, forKey: .sensor)
        try c.encode(peak, forKey: .peak)
        try c.encode(otherSidePeak, forKey: .otherSidePeak)
        try c.encode(unit, forKey: .unit)
        try c.encode(threshold, forKey: .threshold)
        try c.encode(onsetLatency, forKey: .onsetLatency)
        try c.encode(strength, forKey: .strength)
        try c.encode(squeezeEvents, forKey: .squeezeEvents)
        try c.encode(engaged, forKey: .engaged)
    }
}

/// Everything `check` measured; a step not reached (the stream ended) is nil.
public struct SelfTestResult: Sendable, Equatable, Encodable {
    public var beltLine: BeltLineResult?
    public var leftLeg: LegRaiseResult?
    public var rightLeg: LegRaiseResult?
    public var squeezeLeft: SqueezeTestResult?
    public var squeezeRight: SqueezeTestResult?
    public var settings: SelfTestSettings

    /// Every step was measured.
    public var complete: Bool {
        beltLine != nil && leftLeg != nil && rightLeg != nil && squeezeLeft != nil && squeezeRight != nil
    }

    /// The sides whose glutes look weak in the single-leg raise.
    public var weakSides: [Side] { [leftLeg?.weakSide, rightLeg?.weakSide].compactMap { $0 } }

    package enum CodingKeys: String, CodingKey {
        case beltLine = "belt_line", leftLeg = "left_leg", rightLeg = "right_leg", squeezeLeft = "squeeze_left"
        case squeezeRight = "squeeze_right", weakSides = "weak_glutes", complete, timing
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(beltLine, forKey: .beltLine)
        try c.encode(leftLeg, forKey: .leftLeg)
        try c.encode(rightLeg, forKey: .rightLeg)
        try c.encode(squeezeLeft, forKey: .squeezeLeft)
        try c.encode(squeezeRight, forKey: .squeezeRight)
        try c.encode(weakSides.map(\.rawValue), forKey: .weakSides)
        try c.encode(complete, forKey: .complete)
        try c.encode(["belt_s": settings.belt, "gap_s": settings.gap, "hold_s": settings.hold], forKey: .timing)
    }
}
