/// Turns a script into body kinematics at any instant: pelvis orientation with its exact angular
/// rate, and the pelvis's linear acceleration. Pure function of time (plus the seeded sway phases).
struct BodyModel: Sendable {
    let phases: ContiguousArray<ScriptPhase>
    let naturalDuration: Double
    let continuation: ScenarioContinuation
    let stepRateHz: Double
    let sway: SwayModel

    /// The full kinematic state, everything in the units the sensor reports.
    struct State {
        /// Ramped script pose (no oscillations), for the cushion.
        var pose: BodyPose
        /// True pelvis angles including sway and gait, degrees.
        var tiltDeg: Double
        var obliquityDeg: Double
        var headingDeg: Double
        var rotation: Rotation
        /// Angular rate in the sensor frame, deg/s (exact, no bias or noise).
        var gyro: (x: Double, y: Double, z: Double)
        /// Specific force in the sensor frame, g (exact, no noise or clipping).
        var accel: (x: Double, y: Double, z: Double)
    }

    /// The phase index, the time within that phase, and the run time at which the current pass of
    /// the script started (a multiple of the natural length when looping, else 0).
    func locate(_ time: Double) -> (index: Int, local: Double, passStart: Double) {
        var t = max(0, time)
        var passStart = 0.0
        if t >= naturalDuration {
            switch continuation {
            case .loop:
                passStart = (t / naturalDuration).rounded(.down) * naturalDuration
                t -= passStart
            case .holdLastPhase:
                let last = phases.count - 1
                return (last, t - phases[last].start, 0)
            }
        }
        // Binary search for the last phase starting at or before t.
        var low = 0, high = phases.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if phases[mid].start <= t { low = mid } else { high = mid - 1 }
        }
        return (low, t - phases[low].start, passStart)
    }

    /// The script's ramped pose fields at one instant, each with its time derivatives, before sway
    /// and gait are added.
    struct RampedPose {
        var pose: BodyPose
        var tilt: Motion3, obliquity: Motion3, heading: Motion3
        var height: Motion3, lateral: Motion3, gait: Motion3, speed: Motion3, swayGain: Motion3
    }

    func state(at time: Double) -> State {
        let (index, local, _) = locate(time)
        let base = rampedPose(phases[index], local: local)
        let gait = base.gait

        // Quiet sway (degrees), scaled by the pose's sway amplitude.
        let tilt = base.tilt + sway.tilt.scaled(by: base.swayGain, at: time)
            + Gait.tilt.motion(at: time, stepRateHz: stepRateHz, envelope: gait)
        let obliquity = base.obliquity + sway.obliquity.scaled(by: base.swayGain, at: time)
            + Gait.obliquity.motion(at: time, stepRateHz: stepRateHz, envelope: gait)
        let heading = base.heading + sway.heading.scaled(by: base.swayGain, at: time)
            + Gait.heading.motion(at: time, stepRateHz: stepRateHz, envelope: gait)
        let earth = earthAcceleration(base, at: time)

        // Sensor orientation: Rz(heading) Ry(tilt) Rx(-obliquity).
        let theta = radians(tilt.value), phi = -radians(obliquity.value), yaw = radians(heading.value)
        let rotation = Rotation(heading: yaw, tilt: theta, roll: phi)
        let specific = rotation.toSensor(earth.x / standardGravity, earth.y / standardGravity,
                                         1 + earth.z / standardGravity)
        let gyro = Self.bodyRates(theta: theta, phi: phi,
                                  thetaRate: tilt.rate, phiRate: -obliquity.rate, yawRate: heading.rate)
        return State(pose: base.pose, tiltDeg: tilt.value, obliquityDeg: obliquity.value, headingDeg: heading.value,
                     rotation: rotation, gyro: gyro, accel: (specific.0, specific.1, specific.2))
    }

    /// Moves every pose field of the phase from `from` to `to` along its minimum-jerk ramp.
    func rampedPose(_ phase: ScriptPhase, local: Double) -> RampedPose {
        let jerk = phase.ramp > 0 ? MinimumJerk(progress: local / phase.ramp) : MinimumJerk(progress: 1)
        let inverseRamp = phase.ramp > 0 ? 1 / phase.ramp : 0
        // A pose field moving from `from` to `to` along the ramp, with its time derivatives.
        func ramped(_ from: Double, _ to: Double) -> Motion3 {
            let delta = to - from
            return Motion3(value: from + delta * jerk.position,
                           rate: delta * jerk.velocity * inverseRamp,
                           acceleration: delta * jerk.acceleration * inverseRamp * inverseRamp)
        }
        let a = phase.from, b = phase.to
        var r = RampedPose(pose: b,
                           tilt: ramped(a.tiltDeg, b.tiltDeg), obliquity: ramped(a.obliquityDeg, b.obliquityDeg),
                           heading: ramped(a.headingDeg, b.headingDeg), height: ramped(a.heightM, b.heightM),
                           lateral: ramped(a.lateralM, b.lateralM), gait: ramped(a.gait, b.gait),
                           speed: ramped(a.speed, b.speed), swayGain: ramped(a.swayDeg, b.swayDeg))
        r.pose.tiltDeg = r.tilt.value; r.pose.obliquityDeg = r.obliquity.value
        r.pose.headingDeg = r.heading.value; r.pose.heightM = r.height.value; r.pose.lateralM = r.lateral.value
        r.pose.gait = r.gait.value; r.pose.speed = r.speed.value; r.pose.swayDeg = r.swayGain.value
        r.pose.seatLoad = ramped(a.seatLoad, b.seatLoad).value
        r.pose.squeezeLeft = ramped(a.squeezeLeft, b.squeezeLeft).value
        r.pose.squeezeRight = ramped(a.squeezeRight, b.squeezeRight).value
        return r
    }

    /// Linear acceleration in the earth frame, m/s^2: travel along the heading (with the
    /// centripetal part in turns), gait oscillations in the walking direction, weight shifts
    /// and the vertical motion of sitting down and standing up.
    func earthAcceleration(_ base: RampedPose, at time: Double) -> (x: Double, y: Double, z: Double) {
        let gait = base.gait
        let psi = radians(base.heading.value)
        let psiRate = radians(base.heading.rate)
        let cosPsi = cosine(psi), sinPsi = sine(psi)
        let forwardOscillation = Gait.forward.motion(at: time, stepRateHz: stepRateHz, envelope: gait).acceleration
        let lateralOscillation = Gait.lateral.motion(at: time, stepRateHz: stepRateHz, envelope: gait).acceleration
        let forwardAccel = base.speed.rate + forwardOscillation
        let leftAccel = base.speed.value * psiRate + lateralOscillation + base.lateral.acceleration
        let earthX = forwardAccel * cosPsi - leftAccel * sinPsi
        let earthY = forwardAccel * sinPsi + leftAccel * cosPsi
        let earthZ = base.height.acceleration
            + Gait.vertical.motion(at: time, stepRateHz: stepRateHz, envelope: gait).acceleration
        return (earthX, earthY, earthZ)
    }

    /// Body rates (sensor frame, deg/s) from the Z-Y-X Euler angles and their rates.
    static func bodyRates(theta: Double, phi: Double, thetaRate: Double, phiRate: Double,
                          yawRate: Double) -> (x: Double, y: Double, z: Double) {
        let sinTheta = sine(theta), cosTheta = cosine(theta), sinPhi = sine(phi), cosPhi = cosine(phi)
        return (x: phiRate - yawRate * sinTheta,
                y: thetaRate * cosPhi + yawRate * sinPhi * cosTheta,
                z: -thetaRate * sinPhi + yawRate * cosPhi * cosTheta)
    }
}

