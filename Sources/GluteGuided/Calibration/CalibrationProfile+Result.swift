import GluteCore
import GluteSettings

extension CalibrationProfile {
    /// The profile made from a finished calibration.
    public init(name: String, created: String, result: CalibrationResult, mount: Mount, source: String) {
        self.init(name: name, created: created, up: result.up, forward: result.forward, mount: mount.description,
                  source: source, tiltRangeDeg: result.tipAngle)
    }
}
