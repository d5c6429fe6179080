import GluteWire

/// Everything the pipeline can be told; the defaults are the CLI's defaults.
public struct PipelineSettings: Sendable, Equatable {
    /// The orientation filter, used for streams with a gyroscope.
    public var orientation: AHRSSettings
    /// How the sensor is worn (`--mount`). Default `x,y,z`.
    public var mount: Mount
    /// Where the neutral pelvis comes from (`--neutral A..B`). Default automatic.
    public var neutral: NeutralSource
    /// The automatic neutral's quiet stretch.
    public var calibration: CalibrationSettings
    public var posture: PostureSettings
    public var tilt: TiltSettings
    public var sitting: SittingSettings
    public var squeeze: SqueezeSettings
    public var drop: PelvicDropSettings
    public var exercise: ExerciseSettings

    public init(orientation: AHRSSettings = AHRSSettings(), mount: Mount = .standard, neutral: NeutralSource = .automatic,
                calibration: CalibrationSettings = CalibrationSettings(), posture: PostureSettings = PostureSettings(),
                tilt: TiltSettings = TiltSettings(), sitting: SittingSettings = SittingSettings(),
                squeeze: SqueezeSettings = SqueezeSettings(), drop: PelvicDropSettings = PelvicDropSettings(),
                exercise: ExerciseSettings = ExerciseSettings()) {
        self.orientation = orientation
        self.mount = mount
        self.neutral = neutral
        self.calibration = calibration
        self.posture = posture
        self.tilt = tilt
        self.sitting = sitting
        self.squeeze = squeeze
        self.drop = drop
        self.exercise = exercise
    }
}
