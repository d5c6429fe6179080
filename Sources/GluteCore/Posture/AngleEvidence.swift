/// Which of sitting and standing a quiet pelvis angle supports, on its own. Angles in degrees from
/// the upright neutral (0 = the user's standing or walking pelvis).
///
/// Standing pelvises of one person differ by up to about 12 degrees between bouts, their seated
/// pelvises by much more (a chair, the edge of a bed), and a shallow sit reads like standing. So
/// the evidence is one-sided where it must be:
/// - sitting: further from upright than `fallback`, or, once the user's own sitting angle is known
///   and at least `separation` from upright, than three quarters of it (never less than
///   `separation`) and nearer their sitting direction than upright (`toLearned`, degrees from
///   the learned seated up direction: an anterior tilt while standing leans the other way);
/// - standing: only from within a sitting bout that settled at least `separation` from upright,
///   when the pelvis has come back to within a quarter of that angle (the user stood up).
enum AngleEvidence {
    static func posture(angle: Double, current: Posture, learnedSitting: Double?, toLearned: @autoclosure () -> Double?,
                        boutAngle: Double?, separation: Double, fallback: Double) -> Posture? {
        switch current {
        case .standing:
            if angle > fallback { return .sitting }
            // `toLearned` (an arctangent) only once the angle alone has not decided.
            if let learnedSitting, learnedSitting >= separation, angle > max(learnedSitting * 0.75, separation),
               let toLearned = toLearned(), toLearned < angle {
                return .sitting
            }
            return nil
        case .sitting:
            guard let boutAngle, boutAngle >= separation else { return nil }
            return angle < boutAngle / 4 ? .standing : nil
        case .walking, .lying:
            return nil
        }
    }
}
