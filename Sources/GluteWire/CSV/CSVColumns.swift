/// The meaning of every field of a CSV line: parsed from a header row or a `--columns` list.
public struct CSVColumns: Sendable, Equatable {
    /// The names as written, one per field.
    public let names: [String]
    /// What each field holds; `.ignored` for skipped and unknown columns.
    public let columns: [CSVColumn]
    /// Index of the time field, if any.
    public let timeField: Int?
    /// Unit of the time field, if any.
    public let timeUnit: CSVColumn.TimeUnit?
    public let hasAccelerometer: Bool
    /// False for accel-only files: their samples carry a zero gyroscope, which the core must not
    /// trust.
    public let hasGyroscope: Bool
    public let hasMagnetometer: Bool
    public let hasQuaternion: Bool
    /// Number of pressure cells (0 when the file has none).
    public let pressureCellCount: Int

    public var fieldCount: Int { columns.count }

    /// Reads a header row. Unknown names are ignored (files carry extra columns such as mobgap's
    /// `sample` or `bar_hpa`); known ones must make complete sensors.
    public init(header: String) throws(CSVError) {
        try self.init(names: Self.split(header), unknownIsError: false)
    }

    /// Reads a comma-separated column list for a file without a header (`--columns`). Every
    /// name must be known; `_` or `skip` skips a field.
    public init(list: String) throws(CSVError) {
        let names = Self.split(list)
        if names.allSatisfy({ $0.isEmpty }) { throw .emptyColumnList }
        try self.init(names: names, unknownIsError: true)
    }

    init(names: [String], unknownIsError: Bool) throws(CSVError) {
        let fields = try Self.assignFields(names, unknownIsError: unknownIsError)
        let sensors = try Self.completeSensors(named: fields.seen)
        let cells = try Self.pressureCellCount(fields.columns, named: fields.seen)
        guard sensors.accelerometer || cells > 0 else { throw .noSensorColumns }

        self.names = names
        self.columns = fields.columns
        self.timeField = fields.timeField
        self.timeUnit = fields.timeUnit
        self.hasAccelerometer = sensors.accelerometer
        self.hasGyroscope = sensors.gyroscope
        self.hasMagnetometer = sensors.magnetometer
        self.hasQuaternion = sensors.quaternion
        self.pressureCellCount = cells
    }

    /// What each name means, and the name each quantity was first given (`seen`, keyed by
    /// `quantity(of:)`), so that later checks can name the column they complain about.
    private static func assignFields(_ names: [String], unknownIsError: Bool) throws(CSVError)
        -> (columns: [CSVColumn], seen: [CSVColumn: String], timeField: Int?, timeUnit: CSVColumn.TimeUnit?) {
        var columns: [CSVColumn] = []
        var seen: [CSVColumn: String] = [:]
        var timeField: Int?
        var timeUnit: CSVColumn.TimeUnit?
        for (index, name) in names.enumerated() {
            let trimmed = name.lowercased()
            if trimmed == "_" || trimmed == "skip" || (!unknownIsError && trimmed.isEmpty) {
                columns.append(.ignored)
                continue
            }
            guard let column = CSVColumn(name: name) else {
                if unknownIsError { throw .unknownColumn(name) }
                columns.append(.ignored)
                continue
            }
            let key = Self.quantity(of: column)
            if let earlier = seen[key] {
                if case .time = column { throw .multipleTimeColumns(earlier, name) }
                throw .duplicateColumn(name)
            }
            seen[key] = name
            if case .time(let unit) = column {
                timeField = index
                timeUnit = unit
            }
            columns.append(column)
        }
        return (columns, seen, timeField, timeUnit)
    }

    /// Which vector sensors the columns make: each all of its axes or none, and none of them
    /// without the accelerometer.
    private static func completeSensors(named seen: [CSVColumn: String]) throws(CSVError)
        -> (accelerometer: Bool, gyroscope: Bool, magnetometer: Bool, quaternion: Bool) {
        func present(_ column: CSVColumn) -> String? { seen[Self.quantity(of: column)] }
        func complete(_ members: [CSVColumn], names missingNames: [String]) throws(CSVError) -> Bool {
            let found = members.map(present)
            guard let first = found.compactMap({ $0 }).first else { return false }
            if let gap = found.firstIndex(where: { $0 == nil }) {
                throw .incompleteVector(present: first, missing: missingNames[gap])
            }
            return true
        }
        let axes = CSVColumn.Axis.allCases
        let hasAccelerometer = try complete(axes.map { .accel($0, .g) }, names: ["acc_x", "acc_y", "acc_z"])
        let hasGyroscope = try complete(axes.map { .gyro($0, .degreesPerSecond) }, names: ["gyro_x", "gyro_y", "gyro_z"])
        let hasMagnetometer = try complete(axes.map { .mag($0) }, names: ["mag_x_ut", "mag_y_ut", "mag_z_ut"])
        let hasQuaternion = try complete(CSVColumn.QuaternionComponent.allCases.map { .quaternion($0) },
                                         names: ["quat_w", "quat_x", "quat_y", "quat_z"])
        if !hasAccelerometer {
            for vector in [CSVColumn.gyro(.x, .degreesPerSecond), .mag(.x), .quaternion(.w)] {
                if let name = present(vector) { throw .missingAccelerometer(present: name) }
            }
        }
        return (hasAccelerometer, hasGyroscope, hasMagnetometer, hasQuaternion)
    }

    /// The number of pressure cells; they must be numbered 0, 1, ... without a gap.
    private static func pressureCellCount(_ columns: [CSVColumn], named seen: [CSVColumn: String]) throws(CSVError) -> Int {
        var cells = 0
        var highest = -1
        for column in columns {
            if case .pressure(let cell) = column {
                cells += 1
                highest = max(highest, cell)
            }
        }
        if cells != highest + 1 {
            let missing = (0...highest).first { seen[Self.quantity(of: .pressure(cell: $0))] == nil } ?? 0
            throw .missingPressureCell(missing)
        }
        return cells
    }

    /// The quantity a column measures, whatever its unit: two columns for one quantity clash.
    static func quantity(of column: CSVColumn) -> CSVColumn {
        switch column {
        case .time: return .time(.seconds)
        case .accel(let axis, _): return .accel(axis, .g)
        case .gyro(let axis, _): return .gyro(axis, .degreesPerSecond)
        default: return column
        }
    }

    /// Splits at commas; trims spaces and one pair of double quotes from every name.
    static func split(_ text: String) -> [String] {
        text.split(separator: ",", omittingEmptySubsequences: false).map { field in
            var name = Substring(field)
            while let first = name.first, first == " " || first == "\t" || first == "\r" { name = name.dropFirst() }
            while let last = name.last, last == " " || last == "\t" || last == "\r" { name = name.dropLast() }
            if name.count >= 2, name.first == "\"", name.last == "\"" { name = name.dropFirst().dropLast() }
            return String(name)
        }
    }
}
