import GluteSim

// See CorePosture.swift: this file sees only GluteSim's `Posture`.
/// The script's posture (standing, sitting, walking).
typealias ScriptPosture = Posture
