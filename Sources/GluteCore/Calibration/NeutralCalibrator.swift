import GluteWire

/// Finds the neutral pelvis from the stream, once.
///
/// `.window` averages the up direction over the window and calibrates at its end. `.automatic`
/// waits for `quietDuration` seconds of continuous quiet, upright stillness and averages over it.
/// `.fixed` is calibrated before the first sample.
struct NeutralCalibrator: Sendable {
    let source: NeutralSource
    let settings: CalibrationSettings
    let forwardHint: Vector3
    private(set) var neutral: NeutralPose?
    /// When the calibration stretch began: the first posture is dated from here.
    private(set) var stretchStart: Double = 0
    private var sum = Vector3.zero
    private var count = 0

    init(source: NeutralSource, settings: CalibrationSettings) {
        self.source = source
        self.settings = settings
        if case let .fixed(gravity, forward) = source {
            forwardHint = forward ?? Vector3(1, 0, 0)
            neutral = NeutralPose(up: gravity, forwardHint: forwardHint)
        } else {
            forwardHint = Vector3(1, 0, 0)
        }
    }

    /// Feeds one sample's up estimate (body frame); returns the neutral when it is found.
    mutating func update(time: Double, up: Vector3, quiet: Bool) -> NeutralPose? {
        guard neutral == nil else { return nil }
        switch source {
        case .fixed:
            return nil
        case let .window(start, end):
            if time >= start && time <= end {
                if count == 0 { stretchStart = time }
                sum = sum + up
                count += 1
            }
            if time >= end && count > 0 {
                neutral = NeutralPose(up: sum, forwardHint: forwardHint)
                return neutral
            }
            return nil
        case .automatic:
            var upright = true
            if let tolerance = settings.uprightTolerance {
                upright = angleBetween(up, Vector3(0, 0, 1)) <= tolerance
            }
            guard quiet && upright else {
                count = 0
                sum = .zero
                return nil
            }
            if count == 0 { stretchStart = time }
            sum = sum + up
            count += 1
            if time - stretchStart >= settings.quietDuration {
                neutral = NeutralPose(up: sum, forwardHint: forwardHint)
                return neutral
            }
            return nil
        }
    }
}
