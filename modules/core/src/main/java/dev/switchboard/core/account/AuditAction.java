package dev.switchboard.core.account;

/** What an audit record is about. */
public enum AuditAction {
    LOGON, LOGOUT, LOCK, UNLOCK, PASSWORD_CHANGE, PASSWORD_RESET,
    ACCOUNT_CREATE, ROLE_CHANGE, ACCOUNT_ENABLE, ACCOUNT_DISABLE,
    /** Any opening, playing or exporting of a recorded session. */
    RECORDING_ACCESS,
    /** A session recorded under a person's name: by themselves, or by an instructor on their behalf. */
    SESSION_RECORDING,
    /** Any search, answer or clip opened in surveillance chat, and any clip attached to an incident. */
    SURVEILLANCE_ACCESS,
    DATABASE_BACKUP, DATABASE_RESTORE,
    /** An instructor saved which database the seat works on (its own file or the training center server). */
    DATABASE_SETTING,
    /** A decision at a workflow's approval gate, or a refused attempt to decide. */
    WORKFLOW_DECISION,
    /** Pausing, resuming, cancelling, retrying, skipping or rerunning a workflow run. */
    WORKFLOW_CONTROL
}
