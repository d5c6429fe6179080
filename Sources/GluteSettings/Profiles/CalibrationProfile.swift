import GluteCore
import GluteWire

/// A saved calibration: the neutral pelvis of one person wearing one sensor one way.
///
/// `up` and `forward` are unit vectors in the body frame of `mount` (the `--mount` in effect when
/// it was made). Stored as JSON with snake_case keys; `schema` is 1.
public struct CalibrationProfile: Sendable, Equatable, Codable {
    public var schema: Int
    public var name: String
    /// When it was made, ISO-8601 wall time.
    public var created: String
    /// Unit up direction of the neutral pelvis (what a still sensor reads in neutral, normalised).
    public var up: Vector3
    /// Unit forward direction, perpendicular to `up`.
    public var forward: Vector3
    /// The mount, in `--mount` syntax.
    public var mount: String
    /// The source it was measured on (a device path, `sim:tilt`, ...).
    public var source: String
    /// The forward tip the user held during calibration, degrees.
    public var tiltRangeDeg: Double

    package enum CodingKeys: String, CodingKey {
        case schema, name, created, up, forward, mount, source
        case tiltRangeDeg = "tilt_range_deg"
    }

    public init(name: String, created: String, up: Vector3, forward: Vector3, mount: String, source: String, tiltRangeDeg: Double) {
        schema = 1
        self.name = name
        self.created = created
        self.up = up
        self.forward = forward
        self.mount = mount
        self.source = source
        self.tiltRangeDeg = tiltRangeDeg
    }

    /// Checks what a hand-edited or damaged file could get wrong; returns the problem, or nil.
    public var problem: String? {
        guard schema == 1 else { return "schema \(schema) is not supported (this glutebridge reads schema 1)" }
        for (label, v) in [("up", up), ("forward", forward)] {
            guard v.x.isFinite, v.y.isFinite, v.z.isFinite, v.norm > 0.5, v.norm < 1.5 else {
                return "'\(label)' must be a unit vector, not (\(v.x), \(v.y), \(v.z))"
            }
        }
        guard abs(Vector3.dot(up, forward)) / (up.norm * forward.norm) < 0.2 else {
            return "'up' and 'forward' must be perpendicular"
        }
        do { _ = try Mount(parsing: mount) } catch { return "\(error)" }
        return nil
    }

    /// The neutral for a pipeline running with `current` as its mount: the profile's vectors,
    /// moved from the profile's mount frame into `current`'s through the sensor frame.
    public func neutralSource(for current: Mount) throws(MountParseError) -> NeutralSource {
        let saved = try Mount(parsing: mount)
        guard saved != current else { return .fixed(gravity: up, forward: forward) }
        return .fixed(gravity: current.bodyVector(saved.sensorVector(fromBody: up)),
                      forward: current.bodyVector(saved.sensorVector(fromBody: forward)))
    }
}

extension Mount {
    /// The sensor-frame vector whose body-frame image is `body`: a mount is a rotation, so its
    /// inverse is its transpose, whose rows are the body images of the sensor axes.
    package func sensorVector(fromBody body: Vector3) -> Vector3 {
        Vector3(Vector3.dot(body, bodyVector(Vector3(1, 0, 0))),
                Vector3.dot(body, bodyVector(Vector3(0, 1, 0))),
                Vector3.dot(body, bodyVector(Vector3(0, 0, 1))))
    }
}
