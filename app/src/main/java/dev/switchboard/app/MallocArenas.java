package dev.switchboard.app;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps glibc's malloc arenas at two, as the source launcher's {@code MALLOC_ARENA_MAX=2} does, for starts that do not
 * go through that script (the jpackage app-image, which can set no environment variable). glibc gives every thread
 * that allocates natively an arena of its own, up to eight per core; the speech models, the map and the database live
 * natively, and two arenas keep about 140 MB less resident in a control-room session. Arenas made before the call
 * stay, so it runs first thing in {@link Main}.
 */
public final class MallocArenas {

    /** The environment variable glibc reads at start-up; when it is set, it already decided. */
    static final String ENV = "MALLOC_ARENA_MAX";
    /** {@code M_ARENA_MAX} in glibc's {@code malloc.h}. */
    static final int M_ARENA_MAX = -8;
    /** The launcher's value. */
    static final int ARENAS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(MallocArenas.class);

    private MallocArenas() {
    }

    /**
     * Caps the arenas of this process unless {@code MALLOC_ARENA_MAX} is set or the C library is not glibc (musl,
     * macOS, Windows). Never throws; a failure is logged at debug level only.
     *
     * @return whether the cap was applied
     */
    public static boolean limit() {
        return limit(System.getenv(), System.getProperty("os.name", ""));
    }

    static boolean limit(Map<String, String> env, String osName) {
        if (env.get(ENV) != null || !osName.startsWith("Linux")) {
            return false;
        }
        try {
            NativeLibrary libc = NativeLibrary.getInstance("c");
            // Only glibc has it; musl's mallopt exists but does nothing.
            String version = libc.getFunction("gnu_get_libc_version").invokeString(new Object[0], false);
            Function mallopt = libc.getFunction("mallopt");
            boolean applied = mallopt.invokeInt(new Object[] {M_ARENA_MAX, ARENAS}) == 1;
            LOG.debug("glibc {}: malloc arenas capped at {}: {}", version, ARENAS, applied);
            return applied;
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("Malloc arenas left as the C library sets them: {}", e.toString());
            return false;
        }
    }
}
