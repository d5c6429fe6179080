import GluteWire

/// Finds sit-to-stand transitions in an IMU recording with the pipeline's posture classifier,
/// without the minimum posture duration (short sitting bouts count). By default the neutral is
/// the first quiet stretch in any orientation, so a sensor of unknown mounting works as long as
/// the recording starts upright.
public enum SitToStandFinder {
    /// Settings for a recording of unknown mounting: automatic neutral accepting any orientation.
    public static var defaultSettings: PipelineSettings {
        var settings = PipelineSettings()
        settings.calibration.uprightTolerance = nil
        return settings
    }

    /// All sit/stand transitions the classifier recognises, in time order.
    public static func transitions(in samples: [IMUSample], settings: PipelineSettings = defaultSettings) -> [PostureTransition] {
        var pipeline = Pipeline(settings: settings)
        var found: [PostureTransition] = []
        for sample in samples {
            pipeline.process(.imu(sample), emit: { _ in }, onTransition: { found.append($0) })
        }
        return found
    }

    /// The sit-to-stand transitions only.
    public static func sitToStand(in samples: [IMUSample], settings: PipelineSettings = defaultSettings) -> [PostureTransition] {
        transitions(in: samples, settings: settings).filter { $0.kind == .sitToStand }
    }
}
