/// GluteSim renders scenarios of a pelvis-worn IMU and a seat cushion into samples: the virtual
/// sensor's physics, seeded and deterministic. Start with `VirtualSensor` and `Scenario`.
public enum GluteSim {
    /// Version of the simulation model; bump it when the same seed stops giving the same samples.
    public static let modelVersion = 1
}
