import Glibc

/// Whether a device path may be reopened after its device hung up.
///
/// A pseudo-terminal's slave end (/dev/pts/N) is gone for good once its master closes, and the
/// kernel gives the number N to the next pseudo-terminal anyone opens: an ssh login, a terminal
/// window. Reopening /dev/pts/N after a hang-up could therefore read another program's terminal.
/// A symbolic link to a pty (socat's `link=`, a test's stable name) is different: whoever
/// restarts the other end points the link at the new pty, so following it is what the user asked.
enum PseudoTerminalPath {
    /// Linux's UNIX98 pty slaves: majors 136 to 143 (devices.txt), the devpts nodes.
    private static let slaveMajors: ClosedRange<UInt64> = 136...143

    /// True when `path` itself, not a symbolic link to it, is the pty slave that `descriptor`
    /// (opened from `path`) refers to.
    static func namesPtySlaveDirectly(_ path: String, descriptor: CInt) -> Bool {
        guard let opened = try? Posix.descriptorStatus(descriptor, path: path),
              opened.st_mode & S_IFMT == S_IFCHR, slaveMajors.contains(major(opened.st_rdev)) else { return false }
        var named = stat()
        return lstat(path, &named) == 0 && named.st_mode & S_IFMT != S_IFLNK
    }

    /// glibc's `major()` is a macro Swift does not import; this is its Linux encoding (12 bits
    /// at bit 8, the rest from bit 32 up).
    static func major(_ device: dev_t) -> UInt64 {
        let d = UInt64(device)
        return ((d >> 8) & 0xFFF) | ((d >> 32) & ~0xFFF)
    }
}
