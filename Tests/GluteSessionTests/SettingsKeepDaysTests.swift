import GluteSettings
import Testing

@Suite("config: keep-days for daily event logs")
struct SettingsKeepDaysTests {
    @Test("keep-days in [log] or at the top level; out of range or not whole is an error naming the line")
    func keepDays() throws {
        #expect(try ResolvedSettings.resolve(options: options(), config: nil).keepDays == nil)
        #expect(try ResolvedSettings.resolve(options: options(), config: configDocument("[log]\nkeep-days = 90")).keepDays == 90)
        #expect(try ResolvedSettings.resolve(options: options(), config: configDocument("keep-days = 30")).keepDays == 30)
        #expect(resolveFailure(options(), config: try configDocument("[log]\nkeep-days = 0", path: "a.toml"))
                == "a.toml:2: log.keep-days: 0 is not a whole number from 1 to 36500")
        #expect(resolveFailure(options(), config: try configDocument("keep-days = 1.5", path: "a.toml"))
                == "a.toml:1: keep-days: 1.5 is not a whole number from 1 to 36500")
        #expect(resolveFailure(options(), config: try configDocument("[alerts]\nkeep-days = 5", path: "a.toml"))
                == "a.toml:2: 'keep-days' belongs in [log] or at the top level, not in [alerts]")
    }
}
