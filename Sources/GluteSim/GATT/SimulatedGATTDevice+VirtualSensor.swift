import GluteWire

extension SimulatedGATTDevice where Source == VirtualSensor {
    /// The virtual sensor of `glutebridge simulate --ble`: a scenario's physics behind a GATT
    /// profile.
    public init(profile: BLESensorProfile, scenario: Scenario, simulation: SimulationSettings,
                settings: SimulatedGATTDeviceSettings = SimulatedGATTDeviceSettings()) {
        let sensor = VirtualSensor(scenario: scenario, settings: simulation)
        self.init(profile: profile, source: sensor, deviceInfo: sensor.deviceInfo, settings: settings)
    }
}
