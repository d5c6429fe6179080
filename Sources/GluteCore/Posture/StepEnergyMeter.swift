/// Step energy: the RMS of the vertical acceleration (resting level removed) over about a second.
/// Walking bobs the pelvis by a couple of centimetres per step, 0.2-0.3 g of vertical
/// acceleration; standing, even on one leg, stays far below 0.05 g.
struct StepEnergyMeter: Sendable {
    var tau: Double = 1
    private var power = 0.0
    private var weights = SmoothingWeightCache()

    /// The RMS vertical acceleration, g.
    var rms: Double { power.squareRoot() }

    mutating func update(vertical: Double, dt: Double) {
        power += (vertical * vertical - power) * weights.weight(dt: dt, tau: tau)
    }
}
