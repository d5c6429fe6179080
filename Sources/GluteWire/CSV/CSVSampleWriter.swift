/// Formats samples as CSV text in the DESIGN naming, for `export --csv` and test fixtures.
///
/// Returns strings and does no I/O. The header names units in the column names (`acc_x_g`,
/// `gyro_x_dps`, `mag_x_ut`, `quat_w`, `pressure_0`), times are seconds, every value has a fixed
/// number of decimal places, so `pandas.read_csv` (or `CSVDecoder`) reads the file back
/// without options.
public struct CSVSampleWriter: Sendable, Equatable {
    /// Which columns the file has. Decided before the first line, as a header must be.
    public enum Layout: Sendable, Equatable {
        /// `time_s`, `acc_*_g`, and optionally `gyro_*_dps`, `mag_*_ut`, `quat_*`.
        case imu(gyroscope: Bool, magnetometer: Bool, quaternion: Bool)
        /// `time_s`, `pressure_0`..`pressure_{cells-1}`.
        case pressure(cells: Int)

        /// The layout that keeps everything `sample` carries.
        public static func fitting(_ sample: Sample) -> Layout {
            switch sample {
            case .imu(let s): return .imu(gyroscope: true, magnetometer: s.mag != nil, quaternion: s.quaternion != nil)
            case .pressure(let s): return .pressure(cells: s.cells.count)
            }
        }
    }

    /// Decimal places per quantity.
    public struct Precision: Sendable, Equatable {
        /// Default 6: microseconds.
        public var time = 6
        /// Default 6: micro-g, below any MEMS accelerometer's noise.
        public var accel = 6
        /// Default 4 (0.0001 deg/s).
        public var gyro = 4
        /// Default 3 (1 nT).
        public var mag = 3
        /// Default 6.
        public var quaternion = 6
        /// Default 2 (0.01 Pa).
        public var pressure = 2
        public init() {}
    }

    public let layout: Layout
    public let precision: Precision

    public init(layout: Layout, precision: Precision = Precision()) {
        self.layout = layout
        self.precision = precision
    }

    /// The columns of this layout, in order.
    public var columns: [CSVColumn] {
        var columns: [CSVColumn] = [.time(.seconds)]
        switch layout {
        case .imu(let gyroscope, let magnetometer, let quaternion):
            columns += CSVColumn.Axis.allCases.map { .accel($0, .g) }
            if gyroscope { columns += CSVColumn.Axis.allCases.map { .gyro($0, .degreesPerSecond) } }
            if magnetometer { columns += CSVColumn.Axis.allCases.map { .mag($0) } }
            if quaternion { columns += CSVColumn.QuaternionComponent.allCases.map { .quaternion($0) } }
        case .pressure(let cells):
            columns += (0..<max(cells, 0)).map { .pressure(cell: $0) }
        }
        return columns
    }

    /// The header line, with its newline.
    public var header: String {
        columns.map(\.canonicalName).joined(separator: ",") + "\n"
    }

    /// One line for `sample`, with its newline; nil when the sample does not fit the layout (a
    /// pressure sample in an IMU file, a cushion with another cell count). Absent magnetometer
    /// or quaternion values in a layout that has them are written as zeros.
    public func line(for sample: Sample) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128)
        guard append(sample, to: &bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the line for `sample`, with its newline, to `text` (UTF-8 bytes); false, appending
    /// nothing, when the sample does not fit the layout. `export --csv` writes through this.
    public func append(_ sample: Sample, to text: inout [UInt8]) -> Bool {
        switch (layout, sample) {
        case (.imu(let gyroscope, let magnetometer, let quaternion), .imu(let s)):
            append(s.time, precision.time, first: true, &text)
            append(s.accel, precision.accel, &text)
            if gyroscope { append(s.gyro, precision.gyro, &text) }
            if magnetometer { append(s.mag ?? .zero, precision.mag, &text) }
            if quaternion {
                let q = s.quaternion ?? Quaternion(w: 0, x: 0, y: 0, z: 0)
                append(q.w, precision.quaternion, &text)
                append(q.x, precision.quaternion, &text)
                append(q.y, precision.quaternion, &text)
                append(q.z, precision.quaternion, &text)
            }
        case (.pressure(let cells), .pressure(let s)) where s.cells.count == cells:
            append(s.time, precision.time, first: true, &text)
            for cell in s.cells { append(cell, precision.pressure, &text) }
        default:
            return false
        }
        text.append(0x0A)
        return true
    }

    /// Header plus one line per fitting sample; samples that do not fit are left out.
    public func document(_ samples: [Sample]) -> String {
        var text = header
        for sample in samples {
            if let line = line(for: sample) { text += line }
        }
        return text
    }

    private func append(_ value: Double, _ decimals: Int, first: Bool = false, _ text: inout [UInt8]) {
        if !first { text.append(0x2C) }  // ","
        FixedDecimal.append(value, decimals: decimals, to: &text)
    }

    private func append(_ vector: Vector3, _ decimals: Int, _ text: inout [UInt8]) {
        append(vector.x, decimals, &text)
        append(vector.y, decimals, &text)
        append(vector.z, decimals, &text)
    }
}
