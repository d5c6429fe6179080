import GluteWire

// BLE notifications as the GATT client hands them over: the input is cut into notifications by
// length bytes (each notification is preceded by its length), and every notification goes to the
// packet decoders of the native and micro:bit profiles. Besides crashing, traps when a
// notification is not accounted for exactly once (a frame, or a malformed/oversized report).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBLENotifications(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzInput(data, size)
    var notifications: [ArraySlice<UInt8>] = []
    var index = 0
    while index < input.count {
        let length = Int(input[index])
        let start = index + 1
        let end = min(start + length, input.count)
        notifications.append(input[start..<end])
        index = end
    }
    var native = NativeGATTDecoder()
    var microbit = MicrobitAccelerometerDecoder()
    var nativeSamples = 0
    for (n, value) in notifications.enumerated() {
        let before = native.statistics
        native.feed(value, hostTime: Double(n)) { if case .sample = $0 { nativeSamples += 1 } }
        // Each notification is one frame (whose payload may still be reported), or one rejection.
        let after = native.statistics
        let framed = after.frames - before.frames
        let rejected = (after.malformed + after.oversized) - (before.malformed + before.oversized)
        if framed > 1 || (framed == 0 && rejected != 1) {
            fatalError("NativeGATTDecoder: notification \(n) of \(value.count) bytes gave \(framed) frames, \(rejected) rejections")
        }
        microbit.feed(value, hostTime: Double(n)) { _ in }
    }
    let s = native.statistics
    if s.samples != nativeSamples { fatalError("NativeGATTDecoder counted \(s.samples) samples, emitted \(nativeSamples)") }
    let m = microbit.statistics
    let whole = notifications.filter { $0.count == MicrobitAccelerometerDecoder.notificationLength }.count
    if m.samples != whole || m.malformed + m.oversized != notifications.count - whole {
        fatalError("MicrobitAccelerometerDecoder: \(m) for \(whole) of \(notifications.count) notifications of 6 bytes")
    }
    return 0
}
