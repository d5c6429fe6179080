/// Why a CSV header or column list cannot be read. `description` is one line, for the terminal.
public enum CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `--columns` list named a column this project does not know.
    case unknownColumn(String)
    /// Two columns hold the same quantity.
    case duplicateColumn(String)
    /// More than one time column.
    case multipleTimeColumns(String, String)
    /// Some but not all axes (or quaternion components) of a sensor are present.
    case incompleteVector(present: String, missing: String)
    /// Gyroscope, magnetometer or quaternion columns without the accelerometer they go with.
    case missingAccelerometer(present: String)
    /// Pressure cells must be numbered 0..N-1 without holes.
    case missingPressureCell(Int)
    /// Neither an accelerometer nor a pressure column.
    case noSensorColumns
    /// The column list was empty.
    case emptyColumnList
    /// The first line of the file holds numbers, not names, and no column list was given.
    case missingHeader(line: Int)

    public var description: String {
        switch self {
        case .unknownColumn(let name):
            return "unknown column '\(name)': use acc_x_g|acc_x_mps2, gyro_x_dps|gyro_x_rads, mag_x_ut, "
                + "quat_w..quat_z, pressure_N, time_s|time_ms|time_us, or _ to skip"
        case .duplicateColumn(let name):
            return "column '\(name)' appears twice"
        case .multipleTimeColumns(let first, let second):
            return "two time columns, '\(first)' and '\(second)': keep one and mark the other _"
        case .incompleteVector(let present, let missing):
            return "column '\(present)' needs '\(missing)' too"
        case .missingAccelerometer(let present):
            return "column '\(present)' needs accelerometer columns acc_x, acc_y, acc_z"
        case .missingPressureCell(let cell):
            return "pressure cells must be numbered from 0 without gaps: pressure_\(cell) is missing"
        case .noSensorColumns:
            return "no sensor columns: need acc_x/acc_y/acc_z (e.g. acc_x_g) or pressure_0.."
        case .emptyColumnList:
            return "the column list is empty"
        case .missingHeader(let line):
            return "line \(line) holds numbers, not column names: give the columns, "
                + "e.g. --columns time_s,acc_x_g,acc_y_g,acc_z_g"
        }
    }
}
