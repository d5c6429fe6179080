/// Which of sitting and standing a quiet pelvis angle supports, on its own.
///
/// The angle is measured from the upright neutral (0 = the user's standing or walking pelvis).
/// Once the user's own sitting angle is known and lies at least `separation` from upright, the
/// angle supports whichever of the two it is clearly nearer (beyond the midpoint by a quarter of
/// the gap); before that, only an angle beyond `fallback` supports sitting, and nothing supports
/// standing (a shallow sitter and a stander read alike).
enum AngleEvidence {
    static func posture(angle: Double, sitting: Double?, separation: Double, fallback: Double) -> Posture? {
        if let sitting, sitting >= separation {
            let midpoint = sitting / 2
            let margin = sitting / 4
            if angle > midpoint + margin { return .sitting }
            if angle < midpoint - margin { return .standing }
            return nil
        }
        return angle > fallback ? .sitting : nil
    }
}
