// The elementary functions (sin, cos, atan2, asin) come from swift-numerics' RealModule.
import RealModule

/// The Euler angles a WitMotion sensor reports, in degrees: roll about x, pitch about y, yaw
/// about z, applied in the order z-y-x (yaw first), as WitMotion documents.
public struct WitMotionAngles: Sendable, Equatable {
    public var roll: Double
    public var pitch: Double
    public var yaw: Double

    public init(roll: Double, pitch: Double, yaw: Double) {
        self.roll = roll
        self.pitch = pitch
        self.yaw = yaw
    }

    /// The rotation from the sensor frame into the sensor's earth frame,
    /// q = Rz(yaw) * Ry(pitch) * Rx(roll), w first.
    public var quaternion: Quaternion {
        let halfRadians = Double.pi / 360
        let (sr, cr) = (Double.sin(roll * halfRadians), Double.cos(roll * halfRadians))
        let (sp, cp) = (Double.sin(pitch * halfRadians), Double.cos(pitch * halfRadians))
        let (sy, cy) = (Double.sin(yaw * halfRadians), Double.cos(yaw * halfRadians))
        return Quaternion(w: cr * cp * cy + sr * sp * sy,
                          x: sr * cp * cy - cr * sp * sy,
                          y: cr * sp * cy + sr * cp * sy,
                          z: cr * cp * sy - sr * sp * cy)
    }

    /// The angles of a rotation (the inverse of `quaternion`; pitch within +-90 degrees).
    public init(_ q: Quaternion) {
        let degrees = 180 / Double.pi
        roll = Double.atan2(y: 2 * (q.w * q.x + q.y * q.z), x: 1 - 2 * (q.x * q.x + q.y * q.y)) * degrees
        pitch = Double.asin(max(-1, min(1, 2 * (q.w * q.y - q.z * q.x)))) * degrees
        yaw = Double.atan2(y: 2 * (q.w * q.z + q.x * q.y), x: 1 - 2 * (q.y * q.y + q.z * q.z)) * degrees
    }

    /// Roll and pitch of a still sensor from its accelerometer (yaw unknown, zero): what the
    /// encoder reports for a sample without a quaternion.
    public init(gravity accel: Vector3) {
        let degrees = 180 / Double.pi
        roll = Double.atan2(y: accel.y, x: accel.z) * degrees
        pitch = Double.atan2(y: -accel.x, x: (accel.y * accel.y + accel.z * accel.z).squareRoot()) * degrees
        yaw = 0
    }
}
