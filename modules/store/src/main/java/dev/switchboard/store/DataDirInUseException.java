package dev.switchboard.store;

import dev.switchboard.core.error.SwitchboardException;
import java.util.List;

/**
 * The data dir (or its database) is held by another process, so a restore or a start cannot go ahead now. Not
 * damage: the way out is to close the other program or wait, never to restore a backup.
 */
public class DataDirInUseException extends SwitchboardException {

    private static final long serialVersionUID = 1L;

    private final List<Long> pids;

    public DataDirInUseException(String message, String hint, List<Long> pids, Throwable cause) {
        super(message, hint, cause);
        this.pids = List.copyOf(pids);
    }

    /** The processes known to hold it; empty when the platform does not say. */
    public List<Long> pids() {
        return pids;
    }
}
