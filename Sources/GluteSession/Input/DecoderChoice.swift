import GluteDevices
import GluteLog
import GluteWire

/// Which decoder reads a stream, as named on the command line.
public enum DecoderChoice: String, Sendable, CaseIterable {
    case native, witmotion, witmotionBLE = "witmotion-ble", nativeGATT = "native-gatt", microbit, csv, plotter

    /// A decoder for this protocol; `columns` names header-less CSV or plotter fields.
    public func makeDecoder(columns: String? = nil) throws(InputError) -> any StreamDecoder {
        let parsedColumns: CSVColumns?
        do {
            parsedColumns = try columns.map { list throws(CSVError) in try CSVColumns(list: list) }
        } catch {
            throw InputError("--columns: \(error)")
        }
        switch self {
        case .native: return NativeDecoder()
        case .witmotion: return WitMotionDecoder()
        case .witmotionBLE: return WitMotionBLEDecoder()
        case .nativeGATT: return NativeGATTDecoder()
        case .microbit: return MicrobitAccelerometerDecoder()
        case .csv: return CSVDecoder(columns: parsedColumns)
        case .plotter: return SerialPlotterDecoder(columns: parsedColumns)
        }
    }

    /// Guesses the protocol of a recording from its first bytes: a capture names it in its header;
    /// text with a header line is CSV; otherwise the binary decoder that finds the most samples and
    /// the fewest faults wins.
    public static func detect(_ prefix: ArraySlice<UInt8>) -> DecoderChoice {
        if CaptureParser.looksLikeCapture(prefix) { return .native }
        let sample = prefix.prefix(4096)
        let printable = sample.filter { $0 == 9 || $0 == 10 || $0 == 13 || (32...126).contains($0) }.count
        if !sample.isEmpty && printable * 100 >= sample.count * 98 {
            let firstLine = sample.prefix { $0 != 10 }
            let letters = firstLine.contains { (65...90).contains($0) || (97...122).contains($0) }
            return letters && firstLine.contains(UInt8(ascii: ",")) ? .csv : .plotter
        }
        var best = DecoderChoice.native
        var bestScore = Int.min
        for choice in [DecoderChoice.native, .witmotion] {
            guard var decoder = try? choice.makeDecoder() else { continue }
            decoder.feed(sample, hostTime: 0) { _ in }
            let s = decoder.statistics
            let score = s.samples * 4 - (s.checksumErrors + s.malformed + s.resyncs) * 8
            if score > bestScore { bestScore = score; best = choice }
        }
        return best
    }
}
