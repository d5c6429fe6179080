import GluteCore

/// The article's self-tests, in the order `check` runs them.
public enum SelfTestStep: String, CaseIterable, Sendable {
    case beltLine = "belt_line"
    case leftLeg = "left_leg"
    case rightLeg = "right_leg"
    case squeezeLeft = "squeeze_left"
    case squeezeRight = "squeeze_right"

    /// What the user is asked to do.
    public var prompt: String {
        switch self {
        case .beltLine: return "Belt line: stand relaxed, as you usually stand, and keep still."
        case .leftLeg: return "Single-leg raise: lift your LEFT foot off the floor (knee forward) and hold."
        case .rightLeg: return "Single-leg raise: lower it; now lift your RIGHT foot off the floor and hold."
        case .squeezeLeft: return "Squeeze: on both feet (or seated on the cushion), squeeze your LEFT buttock as hard as you can and hold."
        case .squeezeRight: return "Squeeze: release; now squeeze your RIGHT buttock and hold."
        }
    }

    /// The leg lifted, for the leg raises.
    public var liftedSide: Side? {
        switch self {
        case .leftLeg: return .left
        case .rightLeg: return .right
        default: return nil
        }
    }

    /// The side asked to squeeze, for the squeezes.
    public var squeezeSide: Side? {
        switch self {
        case .squeezeLeft: return .left
        case .squeezeRight: return .right
        default: return nil
        }
    }
}
