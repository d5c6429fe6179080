import GluteWire

// CSV text one of three ways, which the input's length picks (one decoder per execution keeps the
// rate up; the fuzzer changes lengths all the time): with its header row; with a column list
// taken from its own first line (a `--columns` list) for the rest; or with one of a few fixed
// column lists the first byte picks. Settings (time origin, line length limit) vary with the
// length too, independently of the way, so that the short-line path is reached in each. Each run
// must be chunking-invariant.

private let fixedColumnLists = [
    "time_s,acc_x_g,acc_y_g,acc_z_g,gyro_x_dps,gyro_y_dps,gyro_z_dps",
    "acc_x_g,acc_y_g,acc_z_g",
    "time_ms,acc_x_mps2,acc_y_mps2,acc_z_mps2,gyro_x_rads,gyro_y_rads,gyro_z_rads,mag_x_ut,mag_y_ut,mag_z_ut",
    "time_us,_,acc_x_g,acc_y_g,acc_z_g,quat_w,quat_x,quat_y,quat_z",
    "time_s,pressure_0,pressure_1,pressure_2,pressure_3",
    "t,ax,ay,az,gx,gy,gz,skip,pressure_0,pressure_1",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzInput(data, size)
    let origins: [TimeOrigin] = [.default, .file, .firstSample, .automatic(epochThreshold: 10)]
    // Length mod 3 picks the way, the quotient the settings: every pairing is reachable.
    let way = input.count % 3, rest = input.count / 3
    let settings = CSVDecoderSettings(timeOrigin: origins[rest % origins.count],
                                      maximumLineLength: rest % 5 == 0 ? 32 : 4096)

    if way == 1, let newline = input.firstIndex(of: UInt8(ascii: "\n")),
       let columns = try? CSVColumns(list: String(decoding: input[..<newline], as: UTF8.self)) {
        let body = Array(input[(newline + 1)...])
        checkChunkingInvariance(CSVDecoder(columns: columns, settings: settings), body, "CSVDecoder(own list)")
    } else if way == 2 {
        let list = fixedColumnLists[Int(input.first ?? 0) % fixedColumnLists.count]
        guard let columns = try? CSVColumns(list: list) else { fatalError("fixed column list rejected: \(list)") }
        checkChunkingInvariance(CSVDecoder(columns: columns, settings: settings), input, "CSVDecoder(\(list))")
    } else {
        // Also the own-list way when the first line is no column list.
        checkChunkingInvariance(CSVDecoder(settings: settings), input, "CSVDecoder(header)")
    }
    return 0
}
