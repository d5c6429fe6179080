import GluteWire

/// The true state of the pelvis at an instant, noise-free: for testing orientation filters and
/// detectors against what the simulated body really did.
public struct PelvisState: Sendable, Equatable {
    /// Pelvis angles relative to neutral standing, including sway and gait: anterior tilt
    /// positive, obliquity positive when the left side drops, heading counter-clockwise.
    public var tiltDeg: Double
    public var obliquityDeg: Double
    public var headingDeg: Double
    /// Sensor-to-earth rotation (earth: x the start direction, y left of it, z up).
    public var orientation: Quaternion
    /// Exact angular rate in the sensor frame, deg/s, without bias or noise.
    public var angularRate: Vector3
    /// Exact specific force in the sensor frame, g, without noise or clipping.
    public var specificForce: Vector3
    /// Pelvis height relative to standing, metres.
    public var heightM: Double
    /// Fraction of the seated load on the cushion, 0...1.
    public var seatLoad: Double
}

/// A seeded, deterministic virtual pelvis IMU (and optional seat cushion) playing a scenario.
///
/// `next()` returns the IMU and cushion samples merged in time order (an IMU sample first when both
/// fall on the same instant); IMU sample k is at k / imuRate and cushion sample j at
/// j / pressureRate, from 0 up to but excluding `duration`. Values are physical: accel in g
/// (specific force), gyro in deg/s (true rate + constant bias + white noise), magnetometer in uT,
/// cushion cells in Pa; each is clipped at its full-scale range. `next()` allocates nothing for an
/// IMU sample and one array per cushion sample.
public struct VirtualSensor: Sendable {
    public let scenario: Scenario
    public let settings: SimulationSettings
    /// The scenario's own length in simulated seconds (one pass of the script).
    public let naturalDuration: Double
    /// This run's length: `settings.duration` if given, else `naturalDuration`. May be infinite.
    public let duration: Double
    /// Whether cushion samples are produced.
    public let hasCushion: Bool
    /// The constant gyro bias added to every reading, deg/s (drawn from the seed unless set).
    public let gyroBias: Vector3
    /// One pass of the script, the ground truth (segments contiguous from 0 to `naturalDuration`).
    public let script: [ScriptSegment]

    private let body: BodyModel
    private var random: SimulationRandom
    private var imuIndex = 0
    private var pressureIndex = 0
    private let imuCount: Int
    private let pressureCount: Int

    public init(scenario: Scenario, settings: SimulationSettings = SimulationSettings()) {
        self.scenario = scenario
        self.settings = settings
        let builder = scenario.buildScript(stepRateHz: settings.stepRateHz)
        self.script = builder.segments
        self.naturalDuration = builder.time
        self.duration = settings.duration ?? builder.time
        self.hasCushion = (settings.cushion ?? scenario.hasCushionByDefault) && settings.pressureRate > 0
            && !settings.cellLayout.isEmpty

        // Fixed draw order: bias, then sway; the noise stream follows.
        var random = SimulationRandom(seed: settings.seed)
        let drawnBias = Vector3(random.gaussian() * settings.gyroBiasSpread, random.gaussian() * settings.gyroBiasSpread,
                                random.gaussian() * settings.gyroBiasSpread)
        self.gyroBias = settings.gyroBias ?? drawnBias
        let sway = SwayModel(random: &random)
        self.random = random
        self.body = BodyModel(phases: ContiguousArray(builder.phases), naturalDuration: builder.time,
                              continuation: settings.continuation, stepRateHz: settings.stepRateHz, sway: sway)

        let duration = self.duration
        func count(rate: Double) -> Int {
            guard rate > 0 else { return 0 }
            guard duration.isFinite else { return .max }
            // Samples at k / rate for k / rate < duration; the epsilon keeps 60 s * 100 Hz at 6000.
            return max(0, Int(saturating: duration * rate - 1e-9, rounding: .up))
        }
        self.imuCount = count(rate: settings.imuRate)
        self.pressureCount = self.hasCushion ? count(rate: settings.pressureRate) : 0
    }

    /// Cell positions of the cushion, mm from the seat centre, x forward, y left.
    public var cellLayout: [DeviceInfo.Cell] { settings.cellLayout }

    /// The ground truth for this run, contiguous from 0 to `duration`: the script repeated (loop)
    /// or its last segment extended (hold-last), and cut at `duration`. For an infinite run, one pass.
    public var timeline: [ScriptSegment] {
        guard duration.isFinite else { return script }
        var result: [ScriptSegment] = []
        var pass = 0
        while Double(pass) * naturalDuration < duration {
            let passStart = Double(pass) * naturalDuration
            for index in script.indices {
                let segment = placed(index, passStart: passStart)
                if segment.start >= duration { break }
                result.append(segment)
            }
            if settings.continuation == .holdLastPhase { break }
            pass += 1
        }
        return result
    }

    /// The script segment in force at `time` (run time), with run-time start and end.
    public func segment(at time: Double) -> ScriptSegment {
        let (index, _, passStart) = body.locate(time)
        return placed(index, passStart: passStart)
    }

    /// Script segment `index` of the pass starting at `passStart`, in run time, the last segment
    /// stretched when holding and everything cut at the run's end.
    private func placed(_ index: Int, passStart: Double) -> ScriptSegment {
        var segment = script[index]
        segment.start += passStart
        segment.end += passStart
        if index == script.count - 1 {
            // Exactly where the next pass starts, so that looped timelines stay contiguous.
            let pass = (passStart / naturalDuration).rounded()
            segment.end = (pass + 1) * naturalDuration
            if settings.continuation == .holdLastPhase { segment.end = max(segment.end, duration) }
        }
        segment.end = min(segment.end, duration)
        return segment
    }

