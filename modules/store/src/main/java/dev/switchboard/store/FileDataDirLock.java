package dev.switchboard.store;

import dev.switchboard.core.io.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DataDirLock} as an operating-system lock on {@code <data dir>/switchboard.lock}: shared for every
 * process that has the database open, exclusive for a swap of the file. The kernel drops the lock when a process
 * dies, so a killed process never leaves the data dir locked.
 *
 * <p>Inside one JVM there is one channel and one lock per lock file, counted by holder: POSIX locks belong to the
 * process, and closing any channel on the file would drop them all. The table of held locks is therefore
 * per-JVM (static), the one place this module keeps state outside an object it was handed.
 */
final class FileDataDirLock implements DataDirLock {

    /** The lock file's name inside the data dir. */
    static final String FILE_NAME = "switchboard.lock";

    private static final Logger LOG = LoggerFactory.getLogger(FileDataDirLock.class);
    private static final Map<Path, Held> HELD = new HashMap<>();
    private static final long WAIT_FOR_EXCLUSIVE_MS = 5000;

    private final Held held;
    private final boolean alone;
    private boolean closed;

    private FileDataDirLock(Held held, boolean alone) {
        this.held = held;
        this.alone = alone;
    }

    @Override
    public boolean alone() {
        return alone;
    }

    @Override
    public boolean exclusive() {
        return held.exclusive;
    }

    static FileDataDirLock shared(DataDir dir) {
        Path file = dir.root().resolve(FILE_NAME);
        long deadline = System.currentTimeMillis() + WAIT_FOR_EXCLUSIVE_MS;
        synchronized (HELD) {
            Held known = HELD.get(file);
            if (known != null) {
                if (known.exclusive) {
                    throw inUse(dir, "open the database", List.of(ProcessHandle.current().pid()),
                            "being replaced by this program", null);
                }
                known.holders++;
                return new FileDataDirLock(known, false);
            }
            FileChannel channel = open(dir, file);
            try {
                while (true) {
                    FileLock solo = channel.tryLock();
                    if (solo != null) {
                        // Nobody else has the data dir open; take the shared hold in its place.
                        solo.release();
                        FileLock shared = channel.tryLock(0, Long.MAX_VALUE, true);
                        if (shared != null) {
                            return register(file, new Held(file, channel, shared, false), true);
                        }
                    } else {
                        FileLock shared = channel.tryLock(0, Long.MAX_VALUE, true);
                        if (shared != null) {
                            return register(file, new Held(file, channel, shared, false), false);
                        }
                    }
                    if (System.currentTimeMillis() > deadline) {
                        throw inUse(dir, "open the database", FileHolders.of(List.of(file)),
                                "being replaced by another Switchboard", null);
                    }
                    sleep(100);
                }
            } catch (IOException e) {
                closeQuietly(channel);
                throw new DataDirInUseException("Cannot lock the data folder " + dir.root() + ": " + e.getMessage(),
                        "Check that the folder is writable.", List.of(), e);
            } catch (RuntimeException e) {
                closeQuietly(channel);
                throw e;
            }
        }
    }

    static FileDataDirLock exclusive(DataDir dir, String purpose) {
        Path file = dir.root().resolve(FILE_NAME);
        synchronized (HELD) {
            if (HELD.containsKey(file)) {
                throw inUse(dir, purpose, List.of(ProcessHandle.current().pid()),
                        "still open in this program", null);
            }
            FileChannel channel = open(dir, file);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    List<Long> pids = FileHolders.of(List.of(file));
                    closeQuietly(channel);
                    throw inUse(dir, purpose, pids, null, null);
                }
                return register(file, new Held(file, channel, lock, true), true);
            } catch (IOException | OverlappingFileLockException e) {
                closeQuietly(channel);
                throw new DataDirInUseException("Cannot lock the data folder " + dir.root() + " to " + purpose + ": "
                        + e.getMessage(), "Close every other Switchboard and try again.", List.of(), e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (HELD) {
            if (closed) {
                return;
            }
            closed = true;
            if (--held.holders > 0) {
                return;
            }
            HELD.remove(held.file);
            try {
                held.lock.release();
            } catch (IOException e) {
                LOG.debug("Could not release {}: {}", held.file, e.getMessage());
            }
            closeQuietly(held.channel);
        }
    }

    private static FileDataDirLock register(Path file, Held held, boolean alone) {
        HELD.put(file, held);
        return new FileDataDirLock(held, alone);
    }

    private static FileChannel open(DataDir dir, Path file) {
        try {
            if (!Files.exists(file)) {
                try {
                    PrivateFiles.createFile(file);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    LOG.debug("{} was created by another process meanwhile", file);
                }
            }
            return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new DataDirInUseException("Cannot open the lock file " + file + ": " + e.getMessage(),
                    "Check that the data folder " + dir.root() + " is writable.", List.of(), e);
        }
    }

    private static DataDirInUseException inUse(DataDir dir, String purpose, List<Long> pids, String why,
                                               Throwable cause) {
        String who = why != null ? why : "in use by " + FileHolders.describe(pids, "another program");
        return new DataDirInUseException("Cannot " + purpose + ": the data folder " + dir.root() + " is " + who + ".",
                "Close that program (or let it finish) and try again; nothing was changed.", pids, cause);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Could not close a lock file: {}", e.getMessage());
        }
    }

    /** One lock file's channel and lock in this JVM, and how many holders share it. */
    private static final class Held {
        final Path file;
        final FileChannel channel;
        final FileLock lock;
        final boolean exclusive;
        int holders = 1;

        Held(Path file, FileChannel channel, FileLock lock, boolean exclusive) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
            this.exclusive = exclusive;
        }
    }
}