/// One oscillation of the gait: A * envelope(t) * sin(2 pi * harmonic * stepRate * t + phase).
/// The envelope's derivatives enter the result, so gait start and stop stay physical.
struct GaitOscillation {
    var amplitude: Double
    /// 1 for once per step, 0.5 for once per stride (left plus right step).
    var harmonic: Double
    var phase: Double

    func motion(at time: Double, stepRateHz: Double, envelope e: Motion3) -> Motion3 {
        guard e.value != 0 || e.rate != 0 || e.acceleration != 0 else { return .zero }
        let omega = 2 * Double.pi * harmonic * stepRateHz
        let s = sine(omega * time + phase), c = cosine(omega * time + phase)
        return Motion3(value: amplitude * e.value * s,
                       rate: amplitude * (e.rate * s + e.value * omega * c),
                       acceleration: amplitude * (e.acceleration * s + 2 * e.rate * omega * c - e.value * omega * omega * s))
    }
}

/// Pelvis motion in steady walking (healthy adult, Perry's gait analysis figures): vertical
/// excursion ~4 cm peak to peak and a forward surge once per step, side-to-side sway, pelvic
/// rotation and obliquity once per stride, a small tilt oscillation once per step.
enum Gait {
    static let vertical = GaitOscillation(amplitude: 0.02, harmonic: 1, phase: .pi / 2)
    static let forward = GaitOscillation(amplitude: 0.012, harmonic: 1, phase: .pi)
    static let lateral = GaitOscillation(amplitude: 0.02, harmonic: 0.5, phase: 0)
    static let tilt = GaitOscillation(amplitude: 1.5, harmonic: 1, phase: 0)
    static let obliquity = GaitOscillation(amplitude: -3, harmonic: 0.5, phase: 0.3)
    static let heading = GaitOscillation(amplitude: 4, harmonic: 0.5, phase: -.pi / 2)
}

