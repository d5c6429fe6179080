import GluteCore

/// Leave-one-subject-out over the HAPT recordings: each setting the evaluation chooses from data is
/// chosen on the other subjects only, then used to score the subject left out. So every figure is
/// one of a person the classifier was not fitted to.
///
/// The one setting chosen this way is the fallback sitting angle (`PostureSettings.sittingAngle`:
/// how far from upright a quiet pelvis must be to count as sitting before the user's own sitting
/// angle is known); the candidates span what a seated pelvis does (15-30 degrees of posterior
/// rotation), the product's default first, so that a tie keeps the default and the figures are
/// those a user gets. Everything else is a documented default.
public enum HAPTCrossValidation {
    public static let candidateSittingAngles: [Double] = [PostureSettings().sittingAngle, 15, 20, 30]

    public struct Fold: Sendable {
        public var subject: String
        /// The fallback sitting angle chosen on the other subjects.
        public var sittingAngle: Double
        public var runs: [RecordingEvaluation.HAPTRun]
        public var score: PostureScore { runs.reduce(PostureScore()) { $0 + $1.score } }
    }

    /// How good a pooled score is, for choosing: the three shares, less a tenth per false change
    /// per 10 minutes.
    static func merit(_ s: PostureScore) -> Double {
        (s.sittingShare ?? 0) + (s.uprightShare ?? 0) + (s.transitionShare ?? 0) - 0.1 * (s.falseChangesPer10Minutes ?? 0)
    }

    /// Runs every recording with every candidate, then for each subject picks the candidate with
    /// the best pooled merit over the other subjects (ties: the candidate listed first, the default).
    public static func run(directory: String, names: [String], base: PipelineSettings = PipelineSettings()) throws -> [Fold] {
        var runs: [Double: [RecordingEvaluation.HAPTRun]] = [:]
        for angle in candidateSittingAngles {
            var settings = RecordingEvaluation.haptSettings(base)
            settings.posture.sittingAngle = angle
            runs[angle] = try names.map { try RecordingEvaluation.runHAPT(directory: directory, name: $0, settings: settings) }
        }
        var subjects: [String] = []
        for name in names where !subjects.contains(RecordingEvaluation.subject(of: name)) {
            subjects.append(RecordingEvaluation.subject(of: name))
        }
        return subjects.map { subject in
            var best = candidateSittingAngles[0]
            var bestMerit = -Double.infinity
            for angle in candidateSittingAngles {
                let training = (runs[angle] ?? []).filter { RecordingEvaluation.subject(of: $0.name) != subject }
                let m = merit(training.reduce(PostureScore()) { $0 + $1.score })
                if m > bestMerit { bestMerit = m; best = angle }
            }
            let held = (runs[best] ?? []).filter { RecordingEvaluation.subject(of: $0.name) == subject }
            return Fold(subject: subject, sittingAngle: best, runs: held)
        }
    }
}
