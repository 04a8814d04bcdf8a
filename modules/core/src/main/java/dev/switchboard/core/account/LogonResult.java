package dev.switchboard.core.account;

/** The answer to a logon or unlock attempt. */
public sealed interface LogonResult {

    /** The password matched; {@code account} is the signed-in user. */
    record Accepted(Account account) implements LogonResult {
    }

    /** The attempt was refused; {@code reason} is safe to show and never says which part was wrong. */
    record Refused(String reason) implements LogonResult {
    }
}
