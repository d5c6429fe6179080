import Glibc

/// Linux terminal ioctls and flags that Swift's Glibc module leaves out: they live in
/// `<asm/termbits.h>` and `<asm/ioctls.h>`, which cannot be included next to `<termios.h>`.
/// The numbers are those of the asm-generic layout used by x86_64, arm64, arm and riscv64
/// (checked against the C headers on x86_64).
enum TerminalControl {
    /// `TIOCGPTN`: the number N of a pty master's slave `/dev/pts/N`.
    static let getPtyNumber: UInt = 0x8004_5430
    /// `TIOCSPTLCK`: lock (1) or unlock (0) a pty slave; it starts locked.
    static let setPtyLock: UInt = 0x4004_5431
    /// `TIOCGPTPEER`: open a pty master's slave by descriptor, without a path lookup (Linux 4.13+).
    static let openPtyPeer: UInt = 0x5441
    /// `TCGETS2` / `TCSETS2`: `struct termios2`, whose speeds are plain integers.
    static let getTermios2: UInt = 0x802C_542A
    static let setTermios2: UInt = 0x402C_542B
    /// `CBAUD`: the output speed code bits in `c_cflag`.
    static let speedMask: tcflag_t = 0o010017
    /// `BOTHER`: speed code meaning "use `c_ospeed` / `c_ispeed` as given".
    static let otherSpeed: tcflag_t = 0o010000
    /// `IBSHIFT`: the input speed code sits this many bits above the output speed code.
    static let inputSpeedShift: tcflag_t = 16
}

/// The kernel's `struct termios2`, kept as its 44 bytes so the layout is exact rather than
/// whatever Swift would choose for a struct: four 32-bit flag words, `c_line`, 19 control
/// characters, then input and output speed as 32-bit integers.
struct KernelTermios2 {
    static let size = 44
    private static let controlFlagsOffset = 8
    private static let inputSpeedOffset = 36
    private static let outputSpeedOffset = 40

    private(set) var bytes = [UInt8](repeating: 0, count: size)

    var controlFlags: tcflag_t {
        get { field(at: Self.controlFlagsOffset) }
        set { setField(newValue, at: Self.controlFlagsOffset) }
    }
    var inputSpeed: UInt32 {
        get { field(at: Self.inputSpeedOffset) }
        set { setField(newValue, at: Self.inputSpeedOffset) }
    }
    var outputSpeed: UInt32 {
        get { field(at: Self.outputSpeedOffset) }
        set { setField(newValue, at: Self.outputSpeedOffset) }
    }

    static func read(_ descriptor: CInt, path: String?) throws(SystemError) -> KernelTermios2 {
        var settings = KernelTermios2()
        try settings.bytes.withUnsafeMutableBytes { buffer in
            Result { () throws(SystemError) in
                try Posix.ioctl(descriptor, TerminalControl.getTermios2, argument: buffer.baseAddress!,
                                name: "TCGETS2", path: path)
            }
        }.get()
        return settings
    }

    func write(_ descriptor: CInt, path: String?) throws(SystemError) {
        var copy = bytes
        try copy.withUnsafeMutableBytes { buffer in
            Result { () throws(SystemError) in
                try Posix.ioctl(descriptor, TerminalControl.setTermios2, argument: buffer.baseAddress!,
                                name: "TCSETS2", path: path)
            }
        }.get()
    }

    /// Sets both directions to `rate` bits per second with the `BOTHER` code.
    mutating func setCustomSpeed(_ rate: UInt32) {
        let codes = TerminalControl.speedMask | (TerminalControl.speedMask << TerminalControl.inputSpeedShift)
        let other = TerminalControl.otherSpeed | (TerminalControl.otherSpeed << TerminalControl.inputSpeedShift)
        controlFlags = (controlFlags & ~codes) | other
        inputSpeed = rate
        outputSpeed = rate
    }

    private func field(at offset: Int) -> UInt32 {
        bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
    }

    private mutating func setField(_ value: UInt32, at offset: Int) {
        bytes.withUnsafeMutableBytes { $0.storeBytes(of: value, toByteOffset: offset, as: UInt32.self) }
    }
}
