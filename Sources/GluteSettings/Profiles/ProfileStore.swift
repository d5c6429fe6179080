import Foundation
import GluteDevices

/// Why a profile could not be read or written; `description` is the message for the user.
public struct ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Calibration profiles on disk: `$XDG_CONFIG_HOME/glutebridge/profiles/NAME.json` (XDG_CONFIG_HOME
/// defaulting to `~/.config`). The directories are created 0700 and the files 0600: a profile
/// describes a body. Files are replaced atomically, so a crash never leaves half a profile.
public struct ProfileStore: Sendable {
    /// The profile used when none is named and one by this name exists.
    public static let defaultName = "default"

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The store under `XDG_CONFIG_HOME` (or `HOME/.config`) from `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ProfileError) {
        let base: String
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            // The XDG spec: a relative XDG_CONFIG_HOME is invalid and ignored.
            base = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.config"
        } else {
            throw ProfileError("cannot find the profile directory: neither XDG_CONFIG_HOME nor HOME is set")
        }
        self.init(directory: base + "/glutebridge/profiles")
    }

    /// Checks a profile name: letters, digits, `.`, `_`, `-`, not starting with `.`, at most 64.
    public static func validate(name: String) throws(ProfileError) {
        let allowed = name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
        guard !name.isEmpty, name.count <= 64, allowed, !name.hasPrefix(".") else {
            throw ProfileError("'\(name)' is not a profile name (letters, digits, '.', '_' and '-', not starting with '.', at most 64)")
        }
    }

    public func path(for name: String) -> String {
        directory + "/" + name + ".json"
    }

    public func exists(name: String) -> Bool {
        PrivateFile.exists(path(for: name))
    }

    /// Reads and checks the profile `name`.
    public func load(name: String) throws(ProfileError) -> CalibrationProfile {
        try ProfileStore.validate(name: name)
        let file = path(for: name)
        guard let data = FileManager.default.contents(atPath: file) else {
            if exists(name: name) { throw ProfileError("\(file): cannot be read") }
            throw ProfileError("no calibration profile '\(name)' (\(file)); make one with `glutebridge calibrate SOURCE --profile \(name)`")
        }
        let profile: CalibrationProfile
        do {
            profile = try JSONDecoder().decode(CalibrationProfile.self, from: data)
        } catch {
            throw ProfileError("\(file): not a calibration profile (\(ProfileStore.describe(error))); calibrate again")
        }
        if let problem = profile.problem { throw ProfileError("\(file): \(problem); calibrate again") }
        return profile
    }

    /// Writes `profile` as `profile.name`, replacing one by that name; returns the file's path.
    @discardableResult
    public func save(_ profile: CalibrationProfile) throws(ProfileError) -> String {
        try ProfileStore.validate(name: profile.name)
        try makeDirectories()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do { data = try encoder.encode(profile) } catch { throw ProfileError("cannot encode the profile: \(error)") }
        let file = path(for: profile.name)
        let temporary = directory + "/." + profile.name + ".json.\(PrivateFile.processID).tmp"
        do {
            try PrivateFile.replace(file, through: temporary, with: Array(data) + [UInt8(ascii: "\n")])
        } catch {
            throw ProfileError("\(error.path): \(error.cause.message)")
        }
        return file
    }

    /// `.../glutebridge` and `.../glutebridge/profiles`, 0700; the parents as needed with the
    /// default mode (they are the user's config directory and above).
    private func makeDirectories() throws(ProfileError) {
        let parent = (directory as NSString).deletingLastPathComponent
        let grandparent = (parent as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: grandparent, withIntermediateDirectories: true)
        } catch {
            throw ProfileError("\(grandparent): \(ProfileStore.describe(error))")
        }
        for dir in [parent, directory] {
            // Ours: keep it private even if something made it wider.
            do { try PrivateFile.makePrivateDirectory(dir) } catch { throw ProfileError("\(dir): \(error.message)") }
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "no '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "bad '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted: return "not valid JSON"
        default: return error.localizedDescription
        }
    }
}
