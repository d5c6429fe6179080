import GluteWire

// Arduino Serial Plotter text, with a legend learnt from the stream or with a column list the
// first byte picks (the input's length picks which: one decoder per execution keeps the rate
// up); small line and value limits for some inputs. Chunking-invariant.

private let columnLists = [
    "ax,ay,az,gx,gy,gz",
    "time_ms,acc_x_g,acc_y_g,acc_z_g",
    "us,ax,ay,az,mx,my,mz,qw,qx,qy,qz",
    "pressure_0,pressure_1,pressure_2",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSerialPlotter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzInput(data, size)
    let origins: [TimeOrigin] = [.default, .file, .firstSample]
    // Length mod 2 picks the way, the quotient the settings: every pairing is reachable.
    let withLegend = input.count % 2 == 0, rest = input.count / 2
    let small = rest % 4 == 0
    let settings = SerialPlotterSettings(timeOrigin: origins[rest % origins.count],
                                         maximumLineLength: small ? 24 : 1024,
                                         maximumValuesPerLine: small ? 3 : 64)
    if withLegend {
        checkChunkingInvariance(SerialPlotterDecoder(settings: settings), input, "SerialPlotterDecoder(legend)")
    } else {
        let list = columnLists[Int(input.first ?? 0) % columnLists.count]
        guard let columns = try? CSVColumns(list: list) else { fatalError("fixed column list rejected: \(list)") }
        checkChunkingInvariance(SerialPlotterDecoder(columns: columns, settings: settings), input,
                                "SerialPlotterDecoder(\(list))")
    }
    return 0
}
