import GluteWire

// Frame and message parsing below the stream decoder, where the CRC would otherwise keep the
// fuzzer away from the payload parsers. Each input is tried as:
// - a serial frame body with its CRC (`NativeFrame(body:)`), then its message;
// - a BLE notification body without CRC, handed to `NativeDecoder.process` as BLE frames are;
// - a message type (first byte) and payload (`NativeMessage(type:payload:)`);
// - a COBS block, and COBS input to encode.
// Round trips (frame bytes, COBS, message encoding) are checked and trap on a difference.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNativeFrame(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzInput(data, size)

    if let frame = try? NativeFrame(body: input[...], hasCRC: true) {
        checkFrameRoundTrip(frame, hasCRC: true)
        checkMessage(type: frame.type, payload: frame.payload[...])
    }
    if let frame = try? NativeFrame(body: input[...], hasCRC: false) {
        checkFrameRoundTrip(frame, hasCRC: false)
        var decoder = NativeDecoder()
        var outputs = 0
        decoder.process(frame) { _ in outputs += 1 }
        decoder.process(frame) { _ in outputs += 1 }
        if outputs == 0 { fatalError("NativeDecoder.process emitted nothing for two frames") }
    }
    if let type = input.first {
        checkMessage(type: type, payload: input.dropFirst())
    }

    var decoded: [UInt8] = []
    _ = COBS.decode(input[...], into: &decoded)
    let encoded = COBS.encode(input)
    if encoded.contains(0) { fatalError("COBS.encode left a zero byte") }
    guard COBS.decode(encoded[...], into: &decoded), decoded == input else {
        fatalError("COBS round trip failed for \(input.count) bytes")
    }
    return 0
}

/// A parsed frame serializes back to the bytes it came from.
func checkFrameRoundTrip(_ frame: NativeFrame, hasCRC: Bool) {
    let body = frame.body(includingCRC: hasCRC)
    guard let again = try? NativeFrame(body: body[...], hasCRC: hasCRC), again == frame else {
        fatalError("NativeFrame round trip failed (hasCRC \(hasCRC)): \(frame)")
    }
}

/// A message that parses encodes to a payload that parses, and one more encoding pass changes
/// nothing. (Not exact equality with the first parse: the parser accepts device texts longer
/// than the 32 or 64 bytes the encoder writes, so those come back truncated.)
func checkMessage(type: UInt8, payload: ArraySlice<UInt8>) {
    guard let message = try? NativeMessage(type: type, payload: payload) else { return }
    // Printing a message goes through reflection and cost a third of every execution; one payload
    // in eight (its last byte picks, so the fuzzer reaches every kind) is printed.
    if payload.last.map({ $0 & 7 == 0 }) ?? true { _ = String(reflecting: message) }
    let once = reparse(message, "first")
    let twice = reparse(once, "second")
    if twice != once && String(reflecting: twice) != String(reflecting: once) {
        fatalError("message encoding is not stable:\n  \(once)\n  \(twice)")
    }
}

private func reparse(_ message: NativeMessage, _ pass: String) -> NativeMessage {
    let encoded = message.encode()
    guard let again = try? NativeMessage(type: message.type, payload: encoded[...]) else {
        fatalError("\(pass) re-encoding of type 0x\(String(message.type, radix: 16)) does not parse: \(message)")
    }
    return again
}
