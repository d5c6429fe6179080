import ArgumentParser
import GluteCore
import GluteLog
import GluteSession
import GluteWire

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the samples or the orientation of a recording as CSV.",
        discussion: """
        --csv writes the decoded samples with DESIGN.md column names (time_s,
        acc_x_g ..., gyro_x_dps ..., mag_x_ut ..., pressure_0 ...), ready for
        pandas.read_csv. --orientation runs the orientation filter and writes
        time_s,roll_deg,pitch_deg,yaw_deg,qw,qx,qy,qz in the sensor frame (Euler
        angles in Fusion's ZYX convention).

        Examples:
          glutebridge export session.gbcap --csv -o session.csv
          glutebridge export sensor_data.csv --orientation --preset fusion-6axis --sample-rate 100
        """
    )

    @Argument(help: ArgumentHelp("Capture or CSV file.", valueName: "FILE"))
    var file: String

    @Flag(help: "Export samples.")
    var csv = false

    @Flag(help: "Export the orientation filter's output.")
    var orientation = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Orientation filter settings: default, or fusion-6axis (Fusion's update_no_magnetometer, gain 0.5, no rejection, no bias correction).", valueName: "NAME"))
    var preset: String = "default"

    @Option(parsing: .unconditional, help: ArgumentHelp("Filter gain (default 0.5).", valueName: "GAIN"))
    var gain: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Integrate with a fixed step of 1/HZ instead of the timestamps.", valueName: "HZ"))
    var sampleRate: Double?

    @Flag(help: "Ignore the magnetometer (6-axis).")
    var noMagnetometer = false

    @Option(name: .customLong("protocol"), help: ArgumentHelp("Protocol of a plain file (default: detected).", valueName: "NAME"))
    var wireProtocol: String?

    @Option(help: ArgumentHelp("Columns of a header-less CSV.", valueName: "LIST"))
    var columns: String?

    func validate() throws {
        guard csv != orientation else { throw ValidationError("give exactly one of --csv or --orientation") }
        guard ["default", "fusion-6axis"].contains(preset) else { throw ValidationError("--preset: '\(preset)' is not default or fusion-6axis") }
        if let sampleRate { try OptionRange.positive("--sample-rate", sampleRate, atMost: 100_000) }
        if let gain { try OptionRange.number("--gain", gain, in: 0...100) }
    }

    func run() throws {
        let input: RecordedInput
        do { input = try RecordedInput(path: file, decoder: wireProtocol.flatMap(DecoderChoice.init(rawValue:))) } catch {
            throw CLIError("\(error)")
        }
        let sink: AppendOnlyFile?
        if let output {
            do { sink = try AppendOnlyFile(path: output, mode: .createNew) } catch { throw CLIError("\(error)") }
        } else {
            sink = nil
        }
        var pending = ""
        func emit(_ line: String) throws {
            guard let sink else { Output.line(line); return }
            pending += line + "\n"
            if pending.utf8.count > 65536 { try sink.append(pending); pending = "" }
        }
        var ahrs = preset == "fusion-6axis" ? AHRSSettings.fusionSimple6Axis : AHRSSettings()
        if let gain { ahrs.gain = gain }
        var exporter = OrientationExporter(settings: ahrs, fixedRate: sampleRate,
                                           useMagnetometer: !(noMagnetometer || preset == "fusion-6axis"))
        var writer: CSVSampleWriter?
        var failure: Error?
        var rows = 0
        _ = try ReplayRunner.run(input, settings: PipelineSettings(), options: ReplayOptions(columns: columns), onSample: { sample in
            guard failure == nil else { return }
            do {
                if orientation {
                    guard case .imu(let s) = sample else { return }
                    if rows == 0 { try emit(OrientationExporter.header) }
                    try emit(exporter.row(for: s))
                } else {
                    if writer == nil {
                        writer = CSVSampleWriter(layout: .fitting(sample))
                        try emit(String(writer!.header.dropLast()))
                    }
                    guard let line = writer!.line(for: sample) else { return }
                    try emit(String(line.dropLast()))
                }
                rows += 1
            } catch {
                failure = error
            }
        }) { _ in }
        if let failure { throw CLIError("\(failure)") }
        if let sink { try sink.append(pending); try sink.close() }
        if rows == 0 { throw CLIError("\(file): no \(orientation ? "IMU " : "")samples to export") }
    }
}
