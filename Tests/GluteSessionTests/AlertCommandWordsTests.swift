import GluteAlerts
import Testing
@testable import GluteSession

@Suite("alert command word splitting")
struct AlertCommandWordsTests {
    static let accepted: [(String, [String])] = [
        ("notify-send 'Stand up'", ["notify-send", "Stand up"]),
        ("  a   b\tc\n", ["a", "b", "c"]),
        (#"a "b c" d"#, ["a", "b c", "d"]),
        (#""x\"y""#, [#"x"y"#]),
        (#""a\\b""#, [#"a\b"#]),
        (#""a\nb""#, [#"a\nb"#]),
        (#""\$HOME and \`id\`""#, ["$HOME and `id`"]),
        (#"a\ b"#, ["a b"]),
        (#"\'quoted\'"#, ["'quoted'"]),
        ("a\\\nb", ["ab"]),
        ("\"a\\\nb\"", ["ab"]),
        ("'' x \"\"", ["", "x", ""]),
        ("a''b", ["ab"]),
        (#"'it'\''s'"#, ["it's"]),
        ("'$(touch /tmp/pwned); rm -rf /'", ["$(touch /tmp/pwned); rm -rf /"]),
        (#"'a\b'"#, [#"a\b"#]),
        ("x*.txt key=value a#b", ["x*.txt", "key=value", "a#b"]),
        ("'#not a comment' '~'", ["#not a comment", "~"]),
        ("héllo 'wörld ✓'", ["héllo", "wörld ✓"]),
    ]

    @Test(arguments: accepted)
    func splitsLikeAShell(_ text: String, _ words: [String]) throws {
        #expect(try CommandWords.split(text) == words)
    }

    static let rejected: [(String, String)] = [
        ("'abc", "unbalanced single quote (opened at character 1)"),
        ("echo \"abc", "unbalanced double quote (opened at character 6)"),
        ("abc\\", "ends with a lone backslash"),
        ("a; b", "unquoted ';'"),
        ("a | b", "unquoted '|'"),
        ("a && b", "unquoted '&'"),
        ("a > file", "unquoted '>'"),
        ("a < file", "unquoted '<'"),
        ("(a)", "unquoted '('"),
        ("echo $HOME", "unquoted '$'"),
        ("echo `id`", "unquoted '`'"),
        ("echo \"$HOME\"", "'$' inside double quotes"),
        ("echo \"`id`\"", "'`' inside double quotes"),
        ("cmd # comment", "a word starting with '#'"),
        ("~/bin/hook", "a word starting with '~'"),
        ("", "the command is empty"),
        ("   \t ", "the command is empty"),
    ]

    @Test(arguments: rejected)
    func refusesWhatOnlyAShellCouldDo(_ text: String, _ reason: String) {
        #expect(throws: CommandWordsError.self) { try CommandWords.split(text) }
        do {
            _ = try CommandWords.split(text)
        } catch {
            #expect(error.reason.contains(reason), "\(error.reason)")
            #expect(!error.reason.contains("\n"))
        }
    }
}
