import GluteWire

/// One guided step of the calibration.
public enum CalibrationStep: Int, Sendable, Equatable, CaseIterable {
    /// Stand still, upright: the neutral up direction.
    case standStill = 1
    /// Tip the pelvis forward and hold: the forward direction.
    case tipForward = 2

    /// What to tell the user.
    public var prompt: String {
        switch self {
        case .standStill: return "Stand still and upright, as you normally stand, and keep still."
        case .tipForward: return "Tip your pelvis forward (belt buckle down, bottom out) and hold it there."
        }
    }
}

/// Where a running calibration is, for the prompt and the progress line.
public struct CalibrationProgress: Sendable, Equatable {
    public var step: CalibrationStep
    /// Fraction of the step's required stillness or hold done, 0...1.
    public var fraction: Double
    /// Quiet right now.
    public var quiet: Bool
    /// Angle of the current up direction from the neutral, degrees (step 2 only).
    public var angleFromNeutral: Double?
    /// Stream seconds left before the step times out.
    public var remaining: Double
}

/// What the calibration found.
public struct CalibrationResult: Sendable, Equatable {
    /// Unit up direction of the neutral pelvis, body frame (after the mount remap).
    public var up: Vector3
    /// Unit forward direction, perpendicular to `up`, body frame.
    public var forward: Vector3
    /// The tip measured in step 2: the angle between the neutral and the held tip, degrees.
    public var tipAngle: Double
    /// Angle between the neutral up and the mount's up axis (body z), degrees.
    public var upOffsetFromMount: Double
    /// Angle between the derived forward and the mount's forward axis (body x), degrees.
    public var forwardOffsetFromMount: Double
    /// Stream times of the still stretch and of the hold.
    public var stillStretch: ClosedRange<Double>
    public var hold: ClosedRange<Double>
}

/// Why a calibration failed; `description` is the message for the user.
public struct CalibrationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: String, Sendable, Equatable {
        case timeout, movedTooMuch, tippedTooFar, tippedBackward
    }
    public var reason: Reason
    public var step: CalibrationStep
    public var description: String
}

/// The calibration's state after a sample.
public enum CalibrationState: Sendable, Equatable {
    case running(CalibrationProgress)
    case finished(CalibrationResult)
    case failed(CalibrationFailure)
}
