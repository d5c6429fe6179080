import GluteWire

/// How the sensor is worn: which sensor axis points forward, left and up on the body.
///
/// Syntax (the `--mount` option): three comma-separated signed axis names giving, in order, the
/// sensor axis that points body-forward, body-left and body-up. `x,y,z` (the default) is the sensor
/// worn as the README shows; `-y,x,z` is the sensor turned 90 degrees about its z axis (its -y points
/// forward, its x left); `z,-y,x` is a phone clipped upright to the belt, screen forward, whose x
/// points up. Spaces and a leading `+` are accepted. A mount must name each axis once and must be
/// a rotation (a mirror image would turn left into right), else parsing fails.
public struct Mount: Sendable, Equatable, CustomStringConvertible {
    /// One body axis: the sensor axis index (0 = x, 1 = y, 2 = z) and its sign.
    public struct Axis: Sendable, Equatable {
        public var index: Int
        public var sign: Double
    }

    public let forward: Axis
    public let left: Axis
    public let up: Axis

    /// The default mount: sensor x forward, y left, z up.
    public static let standard = Mount(uncheckedForward: Axis(index: 0, sign: 1), left: Axis(index: 1, sign: 1),
                                       up: Axis(index: 2, sign: 1))

    private init(uncheckedForward forward: Axis, left: Axis, up: Axis) {
        self.forward = forward
        self.left = left
        self.up = up
    }

    /// Parses the `--mount` syntax; throws a `MountParseError` that explains what is wrong.
    public init(parsing text: String) throws(MountParseError) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw MountParseError(text: text, reason: "expected three axes, e.g. x,y,z") }
        var axes: [Axis] = []
        for part in parts {
            var name = Substring(part.filter { $0 != " " })
            var sign = 1.0
            if name.first == "-" { sign = -1; name = name.dropFirst() } else if name.first == "+" { name = name.dropFirst() }
            let index: Int
            switch name.lowercased() {
            case "x": index = 0
            case "y": index = 1
            case "z": index = 2
            default: throw MountParseError(text: text, reason: "'\(part)' is not an axis (x, y, z with an optional sign)")
            }
            axes.append(Axis(index: index, sign: sign))
        }
        guard Set(axes.map(\.index)).count == 3 else {
            throw MountParseError(text: text, reason: "each of x, y, z must appear once")
        }
        let candidate = Mount(uncheckedForward: axes[0], left: axes[1], up: axes[2])
        // forward x left must be up in a right-handed frame; otherwise the mount mirrors the body.
        let f = candidate.sensorVector(of: candidate.forward)
        let l = candidate.sensorVector(of: candidate.left)
        let u = candidate.sensorVector(of: candidate.up)
        guard Vector3.dot(Vector3.cross(f, l), u) > 0 else {
            throw MountParseError(text: text, reason: "the axes form a mirror image; flip the sign of one axis")
        }
        self = candidate
    }

    private func sensorVector(of axis: Axis) -> Vector3 {
        var v = Vector3.zero
        switch axis.index {
        case 0: v.x = axis.sign
        case 1: v.y = axis.sign
        default: v.z = axis.sign
        }
        return v
    }

    private static func component(_ v: Vector3, _ axis: Axis) -> Double {
        switch axis.index {
        case 0: return v.x * axis.sign
        case 1: return v.y * axis.sign
        default: return v.z * axis.sign
        }
    }

    /// A sensor-frame vector expressed in the body frame (x forward, y left, z up).
    @inline(__always)
    public func bodyVector(_ sensor: Vector3) -> Vector3 {
        Vector3(Mount.component(sensor, forward), Mount.component(sensor, left), Mount.component(sensor, up))
    }

    /// The sample with accel, gyro and mag remapped into the body frame. An on-chip quaternion is
    /// dropped: it describes the sensor frame, and the pipeline does not use it.
    /// The standard mount passes vectors through unchanged (a component times +1 is itself), so
    /// it skips the per-axis remapping.
    @inline(__always)
    public func bodySample(_ sample: IMUSample) -> IMUSample {
        if self == .standard {
            return IMUSample(time: sample.time, accel: sample.accel, gyro: sample.gyro, mag: sample.mag, quaternion: nil)
        }
        return IMUSample(time: sample.time, accel: bodyVector(sample.accel), gyro: bodyVector(sample.gyro),
                  mag: sample.mag.map(bodyVector), quaternion: nil)
    }

    public var description: String {
        func name(_ a: Axis) -> String { (a.sign < 0 ? "-" : "") + ["x", "y", "z"][a.index] }
        return "\(name(forward)),\(name(left)),\(name(up))"
    }
}

/// Why a `--mount` string was rejected.
public struct MountParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String { "invalid mount '\(text)': \(reason)" }
}
