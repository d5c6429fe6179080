import ArgumentParser
import GluteSession
import GluteSettings

/// What `monitor`, `record` and `replay` take: the detection options and the alert options, one
/// resolution for both (a `--config` file holds either).
struct DetectionAndAlertOptions: ParsableArguments {
    @OptionGroup var detection: DetectionOptions
    @OptionGroup var alerting: AlertOptions

    func validate() throws {
        _ = try resolved(announcingProfile: false)
    }

    func resolved(announcingProfile: Bool = true, recorded: CalibrationProfile? = nil) throws -> ResolvedSettings {
        try detection.resolved(alerts: alerting, announcingProfile: announcingProfile, recorded: recorded)
    }
}
