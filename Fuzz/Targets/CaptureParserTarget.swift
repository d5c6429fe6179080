import GluteLog

// Capture files (`GLUTECAP`): the parser must never trap, and the header, the good records and
// the damaged tail must account for every byte of the file.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaptureParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzInput(data, size)
    _ = CaptureParser.looksLikeCapture(input[...])
    guard let capture = try? CaptureParser(input) else { return 0 }
    let metadataLength = Int(input[10]) | Int(input[11]) << 8
    var accounted = 12 + metadataLength + capture.damagedTailBytes
    for record in capture.records {
        accounted += CaptureFormat.recordHeaderSize + record.payload.count + 4
    }
    if accounted != input.count || capture.damagedTailBytes < 0 {
        fatalError("capture of \(input.count) bytes: \(accounted) accounted for, tail \(capture.damagedTailBytes)")
    }
    _ = capture.header["protocol"]
    return 0
}
