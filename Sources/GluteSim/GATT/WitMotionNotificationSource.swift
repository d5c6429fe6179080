import GluteWire

/// The WitMotion profile's ffe4 characteristic: each IMU sample becomes one `0x55 0x61` packet
/// (acceleration, angular velocity, angles; `WitMotionEncoder.blePacket`), laid into
/// notifications as `packing` says. Pressure samples have no place here and are skipped.
public struct WitMotionNotificationSource: Sendable {
    public let packing: WitMotionPacking
    private var random: SimulationRandom
    private var pending: [UInt8] = []
    private var pendingTime = 0.0
    private var splitLength = 0

    /// - Parameter seed: chooses the cut points of `.split`.
    public init(packing: WitMotionPacking, seed: UInt64 = 1) {
        self.packing = packing
        random = SimulationRandom(seed: seed)
        pending.reserveCapacity(2 * WitMotionBLEDecoder.packetLength)
    }

    public mutating func consume(_ sample: Sample, link: GATTLinkState) -> [GATTTimedValue] {
        guard case .imu(let imu) = sample else { return [] }
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
            var out: [GATTTimedValue] = []
            while true {
                if splitLength == 0 { splitLength = nextCut(link) }
                guard pending.count >= splitLength else { break }
                out.append(GATTTimedValue(time: imu.time, value: Array(pending.prefix(splitLength))))
                pending.removeFirst(splitLength)
                splitLength = 0
            }
            return out
        }
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
