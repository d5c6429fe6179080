@testable import GluteCore
import GluteWire
import Testing

@Suite struct SmoothingWeightCacheTests {
    /// The cache returns exactly the weight computed afresh, bit for bit, for steps that repeat,
    /// alternate, change, and a time constant that changes between calls.
    @Test func equalsTheWeightComputedAfresh() {
        var cache = SmoothingWeightCache()
        let steps = [0.01, 0.01, 0.009999999999763531, 0.01, 0.009999999999763531, 0.02, 0, 0.5, 0.01, 0.02]
        for tau in [0.1, 1.0, 0.0] {
            for dt in steps {
                let cached = cache.weight(dt: dt, tau: tau)
                #expect(cached.bitPattern == smoothingWeight(dt: dt, tau: tau).bitPattern, "dt \(dt) tau \(tau)")
            }
        }
        // A time constant that changes at every call: no weight of another constant is reused.
        for (i, dt) in steps.enumerated() {
            let tau = i % 2 == 0 ? 0.08 : 0.3
            #expect(cache.weight(dt: dt, tau: tau).bitPattern == smoothingWeight(dt: dt, tau: tau).bitPattern)
        }
        #expect(cache.weight(dt: .nan, tau: 1).isNaN)
    }

    /// The standard mount's shortcut gives what the general remapping gives, and drops the
    /// on-chip quaternion as the general path does.
    @Test func standardMountPassesSamplesThrough() {
        let sample = IMUSample(time: 3, accel: Vector3(0.1, -0.2, 0.97), gyro: Vector3(-1, 2, -0),
                               mag: Vector3(20, -5, 40), quaternion: Quaternion(w: 1, x: 0, y: 0, z: 0))
        let body = Mount.standard.bodySample(sample)
        #expect(body.accel == sample.accel && body.gyro == sample.gyro && body.mag == sample.mag)
        #expect(body.time == 3 && body.quaternion == nil)
    }
}
