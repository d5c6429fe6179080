import Glibc

/// The raw 8N1 mode `SerialPort` sets, and the fields it checks when reading the settings back.
///
/// Only the bits this project depends on are compared: drivers are free to adjust others (`HUPCL`,
/// reserved bits), and a check on whole flag words would reject working hardware.
enum LineMode {
    static let inputMask = tcflag_t(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON | IXOFF | IXANY)
    static let outputMask = tcflag_t(OPOST)
    static let localMask = tcflag_t(ECHO | ECHONL | ICANON | ISIG | IEXTEN)
    static let controlMask = tcflag_t(CSIZE | PARENB | CSTOPB | CLOCAL | CREAD) | tcflag_t(CRTSCTS)

    /// `original` turned raw: no line editing, echo, signals or translation; 8 data bits, no
    /// parity, one stop bit, no flow control; the modem lines ignored (`CLOCAL`) and the receiver on.
    ///
    /// `VMIN = 1, VTIME = 0`: with `O_NONBLOCK` a read with nothing queued fails with `EAGAIN`, so
    /// a read of 0 bytes means end of stream. (With `VMIN = 0` Linux returns 0 for "nothing yet",
    /// which a reader could not tell from a hang-up; measured on a pty.)
    static func raw(from original: termios) -> termios {
        var mode = original
        cfmakeraw(&mode)
        mode.c_iflag &= ~tcflag_t(IXOFF | IXANY)
        mode.c_cflag &= ~(tcflag_t(CSIZE | PARENB | CSTOPB) | tcflag_t(CRTSCTS))
        mode.c_cflag |= tcflag_t(CS8 | CLOCAL | CREAD)
        withUnsafeMutableBytes(of: &mode.c_cc) { characters in
            characters[Int(VMIN)] = 1
            characters[Int(VTIME)] = 0
        }
        return mode
    }

    /// A readable list of the checked fields where `applied` differs from `requested`; empty if none.
    static func differences(requested: termios, applied: termios) -> [String] {
        var found: [String] = []
        func compare(_ name: String, _ wanted: tcflag_t, _ got: tcflag_t, _ mask: tcflag_t) {
            if wanted & mask != got & mask {
                found.append("\(name) \(String(got & mask, radix: 8)) instead of \(String(wanted & mask, radix: 8))")
            }
        }
        compare("c_iflag", requested.c_iflag, applied.c_iflag, inputMask)
        compare("c_oflag", requested.c_oflag, applied.c_oflag, outputMask)
        compare("c_lflag", requested.c_lflag, applied.c_lflag, localMask)
        compare("c_cflag", requested.c_cflag, applied.c_cflag, controlMask)
        for (name, index) in [("VMIN", Int(VMIN)), ("VTIME", Int(VTIME))] {
            let wanted = controlCharacter(requested, index), got = controlCharacter(applied, index)
            if wanted != got { found.append("\(name) \(got) instead of \(wanted)") }
        }
        return found
    }

    static func controlCharacter(_ mode: termios, _ index: Int) -> UInt8 {
        withUnsafeBytes(of: mode.c_cc) { $0[index] }
    }
}
