/// What one column of a CSV file (or one Serial Plotter channel) holds, with its unit.
public enum CSVColumn: Sendable, Equatable, Hashable {
    /// A column the decoder does not read (`_`, `skip`, or an unknown header name).
    case ignored
    /// Stream or epoch time.
    case time(TimeUnit)
    /// Specific force along one sensor axis.
    case accel(Axis, AccelUnit)
    /// Angular rate about one sensor axis.
    case gyro(Axis, GyroUnit)
    /// Magnetic field along one sensor axis, in microtesla.
    case mag(Axis)
    /// One component of the on-chip orientation quaternion.
    case quaternion(QuaternionComponent)
    /// The load on one cushion cell, in pascals.
    case pressure(cell: Int)

    public enum Axis: Int, Sendable, Equatable, Hashable, CaseIterable {
        case x = 0, y, z
        var letter: String { ["x", "y", "z"][rawValue] }
    }

    public enum QuaternionComponent: Int, Sendable, Equatable, Hashable, CaseIterable {
        case w = 0, x, y, z
        var letter: String { ["w", "x", "y", "z"][rawValue] }
    }

    public enum TimeUnit: Sendable, Equatable, Hashable {
        case seconds, milliseconds, microseconds, nanoseconds
        /// Units per second. Conversions divide by it: division by an exact power of ten is
        /// correctly rounded (1030 ms gives exactly 1.03 s), multiplication by 1e-3 is not.
        public var perSecond: Double {
            switch self {
            case .seconds: return 1
            case .milliseconds: return 1e3
            case .microseconds: return 1e6
            case .nanoseconds: return 1e9
            }
        }
        var suffix: String {
            switch self {
            case .seconds: return "s"
            case .milliseconds: return "ms"
            case .microseconds: return "us"
            case .nanoseconds: return "ns"
            }
        }
    }

    public enum AccelUnit: Sendable, Equatable, Hashable {
        case g
        case metresPerSecondSquared
        /// Standard gravity, the conversion the DESIGN names (m/s^2 per g).
        public static let standardGravity = 9.80665
        /// The value in g (dividing, so that 9.80665 m/s^2 is exactly 1 g).
        public func inG(_ value: Double) -> Double { self == .g ? value : value / Self.standardGravity }
        var suffix: String { self == .g ? "g" : "mps2" }
    }

    public enum GyroUnit: Sendable, Equatable, Hashable {
        case degreesPerSecond
        case radiansPerSecond
        /// The value in degrees per second.
        public func inDegreesPerSecond(_ value: Double) -> Double {
            self == .degreesPerSecond ? value : value * (180 / Double.pi)
        }
        var suffix: String { self == .degreesPerSecond ? "dps" : "rads" }
    }

    /// The DESIGN name of this column (`acc_x_g`, `gyro_z_rads`, `pressure_3`, `time_ms`).
    public var canonicalName: String {
        switch self {
        case .ignored: return "_"
        case .time(let unit): return "time_" + unit.suffix
        case .accel(let axis, let unit): return "acc_\(axis.letter)_\(unit.suffix)"
        case .gyro(let axis, let unit): return "gyro_\(axis.letter)_\(unit.suffix)"
        case .mag(let axis): return "mag_\(axis.letter)_ut"
        case .quaternion(let component): return "quat_" + component.letter
        case .pressure(let cell): return "pressure_\(cell)"
        }
    }

    /// The column a name stands for, or nil when the name is not one this project reads.
    ///
    /// Case-insensitive; surrounding spaces and one pair of double quotes are ignored. Accepted:
    /// - time: `time_s|ms|us|ns`, `unix_time_s|ms|us|ns`, `timestamp_s|ms|us|ns`, `t` (s),
    ///   `Time (s)` (x-io Fusion);
    /// - accelerometer: `acc_x_g`, `acc_x_mps2`, `accel_x_g`, `accel_x_mps2`, `Accelerometer X (g)`;
    /// - gyroscope: `gyro_x_dps`, `gyro_x_rads`, `gyr_x_dps`, `gyr_x_rads` (mobgap),
    ///   `Gyroscope X (deg/s)`;
    /// - magnetometer: `mag_x_ut`, `Magnetometer X (uT)`;
    /// - quaternion: `quat_w`..`quat_z`;
    /// - pressure: `pressure_N` or `pressure_N_pa` (N from 0 to 1023), pascals;
    /// - Serial Plotter short names: `ax ay az` (g), `gx gy gz` (deg/s), `mx my mz` (uT),
    ///   `qw qx qy qz`, `accx`.. / `accelx`.. (g), `gyrox`.. (deg/s), `magx`.. (uT),
    ///   `ms`/`millis` and `us`/`micros` (time).
    /// Names with an unknown unit (mobgap's `mag_x_undocumented_unit`, `bar_hpa`) are not read.
    public init?(name: String) {
        guard let column = Self.lookUp(Array(name.utf8), from: 0, to: name.utf8.count) else { return nil }
        self = column
    }

