/// The values of one text line, gathered field by field, then turned into samples.
///
/// Reused from line to line so that a line costs no allocation (except the cell array a
/// `PressureSample` needs).
struct SampleRow: Sendable {
    var accel = Vector3.zero
    var gyro = Vector3.zero
    var mag = Vector3.zero
    var quaternion = Quaternion.identity
    var rawTime: Double = 0
    var timeUnit: CSVColumn.TimeUnit?
    private(set) var accelAxes: UInt8 = 0
    private(set) var gyroAxes: UInt8 = 0
    private(set) var magAxes: UInt8 = 0
    private(set) var quaternionComponents: UInt8 = 0
    private var cells: [Double] = []
    private var cellPresent: [Bool] = []
    /// One past the highest cell index set in this row.
    private(set) var cellCount = 0

    mutating func reset() {
        accelAxes = 0
        gyroAxes = 0
        magAxes = 0
        quaternionComponents = 0
        timeUnit = nil
        for index in 0..<cellCount { cellPresent[index] = false }
        cellCount = 0
    }

    /// Stores a value; returns false when this row already had a value for that quantity.
    mutating func set(_ column: CSVColumn, _ value: Double) -> Bool {
        switch column {
        case .ignored:
            return true
        case .time(let unit):
            guard timeUnit == nil else { return false }
            timeUnit = unit
            rawTime = value
        case .accel(let axis, let unit):
            guard Self.claim(&accelAxes, axis.rawValue) else { return false }
            Self.store(&accel, axis, unit.inG(value))
        case .gyro(let axis, let unit):
            guard Self.claim(&gyroAxes, axis.rawValue) else { return false }
            Self.store(&gyro, axis, unit.inDegreesPerSecond(value))
        case .mag(let axis):
            guard Self.claim(&magAxes, axis.rawValue) else { return false }
            Self.store(&mag, axis, value)
        case .quaternion(let component):
            guard Self.claim(&quaternionComponents, component.rawValue) else { return false }
            switch component {
            case .w: quaternion.w = value
            case .x: quaternion.x = value
            case .y: quaternion.y = value
            case .z: quaternion.z = value
            }
        case .pressure(let cell):
            while cells.count <= cell {
                cells.append(0)
                cellPresent.append(false)
            }
            guard !cellPresent[cell] else { return false }
            cellPresent[cell] = true
            cells[cell] = value
            cellCount = max(cellCount, cell + 1)
        }
        return true
    }

    var hasAccel: Bool { accelAxes == 0b111 }
    var hasGyro: Bool { gyroAxes == 0b111 }
    var hasMag: Bool { magAxes == 0b111 }
    var hasQuaternion: Bool { quaternionComponents == 0b1111 }
    var hasPressure: Bool { cellCount > 0 }

    /// The name of a sensor whose axes are only partly present, if any (Serial Plotter lines
    /// choose their channels freely; CSV columns are checked up front).
    var incompleteSensor: String? {
        if accelAxes != 0, !hasAccel { return "accelerometer" }
        if gyroAxes != 0, !hasGyro { return "gyroscope" }
        if magAxes != 0, !hasMag { return "magnetometer" }
        if quaternionComponents != 0, !hasQuaternion { return "quaternion" }
        if let gap = (0..<cellCount).first(where: { !cellPresent[$0] }) { return "pressure_\(gap)" }
        return nil
    }

    func imuSample(time: Double) -> IMUSample {
        IMUSample(time: time, accel: accel, gyro: hasGyro ? gyro : .zero,
                  mag: hasMag ? mag : nil, quaternion: hasQuaternion ? quaternion : nil)
    }

    func pressureSample(time: Double) -> PressureSample {
        PressureSample(time: time, cells: Array(cells[0..<cellCount]))
    }

    @inline(__always)
    private static func claim(_ mask: inout UInt8, _ bit: Int) -> Bool {
        let flag: UInt8 = 1 << UInt8(bit)
        guard mask & flag == 0 else { return false }
        mask |= flag
        return true
    }

    @inline(__always)
    private static func store(_ vector: inout Vector3, _ axis: CSVColumn.Axis, _ value: Double) {
        switch axis {
        case .x: vector.x = value
        case .y: vector.y = value
        case .z: vector.z = value
        }
    }
}
