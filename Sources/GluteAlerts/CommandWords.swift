/// Splits an `--exec` command line into words the way a POSIX shell would quote them, and nothing
/// more: the words are then run without a shell, so no text can become code.
///
/// - Blanks (space, tab, newline) outside quotes separate words.
/// - `'...'` keeps everything literally up to the next `'`.
/// - `"..."` keeps everything literally except that a backslash escapes `"`, `\`, `$` and a
///   backquote, and a backslash-newline disappears; other backslashes stay as typed.
/// - Outside quotes a backslash makes the next character literal; backslash-newline disappears.
/// - `''` and `""` make an empty word.
/// - Characters that would make a shell do something this splitter does not do are refused rather
///   than silently passed on: unquoted `; & | < > ( ) $` and backquote, a word starting with `#`
///   or `~`, and `$` or a backquote inside double quotes. Quote them (single quotes) to pass them
///   literally, or exec `sh -c '...'` deliberately.
/// - Globbing characters (`* ? [`) are passed literally (as a shell does when nothing matches).
public enum CommandWords {
    public static func split(_ text: String) throws(CommandWordsError) -> [String] {
        var splitter = Splitter(scalars: Array(text.unicodeScalars))
        return try splitter.run()
    }

    /// The splitter's state: the text, where it is, and the words so far.
    private struct Splitter {
        let scalars: [Unicode.Scalar]
        var i = 0
        var words: [String] = []
        var word = ""
        var inWord = false

        init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func run() throws(CommandWordsError) -> [String] {
            while i < scalars.count {
                let c = scalars[i]
                switch c {
                case " ", "\t", "\n":
                    finishWord()
                    i += 1
                case "'": try singleQuoted()
                case "\"": try doubleQuoted()
                case "\\": try escaped()
                case ";", "&", "|", "<", ">", "(", ")", "$", "`":
                    throw CommandWordsError(reason: "unquoted '\(Character(c))' means something to a shell, and --exec "
                        + "runs no shell; quote it to pass it literally, or exec sh -c '...' deliberately")
                case "#" where !inWord, "~" where !inWord:
                    throw CommandWordsError(reason: "a word starting with '\(Character(c))' means something to a shell, "
                        + "and --exec runs no shell; quote it to pass it literally")
                default:
                    word.unicodeScalars.append(c)
                    inWord = true
                    i += 1
                }
            }
            finishWord()
            guard !words.isEmpty else { throw CommandWordsError(reason: "the command is empty") }
            return words
        }

        private mutating func finishWord() {
            if inWord { words.append(word) }
            word = ""
            inWord = false
        }

        /// `'...'`: everything literally up to the next `'`.
        private mutating func singleQuoted() throws(CommandWordsError) {
            let opened = i
            inWord = true
            i += 1
            while i < scalars.count, scalars[i] != "'" {
                word.unicodeScalars.append(scalars[i])
                i += 1
            }
            guard i < scalars.count else {
                throw CommandWordsError(reason: "unbalanced single quote (opened at character \(opened + 1))")
            }
            i += 1
        }

        /// `"..."`: literal but for the backslash escapes; `$` and backquote refused.
        private mutating func doubleQuoted() throws(CommandWordsError) {
            let opened = i
            inWord = true
            i += 1
            while true {
                guard i < scalars.count else {
                    throw CommandWordsError(reason: "unbalanced double quote (opened at character \(opened + 1))")
                }
                let d = scalars[i]
                if d == "\"" { i += 1; break }
                if d == "\\", i + 1 < scalars.count {
                    let next = scalars[i + 1]
                    if next == "\n" { i += 2; continue }
                    if next == "\"" || next == "\\" || next == "$" || next == "`" {
                        word.unicodeScalars.append(next)
                        i += 2
                        continue
                    }
                }
                if d == "$" || d == "`" {
                    throw CommandWordsError(reason: "'\(Character(d))' inside double quotes would expand in a shell, "
                        + "and --exec runs no shell; use single quotes or a backslash to pass it literally")
                }
                word.unicodeScalars.append(d)
                i += 1
            }
        }

        /// A backslash outside quotes: the next character literally; backslash-newline disappears.
        private mutating func escaped() throws(CommandWordsError) {
            guard i + 1 < scalars.count else { throw CommandWordsError(reason: "ends with a lone backslash") }
            let next = scalars[i + 1]
            if next != "\n" {
                word.unicodeScalars.append(next)
                inWord = true
            }
            i += 2
        }
    }
}

/// Why a command line could not be split into words.
public struct CommandWordsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}
