import Glibc

/// The terminal bell: BEL on standard error if that is a terminal, else on the controlling
/// terminal (`/dev/tty`) if there is one, else nothing.
public enum TerminalBell {
    public static func ring() {
        var bel: UInt8 = 0x07
        if isatty(2) == 1 {
            _ = write(2, &bel, 1)
            return
        }
        let fd = open("/dev/tty", O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return }
        _ = write(fd, &bel, 1)
        close(fd)
    }
}
