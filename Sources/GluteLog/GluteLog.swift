/// GluteLog writes and reads what GluteBridge keeps: capture files and event logs, with the text
/// forms of their numbers and clock times.
public enum GluteLog {}
