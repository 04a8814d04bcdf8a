package dev.switchboard.core.account;

/** What an audit record is about. */
public enum AuditAction {
    LOGON, LOGOUT, LOCK, UNLOCK, PASSWORD_CHANGE, PASSWORD_RESET,
    ACCOUNT_CREATE, ROLE_CHANGE, ACCOUNT_ENABLE, ACCOUNT_DISABLE,
    /** Any opening, playing or exporting of a recorded session. */
    RECORDING_ACCESS,
    /** A session recorded under a person's name: by themselves, or by an instructor on their behalf. */
    SESSION_RECORDING,
    DATABASE_BACKUP, DATABASE_RESTORE
}
