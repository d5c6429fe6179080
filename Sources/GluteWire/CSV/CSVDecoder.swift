/// Settings of the CSV decoder.
public struct CSVDecoderSettings: Sendable, Equatable {
    /// Where stream time starts when the file has a time column. Default: `.default` (keep
    /// stream seconds, rebase epoch times to the first sample).
    public var timeOrigin: TimeOrigin
    /// Longer lines are reported as bad and skipped. Default 4096 bytes.
    public var maximumLineLength: Int

    public init(timeOrigin: TimeOrigin = .default, maximumLineLength: Int = 4096) {
        self.timeOrigin = timeOrigin
        self.maximumLineLength = maximumLineLength
    }
}

/// Decodes CSV text (DESIGN "CSV in and out") into samples.
///
/// The first line that is neither blank nor a `#` comment is the header, unless columns were
/// given (a `--columns` list); with columns given, a first line whose first field is a word
/// rather than a number is taken for a header and skipped (`skippedHeaderLine`). Every data
/// line gives an `IMUSample` when the columns hold an accelerometer and a `PressureSample` when
/// they hold pressure cells (both when they hold both). Lines with the wrong number of fields
/// or a field that is not a number are reported as `.badLine` with their line number and
/// skipped. Without a time column a sample takes the `hostTime` of the chunk that completed its
/// line.
///
/// A header that cannot be used (no sensor columns, a file without a header and no column list)
/// stops the decoder: `error` says why, one `.malformed` anomaly reports it, and later lines are
/// ignored.
public struct CSVDecoder: StreamDecoder {
    public let protocolName = "csv"
    public let settings: CSVDecoderSettings
    public private(set) var statistics = DecoderStatistics()
    /// The column map in use: given at init, or read from the header.
    public private(set) var columns: CSVColumns?
    /// Set when the header or the first line made the file unreadable.
    public private(set) var error: CSVError?
    /// True when a header line was skipped because columns were given.
    public private(set) var skippedHeaderLine = false
    /// Lines ignored after `error` was set.
    public private(set) var ignoredLines = 0

    /// False for accel-only files (their samples carry a zero gyroscope).
    public var hasGyroscope: Bool { columns?.hasGyroscope ?? false }

    /// The file time (seconds) of the first sample when time was rebased to start at zero;
    /// add it to a sample's time to get the file's time back (Unix time for epoch columns).
    public var removedTimeOffset: Double? {
        guard let unit = columns?.timeUnit else { return nil }
        return rebaser.removedOffset(perSecond: unit.perSecond)
    }

    private let columnsWereGiven: Bool
    private var assembler: TextLineAssembler
    private var parser = DecimalParser()
    private var row = SampleRow()
    private var rebaser: TimeRebaser
    private var sawContentLine = false

    /// - Parameters:
    ///   - columns: the column map for a file without a header; nil to read the header row.
    public init(columns: CSVColumns? = nil, settings: CSVDecoderSettings = CSVDecoderSettings()) {
        self.settings = settings
        self.columns = columns
        self.columnsWereGiven = columns != nil
        self.assembler = TextLineAssembler(maximumLength: settings.maximumLineLength)
        self.rebaser = TimeRebaser(origin: settings.timeOrigin)
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

    private mutating func handleLine(_ completion: TextLineAssembler.Completion, hostTime: Double,
                                     emit: (DecoderOutput) -> Void) {
        let number = assembler.lineNumber
        if error != nil {
            ignoredLines += 1
            return
        }
        if case .tooLong = completion {
            report(.badLine, "line \(number): longer than \(assembler.maximumLength) bytes", emit)
            return
        }
        let line = assembler.line
        var start = 0
        while start < line.count, TextField.isSpace(line[start]) { start += 1 }
        if start == line.count || line[start] == UInt8(ascii: "#") { return }

        let firstLine = !sawContentLine
        sawContentLine = true
        guard let columns else {
            readHeader(line, lineNumber: number, emit: emit)
            return
        }
        if firstLine, columnsWereGiven, TextField.startsWithWord(line, from: start) {
            skippedHeaderLine = true
            return
        }
        decodeData(line, columns: columns, lineNumber: number, hostTime: hostTime, emit: emit)
    }

    private mutating func readHeader(_ line: [UInt8], lineNumber: Int, emit: (DecoderOutput) -> Void) {
        let (start, end) = TextField.bounds(line, field: 0)
        if parser.parse(line, from: start, to: end) != nil {
            fail(.missingHeader(line: lineNumber), emit)
            return
        }
        do {
            columns = try CSVColumns(header: String(decoding: line, as: UTF8.self))
        } catch {
            fail(error, emit)
        }
    }

    private mutating func decodeData(_ line: [UInt8], columns: CSVColumns, lineNumber: Int, hostTime: Double,
                                     emit: (DecoderOutput) -> Void) {
        var fieldCount = 1
        for byte in line where byte == UInt8(ascii: ",") { fieldCount += 1 }
        guard fieldCount == columns.fieldCount else {
            report(.badLine, "line \(lineNumber): \(fieldCount) fields, expected \(columns.fieldCount)", emit)
            return
        }
        row.reset()
        var fieldStart = 0
        for index in 0..<fieldCount {
            var fieldEnd = fieldStart
            while fieldEnd < line.count, line[fieldEnd] != UInt8(ascii: ",") { fieldEnd += 1 }
            let column = columns.columns[index]
            if column != .ignored {
                let (lower, upper) = TextField.trim(line, from: fieldStart, to: fieldEnd)
                guard let value = parser.parse(line, from: lower, to: upper) else {
                    let text = String(decoding: line[lower..<upper], as: UTF8.self)
                    report(.badLine, "line \(lineNumber): \(columns.names[index]) '\(text)' is not a number", emit)
                    return
                }
                if let problem = CSVValueRange.problem(column, value) {
                    let text = String(decoding: line[lower..<upper], as: UTF8.self)
                    report(.badLine, "line \(lineNumber): \(columns.names[index]) '\(text)' \(problem)", emit)
                    return
                }
                _ = row.set(column, value)
            }
            fieldStart = fieldEnd + 1
        }
        let time: Double
        if let unit = row.timeUnit {
            time = rebaser.seconds(raw: row.rawTime, perSecond: unit.perSecond)
            guard ValueRanges.streamSeconds.contains(time) else {
                report(.badLine, "line \(lineNumber): time \(ValueRanges.shortText(time)) s after the first sample is out of range "
                    + "(\(ValueRanges.describe(ValueRanges.streamSeconds)) s)", emit)
                return
            }
        } else {
            time = hostTime
        }
        statistics.frames += 1
        if row.hasAccel {
            statistics.samples += 1
            emit(.sample(.imu(row.imuSample(time: time))))
        }
        if row.hasPressure {
            statistics.samples += 1
            emit(.sample(.pressure(row.pressureSample(time: time))))
        }
    }

    private mutating func fail(_ error: CSVError, _ emit: (DecoderOutput) -> Void) {
        self.error = error
        report(.malformed, error.description, emit)
    }

    private mutating func report(_ kind: DecoderAnomaly.Kind, _ detail: String, _ emit: (DecoderOutput) -> Void) {
        let anomaly = DecoderAnomaly(kind, detail: detail)
        statistics.record(anomaly)
        emit(.anomaly(anomaly))
    }
}
