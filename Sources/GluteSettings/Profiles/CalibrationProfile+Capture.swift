import Foundation

extension CalibrationProfile {
    /// The capture header field that carries the profile a recording was made with.
    public static let captureHeaderKey = "calibration"

    /// The profile as one line of JSON, for a capture header.
    public var headerText: String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The profile from a capture header field; nil when it is missing, unreadable or fails the
    /// checks a profile file must pass.
    public init?(headerText: String) {
        guard let profile = try? JSONDecoder().decode(CalibrationProfile.self, from: Data(headerText.utf8)),
              profile.problem == nil else { return nil }
        self = profile
    }
}
