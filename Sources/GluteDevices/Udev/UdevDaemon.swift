import Glibc

/// Whether a udev daemon is there to send hotplug events.
///
/// Without one (containers, chroots, early boot) libudev's monitor never reports anything, so a
/// caller waiting for a device to come back must poll for it with a retry and backoff instead.
public enum UdevDaemon {
    /// The socket systemd-udevd (and eudev) listens on; libudev itself uses its presence as the
    /// "udev is running" test.
    public static let controlPath = "/run/udev/control"

    /// True when `controlPath` exists.
    public static var isRunning: Bool { access(controlPath, F_OK) == 0 }
}
