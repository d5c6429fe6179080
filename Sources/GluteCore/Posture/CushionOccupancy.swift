/// Whether someone sits on the cushion: the sum of all cells against a threshold with hysteresis.
struct CushionOccupancy: Sendable {
    private(set) var occupied: Bool?
    private(set) var since = 0.0
    private(set) var lastSample = -Double.infinity
    private(set) var load = 0.0

    mutating func update(time: Double, cells: [Double], occupiedLoad: Double, vacantLoad: Double) {
        var sum = 0.0
        for value in cells { sum += value }
        load = sum
        lastSample = time
        let now: Bool
        switch occupied {
        case .none: now = sum >= occupiedLoad
        case .some(true): now = sum >= vacantLoad
        case .some(false): now = sum >= occupiedLoad
        }
        if now != occupied {
            occupied = now
            since = time
        }
    }

    func isFresh(at time: Double, timeout: Double) -> Bool { time - lastSample <= timeout }
}
