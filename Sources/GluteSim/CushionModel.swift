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
    /// The default 8-cell layout, the same as GluteCore's `CushionLayout.standard`: 2 columns (left,
    /// right) by 4 rows from front to back, 100 mm apart, in millimetres from the seat centre
    /// (x forward, y left). Cell i is in row i / 2 at x = 150 - 100 * (i / 2) and column i % 2 at
    /// y = +100 (left) for even i, -100 (right) for odd i. Cells 0-3 (x = +150, +50) lie under the
    /// thighs; 4 and 5 (x = -50) under the left and right sit bones, the highest load; 6 and 7
    /// (x = -150) under the back of the buttocks.
    public static let standardLayout: [DeviceInfo.Cell] = [
        DeviceInfo.Cell(x: 150, y: 100), DeviceInfo.Cell(x: 150, y: -100),
        DeviceInfo.Cell(x: 50, y: 100), DeviceInfo.Cell(x: 50, y: -100),
        DeviceInfo.Cell(x: -50, y: 100), DeviceInfo.Cell(x: -50, y: -100),
        DeviceInfo.Cell(x: -150, y: 100), DeviceInfo.Cell(x: -150, y: -100),
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

    // Left-side bumps, mm and Pa; the right side mirrors them.
    static let sitBone = Bump(x: -70, y: 60, peak: 6000, sigma: 50)
    static let buttock = Bump(x: -60, y: 85, peak: 2000, sigma: 80)
    static let thigh = Bump(x: 110, y: 95, peak: 2500, sigma: 70)

    /// One side's contribution at (x, y): sign +1 is the left (y > 0), -1 the right (mirrored).
    private static func side(_ sign: Double, own: Double, other: Double, lateral: Double, x: Double, y: Double)
        -> (rear: Double, front: Double) {
        let sideFactor = max(0, 1 + sign * lateral)
        let firm = 1 + 0.4 * own - 0.05 * other
        let rear = sitBone.mirrored(sign).pressure(atX: x, y: y) + buttock.mirrored(sign).pressure(atX: x, y: y)
        let front = thigh.mirrored(sign).pressure(atX: x, y: y)
        return (sideFactor * firm * rear, sideFactor * front)
    }

    /// The noise-free load on a cell at (x, y) mm for the given body pose, in Pa.
    static func pressure(atX x: Double, y: Double, pose: BodyPose, breathing: Double) -> Double {
        guard pose.seatLoad > 0 else { return 0 }
        // Obliquity and forward rocking relative to the seated pose redistribute the load.
        let lateral = 0.04 * pose.obliquityDeg
        let forward = pose.tiltDeg - BodyPose.seatedTiltDeg
        let frontFactor = max(0, 1 + 0.02 * forward) * (1 - 0.15 * max(pose.squeezeLeft, pose.squeezeRight))
        let rearFactor = max(0, 1 - 0.01 * forward)
        let left = side(1, own: pose.squeezeLeft, other: pose.squeezeRight, lateral: lateral, x: x, y: y)
        let right = side(-1, own: pose.squeezeRight, other: pose.squeezeLeft, lateral: lateral, x: x, y: y)
        let total = (left.rear + right.rear) * rearFactor + (left.front + right.front) * frontFactor
        return total * pose.seatLoad * breathing
    }
}
