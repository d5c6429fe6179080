/// GluteLog writes and reads what GluteBridge keeps: capture files, event logs, alert actions.
public enum GluteLog {}
