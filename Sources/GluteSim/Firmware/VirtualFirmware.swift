import GluteWire

extension VirtualSensor: SampleSource {}

extension SimulatedFirmware where Source == VirtualSensor {
    /// The virtual sensor of `glutebridge simulate`: a scenario's physics behind firmware that
    /// speaks the native protocol.
    public init(scenario: Scenario, simulation: SimulationSettings, imuBatch: Int = 5) {
        let sensor = VirtualSensor(scenario: scenario, settings: simulation)
        var firmware = FirmwareSettings()
        firmware.imuBatch = imuBatch
        firmware.imuRateHz = simulation.imuRate
        firmware.pressureRateHz = simulation.pressureRate
        firmware.accelRangeG = UInt8(saturating: simulation.accelRangeG)
        firmware.gyroRangeDPS = UInt16(saturating: simulation.gyroRangeDPS)
        firmware.magnetometer = simulation.magnetometer
        firmware.cells = sensor.hasCushion ? sensor.cellLayout : []
        firmware.serial = "SIM-\(simulation.seed)"
        firmware.name = "GluteBridge sim \(scenario.rawValue)"
        self.init(source: sensor, settings: firmware)
    }
}