    /// Byte-wise lookup, for decoders that must not build a `String` per field.
    static func lookUp(_ bytes: [UInt8], from start: Int, to end: Int) -> CSVColumn? {
        var lower = start
        var upper = end
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        if upper - lower >= 2, bytes[lower] == 0x22, bytes[upper - 1] == 0x22 {
            lower += 1
            upper -= 1
        }
        guard upper > lower, upper - lower <= 40 else { return nil }
        if let cell = pressureCell(bytes, from: lower, to: upper) { return .pressure(cell: cell) }
        for entry in vocabulary where entry.name.count == upper - lower {
            var matches = true
            for k in 0..<entry.name.count where lowercased(bytes[lower + k]) != entry.name[k] {
                matches = false
                break
            }
            if matches { return entry.column }
        }
        return nil
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// Cells beyond this index are taken for a typo rather than a cushion.
    static let maximumPressureCell = 1023

    /// `pressure_N` or `pressure_N_pa`.
    private static func pressureCell(_ bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        let prefix = Array("pressure_".utf8)
        guard end - start > prefix.count else { return nil }
        for k in 0..<prefix.count where lowercased(bytes[start + k]) != prefix[k] { return nil }
        var i = start + prefix.count
        var cell = 0
        var digits = 0
        while i < end, bytes[i] >= 0x30, bytes[i] <= 0x39, digits < 5 {
            cell = cell * 10 + Int(bytes[i] - 0x30)
            digits += 1
            i += 1
        }
        guard digits > 0, cell <= maximumPressureCell else { return nil }
        if i == end { return cell }
        guard end - i == 3, bytes[i] == UInt8(ascii: "_"),
              lowercased(bytes[i + 1]) == UInt8(ascii: "p"), lowercased(bytes[i + 2]) == UInt8(ascii: "a")
        else { return nil }
        return cell
    }

    private struct Entry: Sendable {
        let name: [UInt8]
        let column: CSVColumn
    }

    /// Every accepted name, lowercased, built once.
    private static let vocabulary: [Entry] = {
        var entries: [Entry] = []
        func add(_ name: String, _ column: CSVColumn) { entries.append(Entry(name: Array(name.utf8), column: column)) }
        let timeUnits: [TimeUnit] = [.seconds, .milliseconds, .microseconds, .nanoseconds]
        for unit in timeUnits {
            add("time_" + unit.suffix, .time(unit))
            add("unix_time_" + unit.suffix, .time(unit))
            add("timestamp_" + unit.suffix, .time(unit))
        }
        add("t", .time(.seconds))
        add("time (s)", .time(.seconds))
        add("ms", .time(.milliseconds))
        add("millis", .time(.milliseconds))
        add("us", .time(.microseconds))
        add("micros", .time(.microseconds))
        for axis in Axis.allCases {
            let a = axis.letter
            for unit in [AccelUnit.g, .metresPerSecondSquared] {
                add("acc_\(a)_\(unit.suffix)", .accel(axis, unit))
                add("accel_\(a)_\(unit.suffix)", .accel(axis, unit))
            }
            for unit in [GyroUnit.degreesPerSecond, .radiansPerSecond] {
                add("gyro_\(a)_\(unit.suffix)", .gyro(axis, unit))
                add("gyr_\(a)_\(unit.suffix)", .gyro(axis, unit))
            }
            add("mag_\(a)_ut", .mag(axis))
            add("accelerometer \(a) (g)", .accel(axis, .g))
            add("gyroscope \(a) (deg/s)", .gyro(axis, .degreesPerSecond))
            add("magnetometer \(a) (ut)", .mag(axis))
            add("a\(a)", .accel(axis, .g))
            add("acc\(a)", .accel(axis, .g))
            add("accel\(a)", .accel(axis, .g))
            add("g\(a)", .gyro(axis, .degreesPerSecond))
            add("gyro\(a)", .gyro(axis, .degreesPerSecond))
            add("m\(a)", .mag(axis))
            add("mag\(a)", .mag(axis))
        }
        for component in QuaternionComponent.allCases {
            add("quat_" + component.letter, .quaternion(component))
            add("q" + component.letter, .quaternion(component))
        }
        return entries
    }()
}
