import GluteCore

/// Which calibration profile, if any, a `monitor`/`record`/`replay` run uses, and its effect on
/// the settings.
///
/// Precedence: a neutral window (`--neutral`, or `neutral` in the config file) wins; otherwise the
/// profile named by `--profile`; otherwise the `default` profile when it exists; otherwise the
/// automatic neutral. A named profile that is missing or damaged is an error; so is a damaged
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

    /// Applies the profile chosen by `name` (from `--profile`) to `settings`.
    public static func apply(name: String?, to settings: inout ResolvedSettings, store: ProfileStore) throws(ProfileError) -> ProfileSelection {
        if settings.sources[.neutral] != nil {
            let note = name.map { "--neutral window given: profile '\($0)' not used" }
            return ProfileSelection(profile: nil, path: nil, note: note)
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
        if settings.sources[.mount] == nil {
            do { settings.pipeline.mount = try Mount(parsing: profile.mount) } catch {
                throw ProfileError("\(store.path(for: chosen)): \(error)")
            }
        }
        do { settings.pipeline.neutral = try profile.neutralSource(for: settings.pipeline.mount) } catch {
            throw ProfileError("\(store.path(for: chosen)): \(error)")
        }
        let note = "calibration profile '\(chosen)' (\(profile.created), mount \(settings.pipeline.mount)) from \(store.path(for: chosen))"
        return ProfileSelection(profile: profile, path: store.path(for: chosen), note: note)
    }
}
