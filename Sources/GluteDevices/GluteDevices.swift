/// GluteDevices is the POSIX edge: serial ports, pseudo terminals, reader threads, udev and
/// Bluetooth sockets.
public enum GluteDevices {}
