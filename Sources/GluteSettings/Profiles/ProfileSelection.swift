import GluteCore

/// Which calibration profile, if any, a `monitor`/`record`/`replay` run uses, and its effect on
/// the settings.
///
/// Precedence: a neutral window (`--neutral`, or `neutral` in the config file) wins; otherwise the
/// profile named by `--profile`; otherwise, for a replay, the profile recorded in the capture;
/// otherwise the `default` profile when it exists; otherwise the automatic neutral. A named profile that is missing or damaged is an error; so is a damaged
/// `default` (silently calibrating differently would be worse). Without `--mount` (or `mount` in
/// the config) the profile's mount is used; with one, the profile's vectors are carried over into it.
public struct ProfileSelection: Sendable, Equatable {
    /// The profile in use, nil when none is.
    public var profile: CalibrationProfile?
    /// Its file.
    public var path: String?
    /// One line for standard error saying which neutral is used and why, nil when there is
    /// nothing to say (no profile exists, automatic neutral).
    public var note: String?

    /// Applies the profile chosen by `name` (from `--profile`) to `settings`; `recorded` is the
    /// profile a capture was recorded with, which a replay prefers to today's default.
    public static func apply(name: String?, recorded: CalibrationProfile? = nil, to settings: inout ResolvedSettings,
                             store: ProfileStore?) throws(ProfileError) -> ProfileSelection {
        if settings.sources[.neutral] != nil {
            let note = name.map { "--neutral window given: profile '\($0)' not used" }
            return ProfileSelection(profile: nil, path: nil, note: note)
        }
        if name == nil, let recorded {
            try use(recorded, origin: "the recording", to: &settings)
            let note = "calibration profile '\(recorded.name)' (\(recorded.created), mount \(settings.pipeline.mount)) recorded in the capture"
            return ProfileSelection(profile: recorded, path: nil, note: note)
        }
        guard let store else {
            if let name { throw ProfileError("no place for calibration profiles, so no profile '\(name)' (set HOME or XDG_CONFIG_HOME)") }
            return ProfileSelection(profile: nil, path: nil, note: nil)
        }
        let chosen: String
        if let name {
            chosen = name
        } else if store.exists(name: ProfileStore.defaultName) {
            chosen = ProfileStore.defaultName
        } else {
            return ProfileSelection(profile: nil, path: nil, note: nil)
        }
        let profile = try store.load(name: chosen)
        try use(profile, origin: store.path(for: chosen), to: &settings)
        let note = "calibration profile '\(chosen)' (\(profile.created), mount \(settings.pipeline.mount)) from \(store.path(for: chosen))"
        return ProfileSelection(profile: profile, path: store.path(for: chosen), note: note)
    }

    /// The profile's mount (unless `--mount` was given) and neutral; `origin` names it in errors.
    private static func use(_ profile: CalibrationProfile, origin: String, to settings: inout ResolvedSettings) throws(ProfileError) {
        if settings.sources[.mount] == nil {
            do { settings.pipeline.mount = try Mount(parsing: profile.mount) } catch {
                throw ProfileError("\(origin): \(error)")
            }
        }
        do { settings.pipeline.neutral = try profile.neutralSource(for: settings.pipeline.mount) } catch {
            throw ProfileError("\(origin): \(error)")
        }
        settings.calibration = profile
    }
}
