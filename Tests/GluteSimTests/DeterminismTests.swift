import Testing
import GluteSim
import GluteWire

@Suite struct DeterminismTests {
    private func firstSamples(_ scenario: Scenario, seed: UInt64, count: Int) -> [Sample] {
        var sensor = VirtualSensor(scenario: scenario, settings: makeSettings(seed: seed))
        var samples: [Sample] = []
        while samples.count < count, let sample = sensor.next() { samples.append(sample) }
        return samples
    }

    @Test(arguments: Scenario.allCases)
    func sameSeedGivesIdenticalSamples(_ scenario: Scenario) {
        let a = firstSamples(scenario, seed: 42, count: 3000)
        let b = firstSamples(scenario, seed: 42, count: 3000)
        #expect(a.count == 3000)
        #expect(a == b)
    }

    @Test func differentSeedGivesDifferentNoiseOnTheSameScript() {
        let a = VirtualSensor(scenario: .deskDay, settings: makeSettings(seed: 1))
        let b = VirtualSensor(scenario: .deskDay, settings: makeSettings(seed: 2))
        #expect(a.script == b.script)
        #expect(a.gyroBias != b.gyroBias)
        let samplesA = firstSamples(.deskDay, seed: 1, count: 2000)
        let samplesB = firstSamples(.deskDay, seed: 2, count: 2000)
        let differing = zip(samplesA, samplesB).filter { $0 != $1 }.count
        #expect(differing == 2000)
        // Same times: only the values differ.
        #expect(zip(samplesA, samplesB).allSatisfy { $0.time == $1.time })
    }

    @Test func gyroBiasIsDrawnFromTheSeedUnlessGiven() {
        let drawn = VirtualSensor(scenario: .standing, settings: makeSettings(seed: 7)).gyroBias
        #expect(drawn != .zero)
        #expect(abs(drawn.x) < 2 && abs(drawn.y) < 2 && abs(drawn.z) < 2)
        let fixed = VirtualSensor(scenario: .standing, settings: makeSettings(seed: 7) { $0.gyroBias = Vector3(1, -2, 0.5) })
        #expect(fixed.gyroBias == Vector3(1, -2, 0.5))
    }
}

@Suite struct SampleClockTests {
    @Test(arguments: Scenario.allCases)
    func imuAndCushionRatesAreExact(_ scenario: Scenario) {
        let recording = Recording(VirtualSensor(scenario: scenario, settings: makeSettings(duration: 60)))
        #expect(recording.imu.count == 6000)
        for (k, sample) in recording.imu.enumerated() where sample.time != Double(k) / 100 {
            Issue.record("IMU sample \(k) at \(sample.time)")
            break
        }
        let expectedPressure = scenario.hasCushionByDefault ? 1200 : 0
        #expect(recording.pressure.count == expectedPressure)
        for (j, sample) in recording.pressure.enumerated() where sample.time != Double(j) / 20 {
            Issue.record("cushion sample \(j) at \(sample.time)")
            break
        }
    }

    @Test func samplesComeInTimeOrderAndStopAtTheEnd() {
        var sensor = VirtualSensor(scenario: .cushion, settings: makeSettings(duration: 12.5) {
            $0.imuRate = 50; $0.pressureRate = 12
        })
        var last = -1.0, imu = 0, pressure = 0
        var imuFirstOnTies = true
        var previous: Sample?
        while let sample = sensor.next() {
            #expect(sample.time >= last)
            if let previous, previous.time == sample.time, case .pressure = previous, case .imu = sample {
                imuFirstOnTies = false
            }
            switch sample {
            case .imu: imu += 1
            case .pressure: pressure += 1
            }
            last = sample.time
            previous = sample
        }
        #expect(imuFirstOnTies)
        #expect(imu == 625)          // 12.5 s * 50 Hz
        #expect(pressure == 150)     // 12.5 s * 12 Hz
        #expect(last < 12.5)
        #expect(sensor.next() == nil)
    }

    @Test func naturalLengthRunsTheWholeScript() {
        let sensor = VirtualSensor(scenario: .squeezes)
        #expect(sensor.duration == sensor.naturalDuration)
        let recording = Recording(sensor)
        #expect(recording.imu.count == Int((sensor.naturalDuration * 100).rounded()))
    }

    @Test func infiniteRunNeverEnds() {
        var sensor = VirtualSensor(scenario: .standing, settings: makeSettings(duration: .infinity))
        var count = 0
        while count < 15_000, sensor.next() != nil { count += 1 }
        #expect(count == 15_000)     // past the 120 s natural length
        #expect(sensor.timeline == sensor.script)
    }

    @Test func cushionCanBeSwitchedOnAndOff() {
        var withCushion = VirtualSensor(scenario: .standing, settings: makeSettings(duration: 1) { $0.cushion = true })
        var pressure = 0
        while let sample = withCushion.next() { if case .pressure = sample { pressure += 1 } }
        #expect(pressure == 20)
        let without = Recording(VirtualSensor(scenario: .cushion, settings: makeSettings(duration: 1) { $0.cushion = false }))
        #expect(without.pressure.isEmpty && without.imu.count == 100)
        let cushionOnly = Recording(VirtualSensor(scenario: .cushion, settings: makeSettings(duration: 1) { $0.imuRate = 0 }))
        #expect(cushionOnly.imu.isEmpty && cushionOnly.pressure.count == 20)
    }
}