    /// The true, noise-free pelvis state at `time`.
    public func pose(at time: Double) -> PelvisState {
        let state = body.state(at: time)
        let q = state.rotation.quaternion()
        return PelvisState(tiltDeg: state.tiltDeg, obliquityDeg: state.obliquityDeg, headingDeg: state.headingDeg,
                           orientation: Quaternion(w: q.w, x: q.x, y: q.y, z: q.z),
                           angularRate: Vector3(state.gyro.x, state.gyro.y, state.gyro.z),
                           specificForce: Vector3(state.accel.x, state.accel.y, state.accel.z),
                           heightM: state.pose.heightM, seatLoad: state.pose.seatLoad)
    }

    /// The noise-free cushion reading at `time`, Pa per cell (before noise and clipping).
    public func idealCellPressures(at time: Double) -> [Double] {
        let pose = body.state(at: time).pose
        let breathing = body.sway.breathing(at: time)
        return cellLayout.map { CushionModel.pressure(atX: Double($0.x), y: Double($0.y), pose: pose, breathing: breathing) }
    }

    /// The next sample in time order, or nil once the run's duration is reached.
    public mutating func next() -> Sample? {
        let imuLeft = imuIndex < imuCount, pressureLeft = pressureIndex < pressureCount
        guard imuLeft || pressureLeft else { return nil }
        let imuTime = Double(imuIndex) / settings.imuRate
        let pressureTime = Double(pressureIndex) / settings.pressureRate
        if imuLeft && (!pressureLeft || imuTime <= pressureTime) {
            imuIndex += 1
            return .imu(imuSample(at: imuTime))
        }
        pressureIndex += 1
        return .pressure(pressureSample(at: pressureTime))
    }

    private mutating func imuSample(at time: Double) -> IMUSample {
        let state = body.state(at: time)
        let s = settings
        let accel = Vector3(clamp(state.accel.x + s.accelNoise * random.gaussian(), s.accelRangeG),
                            clamp(state.accel.y + s.accelNoise * random.gaussian(), s.accelRangeG),
                            clamp(state.accel.z + s.accelNoise * random.gaussian(), s.accelRangeG))
        let gyro = Vector3(clamp(state.gyro.x + gyroBias.x + s.gyroNoise * random.gaussian(), s.gyroRangeDPS),
                           clamp(state.gyro.y + gyroBias.y + s.gyroNoise * random.gaussian(), s.gyroRangeDPS),
                           clamp(state.gyro.z + gyroBias.z + s.gyroNoise * random.gaussian(), s.gyroRangeDPS))
        var mag: Vector3?
        if s.magnetometer {
            let field = state.rotation.toSensor(s.earthField.x, s.earthField.y, s.earthField.z)
            mag = Vector3(clamp(field.0 + s.magNoise * random.gaussian(), s.magRangeMicrotesla),
                          clamp(field.1 + s.magNoise * random.gaussian(), s.magRangeMicrotesla),
                          clamp(field.2 + s.magNoise * random.gaussian(), s.magRangeMicrotesla))
        }
        var quaternion: Quaternion?
        if s.emitsQuaternion {
            let q = state.rotation.quaternion()
            quaternion = Quaternion(w: q.w, x: q.x, y: q.y, z: q.z)
        }
        return IMUSample(time: time, accel: accel, gyro: gyro, mag: mag, quaternion: quaternion)
    }

    private mutating func pressureSample(at time: Double) -> PressureSample {
        let pose = body.state(at: time).pose
        let breathing = body.sway.breathing(at: time)
        let layout = settings.cellLayout
        let noise = settings.pressureNoise, range = settings.pressureRangePa
        // The one allocation of a cushion sample: its cell array.
        var cells = [Double](repeating: 0, count: layout.count)
        for i in 0..<layout.count {
            let cell = layout[i]
            let load = CushionModel.pressure(atX: Double(cell.x), y: Double(cell.y), pose: pose, breathing: breathing)
            cells[i] = min(max(load + noise * random.gaussian(), 0), range)
        }
        return PressureSample(time: time, cells: cells)
    }

    /// A device description matching this sensor, for front ends that announce one (native
    /// protocol device info). Body and sensor axes coincide (mount x, y, z).
    public var deviceInfo: DeviceInfo {
        var sensors: DeviceInfo.Sensors = []
        if settings.imuRate > 0 {
            sensors.insert(.accelerometer); sensors.insert(.gyroscope)
            if settings.magnetometer { sensors.insert(.magnetometer) }
            if settings.emitsQuaternion { sensors.insert(.quaternion) }
        }
        if hasCushion { sensors.insert(.pressure) }
        func fit<T: FixedWidthInteger>(_ value: Double, _: T.Type) -> T {
            T(saturating: value, rounding: .toNearestOrAwayFromZero)
        }
        return DeviceInfo(firmwareMajor: 0, firmwareMinor: 1, firmwarePatch: 0, sensors: sensors,
                          accelRangeG: fit(settings.accelRangeG, UInt8.self),
                          gyroRangeDPS: fit(settings.gyroRangeDPS, UInt16.self),
                          magRangeMicrotesla: fit(settings.magRangeMicrotesla, UInt16.self),
                          imuRateHz: fit(settings.imuRate, UInt16.self),
                          pressureRateHz: hasCushion ? fit(settings.pressureRate, UInt16.self) : 0,
                          mount: [1, 2, 3], cells: hasCushion ? cellLayout : [],
                          serial: "SIM-\(settings.seed)", name: "GluteSim \(scenario.rawValue)")
    }
}
