/// Any native message, typed. `encode()` then `init(type:payload:)` gives the message back for
/// every known type whose texts fit the protocol's limits (serial and name 32 bytes, error text
/// 64: the encoder cuts longer ones, the parser accepts up to 255); unknown types survive as
/// `.unknown` so that relays lose nothing.
public enum NativeMessage: Sendable, Equatable {
    case imu(IMUBatch)
    case pressure(PressureBatch)
    case device(DeviceMessage)
    case unknown(type: UInt8, payload: [UInt8])

    public enum DecodeError: Error, Equatable, Sendable {
        /// The payload is shorter than its layout, or a field is out of range.
        case malformed(type: UInt8)
    }

    public var type: UInt8 {
        switch self {
        case .imu(let b): return (b.hasQuaternion ? MessageType.quaternionBatch : .imuBatch).rawValue
        case .pressure: return MessageType.pressureBatch.rawValue
        case .unknown(let type, _): return type
        case .device(let m):
            switch m {
            case .info: return MessageType.deviceInfo.rawValue
            case .status: return MessageType.status.rawValue
            case .marker: return MessageType.marker.rawValue
            case .error: return MessageType.error.rawValue
            case .ack: return MessageType.ack.rawValue
            case .nak: return MessageType.nak.rawValue
            case .command(let c):
                switch c {
                case .ping: return MessageType.ping.rawValue
                case .getInfo: return MessageType.getInfo.rawValue
                case .startStreaming: return MessageType.startStreaming.rawValue
                case .stopStreaming: return MessageType.stopStreaming.rawValue
                case .setRate: return MessageType.setRate.rawValue
                case .tare: return MessageType.tare.rawValue
                }
            }
        }
    }

    public func encode() -> [UInt8] {
        var w = ByteWriter()
        switch self {
        case .imu(let b): return b.encode()
        case .pressure(let b): return b.encode()
        case .unknown(_, let payload): return payload
        case .device(.info(let info)): return info.encode()
        case .device(.status(let s)):
            w.u8(s.batteryPercent ?? 255)
            w.u16(s.batteryMillivolts)
            w.u16(s.flags.rawValue)
            w.i16(Int16(saturating: s.temperature * 100, rounding: .toNearestOrAwayFromZero))
        case .device(.marker(let m)):
            w.u8(m.button)
            w.u8(m.kind.rawValue)
        case .device(.error(let e)):
            w.u8(e.code)
            w.shortString(e.text, maxBytes: 64)
        case .device(.ack(let a)):
            w.u8(a.command)
            w.u16(a.sequence)
        case .device(.nak(let n)):
            w.u8(n.command)
            w.u16(n.sequence)
            w.u8(n.reason)
        case .device(.command(.setRate(let imu, let pressure))):
            w.u16(imu)
            w.u16(pressure)
        case .device(.command):
            break
        }
        return w.bytes
    }

    /// Types the decoder does not know give `.unknown`; known types with a bad payload throw.
    public init(type: UInt8, payload: ArraySlice<UInt8>) throws(DecodeError) {
        guard let known = MessageType(rawValue: type) else {
            self = .unknown(type: type, payload: Array(payload))
            return
        }
        var r = ByteReader(payload)
        let message: NativeMessage?
        switch known {
        case .imuBatch: message = IMUBatch(payload: payload, hasQuaternion: false).map(NativeMessage.imu)
        case .quaternionBatch: message = IMUBatch(payload: payload, hasQuaternion: true).map(NativeMessage.imu)
        case .pressureBatch: message = PressureBatch(payload: payload).map(NativeMessage.pressure)
        case .deviceInfo: message = DeviceInfo(payload: payload).map { .device(.info($0)) }
        case .status:
            if let pct = r.u8(), let mv = r.u16(), let flags = r.u16(), let temp = r.i16() {
                message = .device(.status(DeviceStatus(batteryPercent: pct == 255 ? nil : pct, batteryMillivolts: mv,
                                                       flags: DeviceStatus.Flags(rawValue: flags),
                                                       temperature: Double(temp) / 100)))
            } else { message = nil }
        case .marker:
            if let button = r.u8(), let kind = r.u8().flatMap(Marker.Kind.init(rawValue:)) {
                message = .device(.marker(Marker(button: button, kind: kind)))
            } else { message = nil }
        case .error:
            if let code = r.u8(), let text = r.shortString() {
                message = .device(.error(DeviceError(code: code, text: text)))
            } else { message = nil }
        case .ack:
            if let cmd = r.u8(), let seq = r.u16() {
                message = .device(.ack(Acknowledgement(command: cmd, sequence: seq)))
            } else { message = nil }
        case .nak:
            if let cmd = r.u8(), let seq = r.u16(), let reason = r.u8() {
                message = .device(.nak(NegativeAcknowledgement(command: cmd, sequence: seq, reason: reason)))
            } else { message = nil }
        case .ping: message = .device(.command(.ping))
        case .getInfo: message = .device(.command(.getInfo))
        case .startStreaming: message = .device(.command(.startStreaming))
        case .stopStreaming: message = .device(.command(.stopStreaming))
        case .tare: message = .device(.command(.tare))
        case .setRate:
            if let imu = r.u16(), let pressure = r.u16() {
                message = .device(.command(.setRate(imuHz: imu, pressureHz: pressure)))
            } else { message = nil }
        }
        guard let message else { throw .malformed(type: type) }
        self = message
    }
}
