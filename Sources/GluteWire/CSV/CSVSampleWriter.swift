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
        var text = TextBuffer(capacity: 256)
        guard append(sample, to: &text) else { return nil }
        return String(decoding: text.bytes, as: UTF8.self)
    }

    /// Appends the line for `sample`, with its newline, to `text`; false, appending nothing,
    /// when the sample does not fit the layout. `export --csv` writes through this.
    public func append(_ sample: Sample, to text: inout TextBuffer) -> Bool {
        let p = precision
        switch (layout, sample) {
        case (.imu(let gyroscope, let magnetometer, let quaternion), .imu(let s)):
            text.row(maxBytes: 18 * (FixedDecimal.maxLength + 1)) { out in
                out.fixed(s.time, decimals: p.time)
                CSVSampleWriter.append(s.accel, p.accel, &out)
                if gyroscope { CSVSampleWriter.append(s.gyro, p.gyro, &out) }
                if magnetometer { CSVSampleWriter.append(s.mag ?? .zero, p.mag, &out) }
                if quaternion {
                    let q = s.quaternion ?? Quaternion(w: 0, x: 0, y: 0, z: 0)
                    CSVSampleWriter.append(q.w, p.quaternion, &out)
                    CSVSampleWriter.append(q.x, p.quaternion, &out)
                    CSVSampleWriter.append(q.y, p.quaternion, &out)
                    CSVSampleWriter.append(q.z, p.quaternion, &out)
                }
                out.byte(0x0A)
            }
        case (.pressure(let cells), .pressure(let s)) where s.cells.count == cells:
            text.row(maxBytes: (cells + 2) * (FixedDecimal.maxLength + 1)) { out in
                out.fixed(s.time, decimals: p.time)
                for cell in s.cells { CSVSampleWriter.append(cell, p.pressure, &out) }
                out.byte(0x0A)
            }
        default:
            return false
        }
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

    /// A comma and the value (places clamped to `FixedDecimal.maxDecimals`).
    private static func append(_ value: Double, _ decimals: Int, _ out: inout TextCursor) {
        out.byte(0x2C)  // ","
        out.fixed(value, decimals: decimals)
    }

    private static func append(_ vector: Vector3, _ decimals: Int, _ out: inout TextCursor) {
        append(vector.x, decimals, &out)
        append(vector.y, decimals, &out)
        append(vector.z, decimals, &out)
    }
}
