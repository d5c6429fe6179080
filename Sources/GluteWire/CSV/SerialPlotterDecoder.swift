/// Settings of the Serial Plotter decoder.
public struct SerialPlotterSettings: Sendable, Equatable {
    /// Where stream time starts when lines carry a time channel. Default `.default`: a board's
    /// `millis()` is kept, epoch times are rebased to the first sample.
    public var timeOrigin: TimeOrigin
    /// Longer lines are reported as bad and skipped. Default 1024 bytes.
    public var maximumLineLength: Int
    /// More values on one line are reported as a bad line. Default 64.
    public var maximumValuesPerLine: Int

    public init(timeOrigin: TimeOrigin = .default, maximumLineLength: Int = 1024, maximumValuesPerLine: Int = 64) {
        self.timeOrigin = timeOrigin
        self.maximumLineLength = maximumLineLength
        self.maximumValuesPerLine = maximumValuesPerLine
    }
}

/// Decodes the text an Arduino sketch prints for the IDE's Serial Plotter.
///
/// A line holds values separated by spaces, tabs or commas, each either `label:value` or a bare
/// (positional) value. Labels are the CSV column names (`acc_x_g`, `gyro_z_rads`, `time_ms`,
/// `pressure_3`, ...) and a few short ones sketches use: `ax ay az` / `accX`.. / `accelX`.. (g),
/// `gx gy gz` / `gyroX`.. (deg/s), `mx my mz` / `magX`.. (uT), `qw qx qy qz`, `t` (s),
/// `ms`/`millis`, `us`/`micros` (case-insensitive; see `CSVColumn(name:)`). Other labels
/// (`temp:23.5`) are ignored. Bare values are named, in order, by the column list given at init,
/// or else by a legend line: a line of names only (`ax ay az gx gy gz`), as IDE 1.x sketches
/// print first.
///
/// Which lines count as bad: a line is taken for data when it has a `label:value` pair or starts
/// like a number (digit, sign, or point before a digit). A data line that fails (a value that is
/// not a number, the wrong number of bare values, bare values without a column list, a sensor
/// with some axes missing, no accelerometer and no pressure channel) is a `.badLine` anomaly.
/// Any other line (banners such as `MPU6050 found!`, `Acceleration X: 0.1, Y: ...`) is free text:
/// skipped and counted in `textLines`, never an anomaly, since sketches print such lines freely.
///
/// Time: from a time channel when the line has one (32-bit `millis()`/`micros()` wrap-around
/// undone), else the `hostTime` of the chunk that completed the line.
public struct SerialPlotterDecoder: StreamDecoder {
    public let protocolName = "plotter"
    public let settings: SerialPlotterSettings
    public private(set) var statistics = DecoderStatistics()
    /// Names for bare values: given at init, or read from a legend line.
    public private(set) var positionalColumns: CSVColumns?
    /// Free-text lines skipped (banners, prose).
    public private(set) var textLines = 0
    /// Whether the last IMU sample carried gyroscope values (false: its gyro is zero, not measured).
    public private(set) var hasGyroscope = false

    private let columnsWereGiven: Bool
    private var assembler: TextLineAssembler
    private var parser = DecimalParser()
    private var row = SampleRow()
    private var rebaser: TimeRebaser
    private var tokenStarts: [Int] = []
    private var tokenEnds: [Int] = []
    private var previousRawTime: Double?
    private var wrapOffset: Double = 0

    public init(columns: CSVColumns? = nil, settings: SerialPlotterSettings = SerialPlotterSettings()) {
        self.settings = settings
        self.positionalColumns = columns
        self.columnsWereGiven = columns != nil
        self.assembler = TextLineAssembler(maximumLength: settings.maximumLineLength)
        self.rebaser = TimeRebaser(origin: settings.timeOrigin)
        tokenStarts.reserveCapacity(settings.maximumValuesPerLine + 1)
        tokenEnds.reserveCapacity(settings.maximumValuesPerLine + 1)
    }

