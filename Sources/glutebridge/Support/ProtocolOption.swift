import ArgumentParser
import GluteSession

extension DecoderChoice {
    /// `--protocol NAME` of the verbs that read recordings: a name it does not know is a usage
    /// error listing the ones it does (otherwise it would be ignored and the protocol detected).
    static func validate(_ name: String?) throws {
        guard let name, DecoderChoice(rawValue: name) == nil else { return }
        throw ValidationError("--protocol: '\(name)' is not one of \(DecoderChoice.allCases.map(\.rawValue).joined(separator: ", "))")
    }
}
