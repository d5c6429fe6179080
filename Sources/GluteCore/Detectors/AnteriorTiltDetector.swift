import RealModule

/// Anterior pelvic tilt episodes: the tilt must stay above `limit` for `delay` seconds (any dip to
/// or below the limit restarts the wait); `tilt.anterior.start` fires at the crossing plus the
/// delay. The episode ends when the tilt falls below `limit - hysteresis`, or when tilt stops being
/// meaningful (lying, not calibrated), with the peak and the time spent above the limit.
public struct AnteriorTiltDetector: Sendable {
    public let settings: TiltSettings
    private var crossing: Double?
    private var peak = 0.0
    public private(set) var isActive = false

    /// tan(limit) made smaller by one part in 10^9, or nil outside 0 < limit <= 89 degrees. The
    /// margin is far above the rounding of the computed tilt (about 1e-14 degrees), so a tilt
    /// whose tangent is at or below this bound is certainly not above the limit.
    private let tangentBelowLimit: Double?

    public init(settings: TiltSettings) {
        self.settings = settings
        let limit = settings.limit
        tangentBelowLimit = limit > 0 && limit <= 89 ? Double.tan(limit * .pi / 180) * (1 - 1e-9) : nil
    }

    /// True when a tilt with these sides (see `NeutralPose.tiltSides`) would change nothing: no
    /// episode is open or pending and the tilt is at or below the limit. The caller may then skip
    /// the arctangent and feed nil, which is also no change while nothing is open or pending.
    /// Most of a seated day takes this path; the events are the same to the last bit.
    @inline(__always)
    public func ignoresTilt(rise: Double, run: Double) -> Bool {
        guard !isActive, crossing == nil, let tangent = tangentBelowLimit else { return false }
        // run > 0: the pelvis within 90 degrees of neutral up (NaN fails here too).
        return run > 0 && rise <= run * tangent
    }

    /// Feeds the tilt in degrees (anterior positive), or nil when it does not apply.
    public mutating func update(time: Double, tilt: Double?, emit: (Event) -> Void) {
        guard let tilt else {
            end(time: time, emit: emit)
            return
        }
        if isActive {
            peak = max(peak, tilt)
            if tilt < settings.limit - settings.hysteresis { end(time: time, emit: emit) }
            return
        }
        guard tilt > settings.limit else {
            crossing = nil
            return
        }
        if crossing == nil {
            crossing = time
            peak = tilt
        }
        peak = max(peak, tilt)
        if let crossing, time - crossing >= settings.delay - 1e-9 {
            isActive = true
            emit(Event(time: time, kind: .tiltAnteriorStart(angle: tilt, threshold: settings.limit, delay: settings.delay)))
        }
    }

    private mutating func end(time: Double, emit: (Event) -> Void) {
        if isActive, let crossing {
            emit(Event(time: time, kind: .tiltAnteriorEnd(peak: peak, threshold: settings.limit, duration: time - crossing)))
        }
        isActive = false
        crossing = nil
    }

    /// Closes an open episode at the end of the stream.
    public mutating func finish(time: Double, emit: (Event) -> Void) {
        end(time: time, emit: emit)
    }
}
