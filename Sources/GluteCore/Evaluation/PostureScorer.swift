/// Scores a posture timeline against labelled activities (the HAPT convention: walking,
/// walking_upstairs, walking_downstairs, sitting, standing, lying and the six `x_to_y` transitions).
/// Unlabelled time is not scored.
///
/// - sitting share: of the labelled `sitting` time, the share classified sitting.
/// - upright share: of the labelled standing and walking (stairs included) time, the share
///   classified as a known posture other than sitting.
/// - transitions: the `stand_to_sit` labels matched by a change to sitting, and the `sit_to_stand`
///   labels matched by a change from sitting to standing or walking, whose start lies within the
///   label's span widened by `tolerance` seconds on each side.
/// - false changes: posture changes (not the first posture) that begin inside a labelled static span (sitting, standing,
///   lying) more than `tolerance` from its ends, per 10 minutes of labelled static time.
public enum PostureScorer {
    public static let staticActivities: Set<String> = ["sitting", "standing", "lying"]
    public static let uprightActivities: Set<String> = ["standing", "walking", "walking_upstairs", "walking_downstairs"]

    public static func score(labels: [LabelledSpan], timeline: PostureTimeline, tolerance: Double = 3) -> PostureScore {
        var score = PostureScore()
        for span in labels {
            switch span.activity {
            case "sitting":
                score.sittingSeconds += span.duration
                score.sittingCorrect += timeline.duration(from: span.start, to: span.end) { $0 == .sitting }
            case let activity where uprightActivities.contains(activity):
                score.uprightSeconds += span.duration
                score.uprightCorrect += timeline.duration(from: span.start, to: span.end) { $0 != nil && $0 != .sitting }
            default:
                break
            }
            if staticActivities.contains(span.activity) {
                score.staticSeconds += span.duration
                score.falseChanges += timeline.changes.filter {
                    $0.previous != nil && $0.time > span.start + tolerance && $0.time < span.end - tolerance
                }.count
            }
            let window = (span.start - tolerance)...(span.end + tolerance)
            if span.activity == "stand_to_sit" {
                score.transitions += 1
                if timeline.changes.contains(where: { window.contains($0.time) && $0.posture == .sitting }) {
                    score.transitionsMatched += 1
                }
            } else if span.activity == "sit_to_stand" {
                score.transitions += 1
                if timeline.changes.contains(where: { window.contains($0.time) && $0.previous == .sitting && $0.posture.isUpright }) {
                    score.transitionsMatched += 1
                }
            }
        }
        return score
    }
}

/// The result of `PostureScorer`, with the raw seconds and counts so that scores can be pooled.
public struct PostureScore: Sendable, Equatable {
    public var sittingSeconds = 0.0
    public var sittingCorrect = 0.0
    public var uprightSeconds = 0.0
    public var uprightCorrect = 0.0
    public var transitions = 0
    public var transitionsMatched = 0
    public var falseChanges = 0
    public var staticSeconds = 0.0

    public init() {}

    /// Share of labelled sitting time classified sitting (nil without sitting labels).
    public var sittingShare: Double? { sittingSeconds > 0 ? sittingCorrect / sittingSeconds : nil }
    /// Share of labelled standing and walking time classified as not sitting.
    public var uprightShare: Double? { uprightSeconds > 0 ? uprightCorrect / uprightSeconds : nil }
    /// Share of stand_to_sit and sit_to_stand labels matched by a posture change.
    public var transitionShare: Double? { transitions > 0 ? Double(transitionsMatched) / Double(transitions) : nil }
    /// False posture changes per 10 minutes of labelled static activity.
    public var falseChangesPer10Minutes: Double? { staticSeconds > 0 ? Double(falseChanges) / staticSeconds * 600 : nil }

    /// Two scores pooled (sums of seconds and counts).
    public static func + (a: PostureScore, b: PostureScore) -> PostureScore {
        var s = a
        s.sittingSeconds += b.sittingSeconds
        s.sittingCorrect += b.sittingCorrect
        s.uprightSeconds += b.uprightSeconds
        s.uprightCorrect += b.uprightCorrect
        s.transitions += b.transitions
        s.transitionsMatched += b.transitionsMatched
        s.falseChanges += b.falseChanges
        s.staticSeconds += b.staticSeconds
        return s
    }
}
