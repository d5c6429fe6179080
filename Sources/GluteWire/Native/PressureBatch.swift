/// Several readings of a pressure cushion at a fixed interval.
///
/// Payload of `pressureBatch` (0x12):
/// ```
/// 0  u8   count of samples, 1...
/// 1  u8   cells per sample, 1...
/// 2  u16  interval between samples, microseconds
/// 4  per sample, per cell: u16 load in pascals
/// ```
public struct PressureBatch: Sendable, Equatable {
    public static let headerSize = 4

    public var intervalMicros: UInt16
    public var cellCount: Int
    /// `count * cellCount` loads in pascals, sample after sample.
    public var loads: [UInt16]

    public init(intervalMicros: UInt16, cellCount: Int, loads: [UInt16]) {
        self.intervalMicros = intervalMicros
        self.cellCount = cellCount
        self.loads = loads
    }

    public var count: Int { cellCount == 0 ? 0 : loads.count / cellCount }

    public static func capacity(cells: Int) -> Int {
        (NativeFrame.maxPayload - headerSize) / (2 * max(cells, 1))
    }

    public func encode() -> [UInt8] {
        var w = ByteWriter(capacity: PressureBatch.headerSize + loads.count * 2)
        w.u8(UInt8(count))
        w.u8(UInt8(cellCount))
        w.u16(intervalMicros)
        for l in loads { w.u16(l) }
        return w.bytes
    }

    public init?(payload: ArraySlice<UInt8>) {
        var r = ByteReader(payload)
        guard let count = r.u8(), count > 0, let cells = r.u8(), cells > 0, let interval = r.u16() else { return nil }
        let total = Int(count) * Int(cells)
        guard r.remaining >= total * 2 else { return nil }
        var loads: [UInt16] = []
        loads.reserveCapacity(total)
        for _ in 0..<total { loads.append(r.u16()!) }
        self.init(intervalMicros: interval, cellCount: Int(cells), loads: loads)
    }

    public func sample(at index: Int, time: Double) -> PressureSample {
        let start = index * cellCount
        return PressureSample(time: time, cells: loads[start..<start + cellCount].map { Double($0) })
    }

    /// Rounds and saturates a load in pascals to the wire's u16.
    public static func counts(_ pascals: Double) -> UInt16 {
        UInt16(saturating: pascals, rounding: .toNearestOrAwayFromZero)
    }
}
