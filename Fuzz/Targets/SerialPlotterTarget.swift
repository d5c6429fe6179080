import GluteWire

// Arduino Serial Plotter text, with a legend learnt from the stream and with a column list the
// first byte picks; small line and value limits for some inputs. Chunking-invariant.

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
    let small = input.count % 4 == 0
    let settings = SerialPlotterSettings(timeOrigin: origins[input.count % origins.count],
                                         maximumLineLength: small ? 24 : 1024,
                                         maximumValuesPerLine: small ? 3 : 64)

    checkChunkingInvariance(SerialPlotterDecoder(settings: settings), input, "SerialPlotterDecoder(legend)")

    let list = columnLists[Int(input.first ?? 0) % columnLists.count]
    guard let columns = try? CSVColumns(list: list) else { fatalError("fixed column list rejected: \(list)") }
    checkChunkingInvariance(SerialPlotterDecoder(columns: columns, settings: settings), input,
                            "SerialPlotterDecoder(\(list))")
    return 0
}
