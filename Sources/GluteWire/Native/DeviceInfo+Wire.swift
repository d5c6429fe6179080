/// Payload of `deviceInfo` (0x01):
/// ```
/// 0   u8   firmware major        1  u8  firmware minor     2  u16 firmware patch
/// 4   u8   sensors: bit 0 accel, 1 gyro, 2 magnetometer, 3 on-chip quaternion, 4 pressure
/// 5   u8   accelerometer full scale, g
/// 6   u16  gyroscope full scale, deg/s
/// 8   u16  magnetometer full scale, uT (0: none)
/// 10  u16  IMU sample rate, Hz        12  u16 pressure sample rate, Hz
/// 14  i8 x3  mount: sensor axis pointing body forward, left, up (+1/+2/+3 = +X/+Y/+Z, negative for -)
/// 17  u8   pressure cell count N, then N x (i16 x_mm, i16 y_mm) from the seat centre, x forward, y left
/// ..  u8   serial number length, UTF-8 bytes (<= 32)
/// ..  u8   product name length, UTF-8 bytes (<= 32)
/// ```
extension DeviceInfo {
    public static let maxTextBytes = 32
    public static let maxCells = 32

    public func encode() -> [UInt8] {
        var w = ByteWriter(capacity: 96)
        w.u8(firmwareMajor)
        w.u8(firmwareMinor)
        w.u16(firmwarePatch)
        w.u8(sensors.rawValue)
        w.u8(accelRangeG)
        w.u16(gyroRangeDPS)
        w.u16(magRangeMicrotesla)
        w.u16(imuRateHz)
        w.u16(pressureRateHz)
        for i in 0..<3 { w.i8(i < mount.count ? mount[i] : Int8(i + 1)) }
        let cellsToSend = cells.prefix(DeviceInfo.maxCells)
        w.u8(UInt8(cellsToSend.count))
        for c in cellsToSend { w.i16(c.x); w.i16(c.y) }
        w.shortString(serial, maxBytes: DeviceInfo.maxTextBytes)
        w.shortString(name, maxBytes: DeviceInfo.maxTextBytes)
        return w.bytes
    }

    public init?(payload: ArraySlice<UInt8>) {
        var r = ByteReader(payload)
        guard let major = r.u8(), let minor = r.u8(), let patch = r.u16(), let sensors = r.u8(),
              let accel = r.u8(), let gyro = r.u16(), let mag = r.u16(), let imuRate = r.u16(),
              let pressureRate = r.u16(), let m0 = r.i8(), let m1 = r.i8(), let m2 = r.i8(),
              let cellCount = r.u8(), Int(cellCount) <= DeviceInfo.maxCells else { return nil }
        var cells: [Cell] = []
        for _ in 0..<cellCount {
            guard let x = r.i16(), let y = r.i16() else { return nil }
            cells.append(Cell(x: x, y: y))
        }
        guard let serial = r.shortString(), let name = r.shortString() else { return nil }
        self.init(firmwareMajor: major, firmwareMinor: minor, firmwarePatch: patch,
                  sensors: Sensors(rawValue: sensors), accelRangeG: accel, gyroRangeDPS: gyro,
                  magRangeMicrotesla: mag, imuRateHz: imuRate, pressureRateHz: pressureRate,
                  mount: [m0, m1, m2], cells: cells, serial: serial, name: name)
    }
}
