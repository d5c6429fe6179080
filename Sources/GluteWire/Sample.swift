/// A three-axis reading in the sensor frame. Frozen and inlinable: it is on every per-sample
/// path, and cross-module calls there cost more than the arithmetic.
@frozen
public struct Vector3: Sendable, Equatable, Hashable, Codable {
    public var x: Double
    public var y: Double
    public var z: Double

    @inlinable
    public init(_ x: Double, _ y: Double, _ z: Double) {
        self.x = x; self.y = y; self.z = z
    }

    public static let zero = Vector3(0, 0, 0)

    @inlinable public var norm: Double { (x * x + y * y + z * z).squareRoot() }

    @inlinable public static func + (a: Vector3, b: Vector3) -> Vector3 { Vector3(a.x + b.x, a.y + b.y, a.z + b.z) }
    @inlinable public static func - (a: Vector3, b: Vector3) -> Vector3 { Vector3(a.x - b.x, a.y - b.y, a.z - b.z) }
    @inlinable public static func * (a: Vector3, s: Double) -> Vector3 { Vector3(a.x * s, a.y * s, a.z * s) }
    @inlinable public static func dot(_ a: Vector3, _ b: Vector3) -> Double { a.x * b.x + a.y * b.y + a.z * b.z }
    @inlinable public static func cross(_ a: Vector3, _ b: Vector3) -> Vector3 {
        Vector3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
    }
}

/// A unit quaternion (w first), rotating the sensor frame into the earth frame.
@frozen
public struct Quaternion: Sendable, Equatable, Hashable, Codable {
    public var w: Double
    public var x: Double
    public var y: Double
    public var z: Double

    @inlinable
    public init(w: Double, x: Double, y: Double, z: Double) {
        self.w = w; self.x = x; self.y = y; self.z = z
    }

    public static let identity = Quaternion(w: 1, x: 0, y: 0, z: 0)
}

/// One inertial reading with its device time in seconds (unwrapped, monotonic within a stream).
///
/// Units: acceleration in g (specific force: +1 g on the axis pointing up when still), angular
/// rate in degrees per second, magnetic field in microtesla. `quaternion` is present when the
/// sensor fuses on chip.
public struct IMUSample: Sendable, Equatable {
    public var time: Double
    public var accel: Vector3
    public var gyro: Vector3
    public var mag: Vector3?
    public var quaternion: Quaternion?

    public init(time: Double, accel: Vector3, gyro: Vector3, mag: Vector3? = nil, quaternion: Quaternion? = nil) {
        self.time = time
        self.accel = accel
        self.gyro = gyro
        self.mag = mag
        self.quaternion = quaternion
    }
}

/// One reading of a seat pressure cushion: the load on each cell in pascals, in the cell order
/// that the device info's layout gives.
public struct PressureSample: Sendable, Equatable {
    public var time: Double
    public var cells: [Double]

    public init(time: Double, cells: [Double]) {
        self.time = time
        self.cells = cells
    }
}

/// A sample from any source, in stream time.
public enum Sample: Sendable, Equatable {
    case imu(IMUSample)
    case pressure(PressureSample)

    public var time: Double {
        switch self {
        case .imu(let s): return s.time
        case .pressure(let s): return s.time
        }
    }
}
