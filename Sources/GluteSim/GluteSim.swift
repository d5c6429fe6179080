/// GluteSim renders scenarios of a pelvis-worn IMU and a seat cushion into samples: the
/// virtual sensor's physics, seeded and deterministic.
public enum GluteSim {}
