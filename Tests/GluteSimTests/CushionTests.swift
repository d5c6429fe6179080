import Testing
import GluteSim
import GluteWire

@Suite struct CushionTests {
    let sensor = VirtualSensor(scenario: .cushion)

    private func meanCells(_ recording: Recording, from start: Double, to end: Double) -> [Double] {
        let samples = recording.pressure(from: start, to: end)
        var sums = [Double](repeating: 0, count: sensor.cellLayout.count)
        for sample in samples { for i in sums.indices { sums[i] += sample.cells[i] } }
        return sums.map { $0 / Double(max(samples.count, 1)) }
    }

    @Test func layoutIsTwoColumnsByFourRowsLeftPositive() {
        let layout = sensor.cellLayout
        #expect(layout.count == 8)
        #expect(layout[0] == DeviceInfo.Cell(x: 150, y: 100))
        #expect(layout[7] == DeviceInfo.Cell(x: -150, y: -100))
        #expect(sensor.deviceInfo.cells == layout && sensor.deviceInfo.sensors.contains(.pressure))
    }

    @Test func emptyWhenStandingLoadedWhenSittingHighestUnderTheSitBones() {
        let recording = Recording(sensor)
        for segment in sensor.script where segment.movement == .still {
            let cells = meanCells(recording, from: segment.start + segment.rampSeconds + 0.5, to: segment.end)
            if segment.posture == .standing {
                #expect(cells.allSatisfy { $0 < 30 }, "\(segment): \(cells)")
            } else if segment.squeeze == nil {
                #expect(cells.allSatisfy { $0 > 1000 }, "\(segment): \(cells)")
                #expect(cells.reduce(0, +) > 15_000 && cells.reduce(0, +) < 50_000)
                let highest = cells.indices.max { cells[$0] < cells[$1] }!
                #expect(highest == 4 || highest == 5, "highest cell \(highest): \(cells)")
            }
        }
        #expect(recording.pressure.allSatisfy { $0.cells.allSatisfy { $0 >= 0 } })
    }

    @Test func squeezeRaisesTheSqueezingSide() {
        let recording = Recording(sensor)
        let layout = sensor.cellLayout
        let leftRear = layout.indices.filter { layout[$0].y > 0 && layout[$0].x < 0 }
        let rightRear = layout.indices.filter { layout[$0].y < 0 && layout[$0].x < 0 }
        var checked = 0
        for (index, segment) in sensor.script.enumerated() {
            guard let squeeze = segment.squeeze, squeeze.strength == 1 else { continue }
            let rest = sensor.script[index - 1]
            let before = meanCells(recording, from: rest.end - 5, to: rest.end)
            let during = meanCells(recording, from: segment.start + 1, to: segment.end)
            let leftRise = leftRear.map { during[$0] }.reduce(0, +) / leftRear.map { before[$0] }.reduce(0, +) - 1
            let rightRise = rightRear.map { during[$0] }.reduce(0, +) / rightRear.map { before[$0] }.reduce(0, +) - 1
            switch squeeze.side {
            case .left:
                #expect(leftRise > 0.15 && rightRise < leftRise / 3, "left \(leftRise) right \(rightRise)")
            case .right:
                #expect(rightRise > 0.15 && leftRise < rightRise / 3, "left \(leftRise) right \(rightRise)")
            case .both:
                #expect(leftRise > 0.15 && rightRise > 0.15, "left \(leftRise) right \(rightRise)")
            }
            checked += 1
        }
        #expect(checked == 3)
    }

    @Test func squeezeLiftsThePelvisSlightly() {
        let squeeze = sensor.script.first { $0.squeeze?.side == .both }!
        let lift = sensor.pose(at: squeeze.start + 2).heightM - sensor.pose(at: squeeze.start - 1).heightM
        #expect(lift > 0.002 && lift < 0.02)
    }

    @Test func idealPressuresMatchTheNoisyReadingOnAverage() {
        let recording = Recording(sensor)
        let sitting = sensor.script.first { $0.posture == .sitting && $0.movement == .still }!
        let samples = recording.pressure(from: sitting.start + 2, to: sitting.end)
        var worst = 0.0
        for sample in samples {
            let ideal = sensor.idealCellPressures(at: sample.time)
            for i in ideal.indices { worst = max(worst, abs(ideal[i] - sample.cells[i])) }
        }
        #expect(worst > 0 && worst < 120)   // 20 Pa RMS noise, 6 sigma
    }
}
