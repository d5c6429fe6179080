import GluteCore

// GluteCore and GluteSim each define `Posture` and an enum named like the module, so
// `GluteCore.Posture` does not resolve; this file sees only GluteCore's.
/// The pipeline's posture (sitting, standing, walking, lying).
typealias CorePosture = Posture
