import GluteWire

/// The WitMotion profile's ffe4 characteristic: each IMU sample becomes one `0x55 0x61` packet
/// (acceleration, angular velocity, angles; `WitMotionEncoder.blePacket`), laid into
/// notifications as `packing` says. Pressure samples have no place here and are skipped.
/// Register reads written to ffe9 are answered in the same stream (`command(_:link:)`).
public struct WitMotionNotificationSource: Sendable {
    public let packing: WitMotionPacking
    private var random: SimulationRandom
    private var pending: [UInt8] = []
    private var pendingTime = 0.0
    private var splitLength = 0
    private var lastSample: IMUSample?

    /// - Parameter seed: chooses the cut points of `.split`.
    public init(packing: WitMotionPacking, seed: UInt64 = 1) {
        self.packing = packing
        random = SimulationRandom(seed: seed)
        pending.reserveCapacity(2 * WitMotionBLEDecoder.packetLength)
    }

    /// The register a read command asks for: `0xFF 0xAA 0x27 REG 0x00` written to ffe9.
    public static let readRegisterCommand: UInt8 = 0x27

    /// A configuration command written to ffe9. A register read is answered on ffe4 with a
    /// `0x55 0x71 REG 0x00` packet: the quaternion for register 0x51 (from the last sample), zeros
    /// for any other register. Other commands are accepted and change nothing.
    public mutating func command(_ bytes: [UInt8], link: GATTLinkState) -> [GATTTimedValue] {
        guard bytes.count == 5, bytes[0] == 0xFF, bytes[1] == 0xAA, bytes[2] == Self.readRegisterCommand,
              link.subscribed else { return [] }
        var reply: [UInt8]
        if bytes[3] == WitMotionBLEDecoder.quaternionRegister {
            let q = lastSample.map { $0.quaternion ?? WitMotionEncoder.angles(of: $0).quaternion } ?? .identity
            reply = WitMotionEncoder.bleQuaternionReply(q)
        } else {
            reply = [0x55, WitMotionBLEDecoder.registerFlag, bytes[3], 0x00] + [UInt8](repeating: 0, count: 16)
        }
        let time = lastSample?.time ?? 0
        switch packing {
        case .one: return [GATTTimedValue(time: time, value: reply)]
        case .merged:
            // A held data packet goes first, so the stream keeps its order.
            defer { pending.removeAll(keepingCapacity: true) }
            if pending.isEmpty { return [GATTTimedValue(time: time, value: reply)] }
            return [GATTTimedValue(time: time, value: pending), GATTTimedValue(time: time, value: reply)]
        case .split:
            pending += reply
            return cutPending(link, time: time)
        }
    }

    public mutating func consume(_ sample: Sample, link: GATTLinkState) -> [GATTTimedValue] {
        guard case .imu(let imu) = sample else { return [] }
        lastSample = imu
        guard link.subscribed else {
            pending.removeAll(keepingCapacity: true)
            return []
        }
        let packet = WitMotionEncoder.blePacket(for: imu)
        switch packing {
        case .one:
            return [GATTTimedValue(time: imu.time, value: packet)]
        case .merged:
            guard link.payloadLimit >= 2 * packet.count else {
                pending.removeAll(keepingCapacity: true)
                return [GATTTimedValue(time: imu.time, value: packet)]
            }
            if pending.isEmpty {
                pending = packet
                return []
            }
            defer { pending.removeAll(keepingCapacity: true) }
            return [GATTTimedValue(time: imu.time, value: pending + packet)]
        case .split:
            pending += packet
            return cutPending(link, time: imu.time)
        }
    }

    /// Sends every whole piece of the held bytes, cut at the seeded points.
    private mutating func cutPending(_ link: GATTLinkState, time: Double) -> [GATTTimedValue] {
        var out: [GATTTimedValue] = []
        while true {
            if splitLength == 0 { splitLength = nextCut(link) }
            guard pending.count >= splitLength else { break }
            out.append(GATTTimedValue(time: time, value: Array(pending.prefix(splitLength))))
            pending.removeFirst(splitLength)
            splitLength = 0
        }
        return out
    }

    /// Sends what is held back at the end of the stream.
    public mutating func finish(link: GATTLinkState, time: Double) -> [GATTTimedValue] {
        defer { pending.removeAll() }
        guard link.subscribed, !pending.isEmpty else { return [] }
        var out: [GATTTimedValue] = []
        var rest = pending[...]
        while !rest.isEmpty {
            let piece = rest.prefix(link.payloadLimit)
            out.append(GATTTimedValue(time: time, value: Array(piece)))
            rest = rest.dropFirst(piece.count)
        }
        return out
    }

    /// A notification length from 1 to just under two packets, never past the MTU.
    private mutating func nextCut(_ link: GATTLinkState) -> Int {
        let longest = max(1, min(2 * WitMotionBLEDecoder.packetLength - 1, link.payloadLimit))
        return 1 + Int(random.next() % UInt64(longest))
    }
}
