import GluteWire

/// The seat's pressure field under a seated body, sampled at the cells' positions.
///
/// The load is a sum of Gaussian bumps per side: the ischial tuberosity (sit bone, the highest
/// peak, ~6 kPa), the buttock's soft tissue around it (~2 kPa, broad) and the thigh (~2.5 kPa,
/// forward). Squeezing a side firms that buttock: its bumps rise by 40 % at full strength while
/// the thighs unload a little as the pelvis lifts. Leaning sideways (obliquity) or rocking the
/// pelvis forward moves load between sides and rows. Breathing modulates the whole load by 1.5 %.
/// An empty seat reads noise around 0, clipped at 0 (cells measure compression only).
public enum CushionModel {
    /// The default 8-cell layout: 2 rows of 4, in millimetres from the seat centre (x forward,
    /// y left). Cells 0-3 are the rear row at x = -50 (under the sit bones), 4-7 the front row at
    /// x = +100 (under the thighs); within a row, from the left edge to the right:
    /// y = +150, +55, -55, -150. Cells 1 and 2 sit under the left and right ischial tuberosities.
    public static let standardLayout: [DeviceInfo.Cell] = [
        DeviceInfo.Cell(x: -50, y: 150), DeviceInfo.Cell(x: -50, y: 55),
        DeviceInfo.Cell(x: -50, y: -55), DeviceInfo.Cell(x: -50, y: -150),
        DeviceInfo.Cell(x: 100, y: 150), DeviceInfo.Cell(x: 100, y: 55),
        DeviceInfo.Cell(x: 100, y: -55), DeviceInfo.Cell(x: 100, y: -150),
    ]

    struct Bump {
        var x: Double, y: Double, peak: Double, sigma: Double
        func pressure(atX cx: Double, y cy: Double) -> Double {
            let dx = cx - x, dy = cy - y
            return peak * exponential(-(dx * dx + dy * dy) / (2 * sigma * sigma))
        }
        /// The same bump on the left (sign +1, as defined) or mirrored to the right (sign -1).
        func mirrored(_ sign: Double) -> Bump { Bump(x: x, y: sign * y, peak: peak, sigma: sigma) }
    }

    static let sitBone = Bump(x: -50, y: 60, peak: 6000, sigma: 40)
    static let buttock = Bump(x: -40, y: 85, peak: 2000, sigma: 80)
    static let thigh = Bump(x: 110, y: 95, peak: 2500, sigma: 70)

    /// The noise-free load on a cell at (x, y) mm for the given body pose, in Pa.
    static func pressure(atX x: Double, y: Double, pose: BodyPose, breathing: Double) -> Double {
        guard pose.seatLoad > 0 else { return 0 }
        // Obliquity and forward rocking relative to the seated pose redistribute the load.
        let lateral = 0.04 * pose.obliquityDeg
        let forward = pose.tiltDeg - BodyPose.seatedTiltDeg
        let frontFactor = max(0, 1 + 0.02 * forward) * (1 - 0.15 * max(pose.squeezeLeft, pose.squeezeRight))
        let rearFactor = max(0, 1 - 0.01 * forward)
        // Each side mirrors the other: sign +1 is the left (y > 0), -1 the right.
        func side(_ sign: Double, own: Double, other: Double) -> Double {
            let sideFactor = max(0, 1 + sign * lateral)
            let firm = 1 + 0.4 * own - 0.05 * other
            let rear = sitBone.mirrored(sign).pressure(atX: x, y: y) + buttock.mirrored(sign).pressure(atX: x, y: y)
            let front = thigh.mirrored(sign).pressure(atX: x, y: y)
            return sideFactor * (rear * rearFactor * firm + front * frontFactor)
        }
        let total = side(1, own: pose.squeezeLeft, other: pose.squeezeRight)
            + side(-1, own: pose.squeezeRight, other: pose.squeezeLeft)
        return total * pose.seatLoad * breathing
    }
}
