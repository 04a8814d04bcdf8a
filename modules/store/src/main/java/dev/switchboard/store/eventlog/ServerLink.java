package dev.switchboard.store.eventlog;

import java.io.IOException;
import java.sql.SQLException;

/** Tells a server that stopped answering apart from a server that answered with an error. */
final class ServerLink {

    private ServerLink() {
    }

    /**
     * Whether {@code failure} means the server cannot be reached or dropped the connection (SQLSTATE class 08, a
     * server shutting down or starting up, or an I/O error underneath), as opposed to a refused statement.
     */
    static boolean isLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03")) {
                    return true;
                }
            }
            if (t instanceof IOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
