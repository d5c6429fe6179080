import ArgumentParser
import GluteDevices
import GluteLog
import GluteSession
import GluteWire
import Synchronization

struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode a byte stream and print one JSON object per sample or message.",
        discussion: """
        Reads a file, standard input (-), a serial device or pty, or hex bytes given
        with --hex, and prints what the decoder makes of it: samples with units,
        device messages, and every wire anomaly (CRC errors, gaps, resyncs). Ends
        with a summary object of the counts. A capture file made by `glutebridge
        record` is decoded from its recorded bytes.

        Examples:
          glutebridge decode x.bin
          glutebridge decode /dev/pts/3 --duration 5s
          glutebridge decode --hex "00 03 10 40 01 01 01 01 01 03 D1 66 00"
        """
    )

    @Argument(help: ArgumentHelp("File, - for stdin, or a tty such as /dev/ttyACM0.", valueName: "INPUT"))
    var input: String?

    @Option(help: ArgumentHelp("Decode these hex bytes instead of an input.", valueName: "HEX"))
    var hex: String?

    @Option(name: .customLong("protocol"), help: "Wire protocol: \(DecoderChoice.allCases.map(\.rawValue).joined(separator: ", ")) (default: what a capture's header names, else native).")
    var wireProtocol: String?

    @Option(help: ArgumentHelp("Column names for header-less CSV or plotter lines (time_s,acc_x_g,...).", valueName: "LIST"))
    var columns: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Stop reading a device after this long.", valueName: "DURATION"), transform: DurationArgument.parse)
    var duration: DurationArgument?

    @Option(parsing: .unconditional, help: ArgumentHelp("Baud rate when INPUT is a serial device.", valueName: "BAUD"))
    var baud: Int = 115_200

    @Flag(help: "Print only the summary.")
    var summaryOnly = false

    func validate() throws {
        guard input != nil || hex != nil else { throw ValidationError("give an INPUT (a file, a device or - for stdin) or --hex BYTES") }
        guard input == nil || hex == nil else { throw ValidationError("give an INPUT or --hex, not both") }
        if let wireProtocol, DecoderChoice(rawValue: wireProtocol) == nil {
            throw ValidationError("unknown protocol '\(wireProtocol)'; one of \(DecoderChoice.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        try OptionRange.duration("--duration", duration)
        try OptionRange.integer("--baud", baud, in: 1...12_000_000)
        // Here, not in run(): a bad --hex is a usage error shown with decode's usage line.
        if let hex { _ = try parseHex(hex) }
    }

    func run() throws {
        var decoder = try (wireProtocol.flatMap(DecoderChoice.init(rawValue:)) ?? .native).makeDecoder(columns: columns)
        let quiet = summaryOnly
        let counts = SampleCounts()
        let printOutput: @Sendable (DecoderOutput) -> Void = { output in
            counts.count(output)
            if !quiet { Output.line(output.json) }
        }
        // A file or --hex: lines gather in blocks of about a megabyte (one write per block); a
        // device's lines go out as they come.
        var lines = JSONLineBlocks(quiet: quiet)
        let fromDevice = input?.hasPrefix("/dev/") == true
        do {
            if let hex {
                let bytes = try parseHex(hex)
                decoder.feed(bytes[...], hostTime: 0) { lines.add($0) }
            } else if let input, fromDevice {
                try decodeDevice(input, decoder: &decoder, emit: printOutput)
            } else if let input {
                try decodeFile(input, decoder: &decoder) { lines.add($0) }
            }
        } catch {
            lines.flush()  // what was decoded before the failure
            throw error
        }
        if fromDevice {
            decoder.finish(hostTime: 0, emit: printOutput)
        } else {
            decoder.finish(hostTime: 0) { lines.add($0) }
        }
        lines.flush()
        // The summary adds the per-kind sample counts to the decoder's own counters.
        var summary = decoder.statistics.json
        summary.removeLast()
        Output.line(summary + ",\"imu_samples\":\(counts.imu + lines.imu),\"pressure_samples\":\(counts.pressure + lines.pressure)}")
    }

    private func parseHex(_ text: String) throws -> [UInt8] {
        let digits = text.filter { !$0.isWhitespace && $0 != ":" && $0 != "," }
        guard !digits.isEmpty else { throw ValidationError("--hex needs at least one byte, e.g. --hex \"00 03 10\"") }
        guard digits.count % 2 == 0 else { throw ValidationError("--hex needs an even number of hex digits") }
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            guard let byte = UInt8(digits[index..<next], radix: 16) else {
                throw ValidationError("--hex: '\(digits[index..<next])' is not a hex byte")
            }
            bytes.append(byte)
            index = next
        }
        return bytes
    }

    private func decodeFile(_ path: String, decoder: inout any StreamDecoder, emit: (DecoderOutput) -> Void) throws {
        let input: RecordedInput
        do { input = try RecordedInput(path: path) } catch { throw CLIError("\(error)") }
        // A capture names its protocol (a BLE recording holds notifications, not a byte stream).
        if input.isCapture, wireProtocol == nil, let named = input.header?["protocol"].flatMap(DecoderChoice.init(rawValue:)) {
            decoder = try named.makeDecoder(columns: columns)
        }
        // A text file without --protocol is sniffed as `replay` does (CSV or plotter lines); binary stays native.
        if !input.isCapture, wireProtocol == nil, input.decoderChoice == .csv || input.decoderChoice == .plotter {
            decoder = try input.decoderChoice.makeDecoder(columns: columns)
        }
        try input.forEachChunk { chunk in
            if chunk.kind == .data { decoder.feed(chunk.bytes, hostTime: chunk.monotonic, emit: emit) }
            return true
        }
        if input.damagedTailBytes > 0 {
            Output.error("decode: \(path): the last \(input.damagedTailBytes) bytes are an incomplete record (recording cut short); decoded everything before them")
        }
    }

    private func decodeDevice(_ path: String, decoder: inout any StreamDecoder, emit: @escaping @Sendable (DecoderOutput) -> Void) throws {
        let port: SerialPort
        do {
            port = try SerialPort(path: path, settings: SerialSettings(baudRate: baud))
        } catch {
            throw CLIError("\(error)")
        }
        let trap = SignalTrap.install()
        let done = try WakeUp()
        let box = DecoderBox(decoder)
        let reader = try SourceReader(reading: port, onChunk: { chunk in
            box.feed(chunk, emit: emit)
        }, onDisconnect: { reason in
            Output.error("decode: \(path): \(reason)")
            done.signal()
        })
        _ = waitReadable([done.pollDescriptor] + (trap.map { [$0.pollDescriptor] } ?? []), timeout: duration?.seconds)
        reader.stop()
        try? port.close()
        decoder = box.take()
    }
}

