/// Builds native frames for the wire: numbers them, adds the CRC, COBS-encodes them and wraps each
/// between two 0x00 delimiters (the leading one lets a receiver that joined mid-frame, or read
/// garbage, start clean on the very next frame).
public struct NativeEncoder: Sendable {
    public private(set) var nextSequence: UInt16

    public init(firstSequence: UInt16 = 0) {
        nextSequence = firstSequence
    }

    /// Appends the serial form of `message`, stamped `timeMicros`, to `output`.
    public mutating func encode(_ message: NativeMessage, timeMicros: UInt32, into output: inout [UInt8]) {
        let frame = NativeFrame(type: message.type, sequence: nextSequence, timeMicros: timeMicros, payload: message.encode())
        nextSequence &+= 1
        NativeEncoder.appendSerial(frame, to: &output)
    }

    public mutating func encode(_ message: NativeMessage, timeMicros: UInt32) -> [UInt8] {
        var out: [UInt8] = []
        encode(message, timeMicros: timeMicros, into: &out)
        return out
    }

    /// The BLE form: header and payload, no CRC, no COBS (ATT has its own integrity check).
    public mutating func encodeNotification(_ message: NativeMessage, timeMicros: UInt32) -> [UInt8] {
        let frame = NativeFrame(type: message.type, sequence: nextSequence, timeMicros: timeMicros, payload: message.encode())
        nextSequence &+= 1
        return frame.body(includingCRC: false)
    }

    /// `00 COBS(header payload crc) 00`.
    public static func appendSerial(_ frame: NativeFrame, to output: inout [UInt8]) {
        output.append(0)
        COBS.encode(frame.body(), into: &output)
        output.append(0)
    }
}
