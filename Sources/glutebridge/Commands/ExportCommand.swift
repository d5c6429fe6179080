import ArgumentParser
import GluteCore
import GluteDevices
import GluteLog
import GluteSession
import GluteWire

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the samples or the orientation of a recording as CSV.",
        discussion: """
        --csv writes the decoded samples with the README's column names (time_s,
        acc_x_g ..., gyro_x_dps ..., mag_x_ut ..., pressure_0 ...), ready for
        pandas.read_csv. A CSV has one set of columns: a recording with both the
        IMU and the cushion gives the first sample's sensor unless --sensor picks
        one, and the other sensor's samples are counted on standard error.
        --orientation runs the orientation filter and writes
        time_s,roll_deg,pitch_deg,yaw_deg,qw,qx,qy,qz in the sensor frame (Euler
        angles in Fusion's ZYX convention).

        Examples:
          glutebridge export session.gbcap --csv -o session.csv
          glutebridge export session.gbcap --csv --sensor cushion -o seat.csv
          glutebridge export sensor_data.csv --orientation --preset fusion-6axis --sample-rate 100
        """
    )

    @Argument(help: ArgumentHelp("Capture or CSV file.", valueName: "FILE"))
    var file: String

    @Flag(help: "Export samples.")
    var csv = false

    @Flag(help: "Export the orientation filter's output.")
    var orientation = false

    @Option(help: ArgumentHelp("With --csv: imu, cushion, or auto (the first sample's sensor).", valueName: "SENSOR"))
    var sensor: String = "auto"

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE (created 0600, never overwritten) instead of standard output; - is standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Orientation filter settings: default, or fusion-6axis (Fusion's update_no_magnetometer, gain 0.5, no rejection, no bias correction).", valueName: "NAME"))
    var preset: String = "default"

    @Option(parsing: .unconditional, help: ArgumentHelp("Filter gain (default 0.5).", valueName: "GAIN"), transform: DecimalArgument.parse)
    var gain: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Integrate with a fixed step of 1/HZ instead of the timestamps.", valueName: "HZ"), transform: DecimalArgument.parse)
    var sampleRate: Double?

    @Flag(help: "Ignore the magnetometer (6-axis).")
    var noMagnetometer = false

    @Option(name: .customLong("protocol"), help: ArgumentHelp("Protocol of a plain file (default: detected).", valueName: "NAME"))
    var wireProtocol: String?

    @Option(help: ArgumentHelp("Columns of a header-less CSV.", valueName: "LIST"))
    var columns: String?

    func validate() throws {
        try DecoderChoice.validate(wireProtocol)
        guard csv != orientation else { throw ValidationError("give exactly one of --csv or --orientation") }
        guard ["default", "fusion-6axis"].contains(preset) else { throw ValidationError("--preset: '\(preset)' is not default or fusion-6axis") }
        guard ["auto", "imu", "cushion"].contains(sensor) else { throw ValidationError("--sensor: '\(sensor)' is not imu, cushion or auto") }
        if sensor != "auto" && orientation { throw ValidationError("--sensor is for --csv (the orientation comes from the IMU)") }
        if let sampleRate { try OptionRange.number("--sample-rate", sampleRate, in: 0.1...100_000, unit: " Hz") }
        if let gain { try OptionRange.number("--gain", gain, in: 0...100) }
    }

    func run() throws {
        let input: RecordedInput
        do { input = try RecordedInput(path: file, decoder: wireProtocol.flatMap(DecoderChoice.init(rawValue:))) } catch {
            throw CLIError("\(error)")
        }
        let sink: AppendOnlyFile?
        // "-" is standard output, as for report and simulate, not a file named "-".
        if let output, output != "-" {
            do { sink = try AppendOnlyFile(path: output, mode: .createNew) } catch { throw CLIError("\(error)") }
        } else {
            sink = nil
        }
        var ahrs = preset == "fusion-6axis" ? AHRSSettings.fusionSimple6Axis : AHRSSettings()
        if let gain { ahrs.gain = gain }
        var rows = ExportRows(orientation: orientation, sensor: ExportRows.Sensor(rawValue: sensor) ?? .auto, sink: sink,
                              exporter: OrientationExporter(settings: ahrs, fixedRate: sampleRate,
                                                            useMagnetometer: !(noMagnetometer || preset == "fusion-6axis")))
        // Samples straight from the decoder: the detectors' work would be thrown away. Link
        // drops reset the decoder, as in a replay.
        var decoder = try input.decoderChoice.makeDecoder(columns: columns)
        try input.forEachChunk { chunk in
            switch chunk.kind {
            case .data: decoder.feed(chunk.bytes, hostTime: chunk.monotonic) { rows.add($0) }
            case .disconnected: decoder.resetLink()
            case .connected: break
            }
            return true
        }
        decoder.finish(hostTime: 0) { rows.add($0) }
        if let failure = rows.failure { throw CLIError("\(failure)") }
        if rows.count > 0 { try rows.flush() }
        if let sink { try sink.close() }
        if rows.count == 0 {
            let what = orientation || rows.sensor == .imu ? "IMU samples" : rows.sensor == .cushion ? "cushion samples" : "samples"
            throw CLIError("\(file): no \(what) to export")
        }
        if !orientation, rows.otherSensor > 0, let kept = rows.keptSensor {
            // Said after the rows, never instead of them: the CSV is complete for its sensor.
            let (keptName, other) = kept == .imu ? ("IMU", "cushion") : ("cushion", "IMU")
            Output.error("export: \(file): \(rows.otherSensor) \(other) sample\(rows.otherSensor == 1 ? "" : "s") left out (this CSV holds the \(keptName)'s columns); --sensor \(other.lowercased()) exports them")
        }
    }
}

