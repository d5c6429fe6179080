/// What a device says about itself: firmware, serial number, sensors, rates, ranges, mounting and
/// the layout of its pressure cells.
public struct DeviceInfo: Sendable, Equatable {
    public struct Sensors: OptionSet, Sendable, Equatable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let accelerometer = Sensors(rawValue: 1 << 0)
        public static let gyroscope = Sensors(rawValue: 1 << 1)
        public static let magnetometer = Sensors(rawValue: 1 << 2)
        public static let quaternion = Sensors(rawValue: 1 << 3)
        public static let pressure = Sensors(rawValue: 1 << 4)
    }

    /// Where a pressure cell sits on the seat, in millimetres from the seat centre, x forward, y left.
    public struct Cell: Sendable, Equatable {
        public var x: Int16
        public var y: Int16
        public init(x: Int16, y: Int16) { self.x = x; self.y = y }
    }

    public var firmwareMajor: UInt8
    public var firmwareMinor: UInt8
    public var firmwarePatch: UInt16
    public var sensors: Sensors
    public var accelRangeG: UInt8
    public var gyroRangeDPS: UInt16
    public var magRangeMicrotesla: UInt16
    public var imuRateHz: UInt16
    public var pressureRateHz: UInt16
    /// For body x (forward), y (left), z (up): the sensor axis that points that way, as
    /// +1/+2/+3 for +X/+Y/+Z and -1/-2/-3 for the negative axes.
    public var mount: [Int8]
    public var cells: [Cell]
    public var serial: String
    public var name: String

    public init(firmwareMajor: UInt8, firmwareMinor: UInt8, firmwarePatch: UInt16, sensors: Sensors,
                accelRangeG: UInt8, gyroRangeDPS: UInt16, magRangeMicrotesla: UInt16,
                imuRateHz: UInt16, pressureRateHz: UInt16, mount: [Int8], cells: [Cell],
                serial: String, name: String) {
        self.firmwareMajor = firmwareMajor
        self.firmwareMinor = firmwareMinor
        self.firmwarePatch = firmwarePatch
        self.sensors = sensors
        self.accelRangeG = accelRangeG
        self.gyroRangeDPS = gyroRangeDPS
        self.magRangeMicrotesla = magRangeMicrotesla
        self.imuRateHz = imuRateHz
        self.pressureRateHz = pressureRateHz
        self.mount = mount
        self.cells = cells
        self.serial = serial
        self.name = name
    }
}