/// Decoder outputs as JSON lines on standard output, written in blocks of about a megabyte, with
/// the samples counted by kind.
private struct JSONLineBlocks {
    let quiet: Bool
    private var text = TextBuffer(capacity: Output.blockSize + 65536)
    private(set) var imu = 0
    private(set) var pressure = 0

    init(quiet: Bool) { self.quiet = quiet }

    mutating func add(_ output: DecoderOutput) {
        switch output {
        case .sample(.imu): imu += 1
        case .sample(.pressure): pressure += 1
        default: break
        }
        guard !quiet else { return }
        output.appendJSON(to: &text)
        text.row(maxBytes: 1) { $0.byte(0x0A) }
        if text.count >= Output.blockSize { flush() }
    }

    mutating func flush() {
        _ = Output.raw(text.bytes)
        text.removeAll()
    }
}

/// Samples by kind, counted as they are printed (possibly on the reader thread).
private final class SampleCounts: Sendable {
    private let state = Mutex((imu: 0, pressure: 0))
    var imu: Int { state.withLock { $0.imu } }
    var pressure: Int { state.withLock { $0.pressure } }

    func count(_ output: DecoderOutput) {
        switch output {
        case .sample(.imu): state.withLock { $0.imu += 1 }
        case .sample(.pressure): state.withLock { $0.pressure += 1 }
        default: break
        }
    }
}

/// The decoder handed to the reader thread and back.
private final class DecoderBox: Sendable {
    private let decoder: Mutex<any StreamDecoder>

    init(_ decoder: any StreamDecoder) { self.decoder = Mutex(decoder) }

    func feed(_ chunk: ByteChunk, emit: (DecoderOutput) -> Void) {
        decoder.withLock { $0.feed(chunk.bytes[...], hostTime: chunk.monotonic, emit: emit) }
    }

    func take() -> any StreamDecoder { decoder.withLock { $0 } }
}