/// The rows of an export, gathered in blocks of about a megabyte: one write per block, not one
/// per row.
private struct ExportRows {
    enum Sensor: String { case auto, imu, cushion }

    let orientation: Bool
    /// Which samples a CSV export keeps; `auto` becomes the first sample's sensor.
    let sensor: Sensor
    /// Samples of the other sensor, left out of the CSV.
    private(set) var otherSensor = 0
    let sink: AppendOnlyFile?
    var exporter: OrientationExporter
    /// The CSV layout, fitted to the first sample kept.
    private var writer: CSVSampleWriter?
    /// The sensor whose columns the CSV has, once its header is written.
    var keptSensor: Sensor? {
        switch writer?.layout {
        case .imu?: return .imu
        case .pressure?: return .cushion
        case nil: return nil
        }
    }
    private var text = TextBuffer(capacity: Output.blockSize + 65536)
    private(set) var count = 0
    /// The first write that failed; rows after it are dropped.
    private(set) var failure: Error?

    init(orientation: Bool, sensor: Sensor, sink: AppendOnlyFile?, exporter: OrientationExporter) {
        self.orientation = orientation
        self.sensor = sensor
        self.sink = sink
        self.exporter = exporter
    }

    /// A decoder output: a sample becomes a row (a NaN time is left out, as in a replay).
    mutating func add(_ output: DecoderOutput) {
        guard failure == nil else { return }
        if orientation {
            // One match down to the IMU sample: each further pattern on the enum copied it.
            guard case .sample(.imu(let imu)) = output, !imu.time.isNaN else { return }
            if count == 0 { text.append(OrientationExporter.header + "\n") }
            exporter.appendRow(for: imu, to: &text)
        } else {
            guard case .sample(let sample) = output, !sample.time.isNaN else { return }
            let kind: Sensor
            if case .imu = sample { kind = .imu } else { kind = .cushion }
            if writer == nil && (sensor == .auto || sensor == kind) {
                writer = CSVSampleWriter(layout: .fitting(sample))
                text.append(writer!.header)  // ends with its newline
            }
            guard kind == keptSensor else {
                otherSensor += 1
                return
            }
            guard writer!.append(sample, to: &text) else { return }
        }
        count += 1
        if text.count >= Output.blockSize {
            do { try flush() } catch { failure = error }
        }
    }

    mutating func flush() throws {
        if let sink { try sink.append(Array(text.bytes)) } else { _ = Output.raw(text.bytes) }
        text.removeAll()
    }
}