    public mutating func feed(_ bytes: ArraySlice<UInt8>, hostTime: Double, emit: (DecoderOutput) -> Void) {
        for byte in bytes {
            if let completion = assembler.push(byte) {
                handleLine(completion, hostTime: hostTime, emit: emit)
            }
        }
    }

    public mutating func finish(hostTime: Double, emit: (DecoderOutput) -> Void) {
        if let completion = assembler.finish() {
            handleLine(completion, hostTime: hostTime, emit: emit)
        }
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == UInt8(ascii: ",")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func handleLine(_ completion: TextLineAssembler.Completion, hostTime: Double,
                                     emit: (DecoderOutput) -> Void) {
        let number = assembler.lineNumber
        let line = assembler.line
        if case .tooLong = completion {
            report("line \(number): longer than \(assembler.maximumLength) bytes", emit)
            return
        }
        // Tokens, separators collapsed.
        tokenStarts.removeAll(keepingCapacity: true)
        tokenEnds.removeAll(keepingCapacity: true)
        var index = 0
        var tooMany = false
        while index < line.count {
            while index < line.count, Self.isSeparator(line[index]) { index += 1 }
            guard index < line.count else { break }
            let start = index
            while index < line.count, !Self.isSeparator(line[index]) { index += 1 }
            if tokenStarts.count == settings.maximumValuesPerLine {
                tooMany = true
                break
            }
            tokenStarts.append(start)
            tokenEnds.append(index)
        }
        guard !tokenStarts.isEmpty else { return }

        var hasPair = false
        for k in 0..<tokenStarts.count where labelValueSplit(line, k) != nil {
            hasPair = true
            break
        }
        guard hasPair || Self.startsLikeNumber(line, tokenStarts[0], tokenEnds[0]) else {
            if !columnsWereGiven, let legend = legend(line) {
                positionalColumns = legend
            } else {
                textLines += 1
            }
            return
        }
        if tooMany {
            report("line \(number): more than \(settings.maximumValuesPerLine) values", emit)
            return
        }
        decodeData(line, lineNumber: number, hostTime: hostTime, emit: emit)
    }

    /// For token k, the index of a colon with text on both sides.
    private func labelValueSplit(_ line: [UInt8], _ k: Int) -> Int? {
        let start = tokenStarts[k], end = tokenEnds[k]
        var colon = start
        while colon < end, line[colon] != UInt8(ascii: ":") { colon += 1 }
        guard colon > start, colon < end - 1 else { return nil }
        return colon
    }

    private static func startsLikeNumber(_ line: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var i = start
        if i < end, line[i] == UInt8(ascii: "-") || line[i] == UInt8(ascii: "+") { i += 1 }
        if i < end, line[i] == UInt8(ascii: ".") { i += 1 }
        return i < end && isDigit(line[i])
    }

    /// A line of column names only, as a legend for bare values.
    private func legend(_ line: [UInt8]) -> CSVColumns? {
        var names: [String] = []
        for k in 0..<tokenStarts.count {
            let text = String(decoding: line[tokenStarts[k]..<tokenEnds[k]], as: UTF8.self)
            guard text == "_" || CSVColumn.lookUp(line, from: tokenStarts[k], to: tokenEnds[k]) != nil else { return nil }
            names.append(text)
        }
        return try? CSVColumns(names: names, unknownIsError: true)
    }

    private mutating func decodeData(_ line: [UInt8], lineNumber: Int, hostTime: Double,
                                     emit: (DecoderOutput) -> Void) {
        guard let positional = fillRow(line, lineNumber: lineNumber, emit: emit),
              rowIsComplete(positional: positional, lineNumber: lineNumber, emit: emit) else { return }
        emitRow(lineNumber: lineNumber, hostTime: hostTime, emit: emit)
    }

    /// Parses every token of the line into `row`: labelled ones by their label, bare ones by the
    /// column list. The number of bare values, or nil once a token was reported.
    private mutating func fillRow(_ line: [UInt8], lineNumber: Int, emit: (DecoderOutput) -> Void) -> Int? {
        row.reset()
        var positional = 0
        for k in 0..<tokenStarts.count {
            let start = tokenStarts[k], end = tokenEnds[k]
            let column: CSVColumn
            let valueStart: Int
            if let colon = labelValueSplit(line, k) {
                column = CSVColumn.lookUp(line, from: start, to: colon) ?? .ignored
                valueStart = colon + 1
            } else {
                if let columns = positionalColumns, positional < columns.fieldCount {
                    column = columns.columns[positional]
                } else {
                    column = .ignored
                }
                positional += 1
                valueStart = start
            }
            guard let value = parser.parse(line, from: valueStart, to: end) else {
                let text = String(decoding: line[start..<end], as: UTF8.self)
                report("line \(lineNumber): '\(text)' is not a number", emit)
                return nil
            }
            if let problem = CSVValueRange.problem(column, value) {
                let text = String(decoding: line[start..<end], as: UTF8.self)
                report("line \(lineNumber): '\(text)' \(problem)", emit)
                return nil
            }
            guard row.set(column, value) else {
                report("line \(lineNumber): \(column.canonicalName) given twice", emit)
                return nil
            }
        }
        return positional
    }

    /// Whether the filled row makes whole samples; reports why not.
    private mutating func rowIsComplete(positional: Int, lineNumber: Int, emit: (DecoderOutput) -> Void) -> Bool {
        if positional > 0 {
            guard let columns = positionalColumns else {
                report("line \(lineNumber): \(positional) unlabelled values and no column list "
                       + "(print label:value pairs, a legend line, or give --columns)", emit)
                return false
            }
            guard positional == columns.fieldCount else {
                report("line \(lineNumber): \(positional) values, expected \(columns.fieldCount)", emit)
                return false
            }
        }
        if let sensor = row.incompleteSensor {
            report("line \(lineNumber): \(sensor) incomplete", emit)
            return false
        }
        guard row.hasAccel || row.hasPressure else {
            report("line \(lineNumber): no accelerometer or pressure channel", emit)
            return false
        }
        return true
    }

    /// Stamps the complete row (its own clock, unwrapped and rebased, or the host's) and emits
    /// its samples.
    private mutating func emitRow(lineNumber: Int, hostTime: Double, emit: (DecoderOutput) -> Void) {
        let time: Double
        if let unit = row.timeUnit {
            time = rebaser.seconds(raw: unwrapped(row.rawTime, unit), perSecond: unit.perSecond)
            guard ValueRanges.streamSeconds.contains(time) else {
                report("line \(lineNumber): time \(ValueRanges.shortText(time)) s after the first sample is out of range "
                    + "(\(ValueRanges.describe(ValueRanges.streamSeconds)) s)", emit)
                return
            }
        } else {
            time = hostTime
        }
        statistics.frames += 1
        if row.hasAccel {
            hasGyroscope = row.hasGyro
            statistics.samples += 1
            emit(.sample(.imu(row.imuSample(time: time))))
        }
        if row.hasPressure {
            statistics.samples += 1
            emit(.sample(.pressure(row.pressureSample(time: time))))
        }
    }

    /// Undoes the wrap of Arduino's 32-bit `millis()` (49.7 days) and `micros()` (71.6 min).
    private mutating func unwrapped(_ raw: Double, _ unit: CSVColumn.TimeUnit) -> Double {
        guard unit == .milliseconds || unit == .microseconds else { return raw }
        let range = 4_294_967_296.0
        if let previous = previousRawTime, previous - raw > range / 2, previous < range {
            wrapOffset += range
        }
        previousRawTime = raw
        return raw + wrapOffset
    }

    private mutating func report(_ detail: String, _ emit: (DecoderOutput) -> Void) {
        let anomaly = DecoderAnomaly(.badLine, detail: detail)
        statistics.record(anomaly)
        emit(.anomaly(anomaly))
    }
}