/// Quiet-stance sway on one axis: three slow sinusoids with seeded frequencies and phases, weights
/// summing to 1 so that the amplitude never exceeds the pose's sway setting.
struct SwayAxis: Sendable {
    var omegas: (Double, Double, Double)
    var phases: (Double, Double, Double)
    var weights: (Double, Double, Double)

    init(random: inout SimulationRandom, scale: Double) {
        omegas = (2 * .pi * (0.05 + 0.07 * random.uniform()),
                  2 * .pi * (0.15 + 0.15 * random.uniform()),
                  2 * .pi * (0.35 + 0.25 * random.uniform()))
        phases = (2 * .pi * random.uniform(), 2 * .pi * random.uniform(), 2 * .pi * random.uniform())
        weights = (0.6 * scale, 0.3 * scale, 0.1 * scale)
    }

    func scaled(by gain: Motion3, at time: Double) -> Motion3 {
        let a0 = omegas.0 * time + phases.0, a1 = omegas.1 * time + phases.1, a2 = omegas.2 * time + phases.2
        let value = weights.0 * sine(a0) + weights.1 * sine(a1) + weights.2 * sine(a2)
        let rate = weights.0 * omegas.0 * cosine(a0) + weights.1 * omegas.1 * cosine(a1) + weights.2 * omegas.2 * cosine(a2)
        let accel = -(weights.0 * omegas.0 * omegas.0 * sine(a0) + weights.1 * omegas.1 * omegas.1 * sine(a1)
                      + weights.2 * omegas.2 * omegas.2 * sine(a2))
        return Motion3(value: gain.value * value,
                       rate: gain.rate * value + gain.value * rate,
                       acceleration: gain.acceleration * value + 2 * gain.rate * rate + gain.value * accel)
    }
}

/// Sway on the three pelvis axes plus the breathing rhythm that modulates the seat load.
struct SwayModel: Sendable {
    var tilt: SwayAxis
    var obliquity: SwayAxis
    var heading: SwayAxis
    var breathingPhase: Double

    init(random: inout SimulationRandom) {
        tilt = SwayAxis(random: &random, scale: 1)
        obliquity = SwayAxis(random: &random, scale: 0.7)
        heading = SwayAxis(random: &random, scale: 0.5)
        breathingPhase = 2 * .pi * random.uniform()
    }

    /// Seat load factor from breathing at 0.25 Hz (15 breaths per minute), +-1.5 %.
    func breathing(at time: Double) -> Double {
        1 + 0.015 * sine(2 * .pi * 0.25 * time + breathingPhase)
    }
}
