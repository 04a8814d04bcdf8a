package dev.switchboard.store;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.io.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consistent copies of the open database in {@link DataDir#backups()}, taken with {@code VACUUM INTO}
 * while the program keeps working, named {@code switchboard-YYYYMMDD-HHMMSS[-n]-<reason>.db} in the
 * clock's local time. Automatic backups ({@code daily}, {@code exit}) are pruned to the newest
 * {@link #KEEP} of each reason; manual and before-restore backups and any other file are never pruned.
 */
public final class Backups {

    /** How many backups of each automatic reason are kept. */
    public static final int KEEP = 7;
    public static final String MANUAL = "manual";
    public static final String DAILY = "daily";
    public static final String EXIT = "exit";
    public static final String BEFORE_RESTORE = "before-restore";

    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    private static final Set<String> AUTOMATIC = Set.of(DAILY, EXIT);
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final Pattern NAME =
            Pattern.compile("switchboard-(\\d{8}-\\d{6})(?:-(\\d+))?-([a-z][a-z0-9-]*)\\.db");
    private static final int MAX_REASON = 32;

    private final Database db;
    private final Clock clock;
    private final Runnable beforeEach;

    public Backups(Database db, Clock clock) {
        this(db, clock, () -> { });
    }

    /**
     * @param beforeEach runs before each backup is taken, e.g. to sign a checkpoint of the event log so that the
     *                   backup carries it; a failure there is logged and the backup is taken anyway
     */
    public Backups(Database db, Clock clock, Runnable beforeEach) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.beforeEach = Objects.requireNonNull(beforeEach, "beforeEach");
    }

    /**
     * Takes a backup now and prunes old automatic ones. Blocks for as long as copying the database
     * takes (about a second per 100 MB here); call off the FX thread.
     *
     * @param reason {@code manual}, {@code daily}, {@code exit} or {@code before-restore}; other text is
     *               reduced to lower-case letters, digits and dashes
     */
    public synchronized BackupInfo create(String reason) {
        String why = sanitize(reason);
        Path folder = db.dataDir().backups();
        try {
            beforeEach.run();
        } catch (RuntimeException e) {
            LOG.warn("Before backing up: {}", e.getMessage(), e);
        }
        String stamp = stamp(clock);
        try {
            Files.createDirectories(folder);
            Path target = null;
            Path partial = null;
            for (int n = 1; target == null; n++) {
                Path candidate = folder.resolve("switchboard-" + stamp + (n == 1 ? "" : "-" + n) + "-" + why + ".db");
                Path candidatePartial = candidate.resolveSibling(candidate.getFileName() + ".partial");
                if (Files.exists(candidate)) {
                    continue;
                }
                try {
                    // Claims the name; VACUUM INTO accepts an empty file and keeps its private mode.
                    PrivateFiles.createFile(candidatePartial);
                    target = candidate;
                    partial = candidatePartial;
                } catch (FileAlreadyExistsException taken) {
                    LOG.debug("Backup name {} is taken, trying the next", candidatePartial);
                }
            }
            vacuumInto(partial);
            force(partial);
            move(partial, target);
            force(folder);
            BackupInfo info = parse(target, clock.getZone()).orElseThrow().info();
            LOG.info("Backed up the database to {} ({} bytes, {})", target, info.sizeBytes(), why);
            prune();
            return info;
        } catch (IOException | SQLException e) {
            throw new SwitchboardException("Could not write a backup to " + folder + ": " + e.getMessage(),
                    "Check the free disk space and that the folder is writable.", e);
        }
    }

    /** Every backup of this data dir, newest first. */
    public List<BackupInfo> list() {
        return list(db.dataDir(), clock.getZone());
    }

    /**
     * Every backup in {@code dir}, newest first; works without an open database, e.g. to offer a
     * restore when the database is damaged. Times are read in the system's time zone.
     */
    public static List<BackupInfo> list(DataDir dir) {
        return list(dir, ZoneId.systemDefault());
    }

    /** Takes a {@code daily} backup unless one was taken today (the clock's local date). */
    public Optional<BackupInfo> dailyIfNeeded() {
        LocalDate today = LocalDate.now(clock);
        boolean done = list().stream()
                .anyMatch(b -> b.reason().equals(DAILY)
                        && LocalDate.ofInstant(b.createdAt(), clock.getZone()).equals(today));
        return done ? Optional.empty() : Optional.of(create(DAILY));
    }

    /** Takes the backup at a clean shutdown, before the database is closed. */
    public BackupInfo onCleanExit() {
        return create(EXIT);
    }

    private void prune() {
        List<BackupInfo> all = list();
        for (String reason : AUTOMATIC) {
            List<BackupInfo> ofReason = all.stream().filter(b -> b.reason().equals(reason)).toList();
            for (BackupInfo old : ofReason.subList(Math.min(KEEP, ofReason.size()), ofReason.size())) {
                try {
                    Files.deleteIfExists(old.file());
                    LOG.info("Pruned old {} backup {}", reason, old.file());
                } catch (IOException e) {
                    LOG.warn("Could not prune old backup {}: {}", old.file(), e.getMessage());
                }
            }
        }
    }

    private void vacuumInto(Path partial) throws SQLException {
        try (Handle h = db.jdbi().open();
             PreparedStatement s = h.getConnection().prepareStatement("VACUUM INTO ?")) {
            s.setString(1, partial.toAbsolutePath().toString());
            s.execute();
        } catch (SQLException | RuntimeException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    static List<BackupInfo> list(DataDir dir, ZoneId zone) {
        Path folder = dir.backups();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Parsed> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "switchboard-*.db")) {
            for (Path file : files) {
                parse(file, zone).ifPresent(found::add);
            }
        } catch (IOException e) {
            LOG.warn("Could not list backups in {}: {}", folder, e.getMessage());
        }
        found.sort(Comparator.comparing((Parsed p) -> p.info().createdAt())
                .thenComparingInt(Parsed::n)
                .reversed());
        return found.stream().map(Parsed::info).toList();
    }

    private static Optional<Parsed> parse(Path file, ZoneId zone) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            LocalDateTime at = LocalDateTime.parse(m.group(1), STAMP);
            int n = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            return Optional.of(new Parsed(new BackupInfo(file, at.atZone(zone).toInstant(), Files.size(file),
                    m.group(3)), n));
        } catch (DateTimeParseException | NumberFormatException | IOException e) {
            return Optional.empty();
        }
    }

    static String sanitize(String reason) {
        String text = reason == null ? "" : reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        text = text.replaceAll("^-+|-+$", "");
        if (text.length() > MAX_REASON) {
            text = text.substring(0, MAX_REASON).replaceAll("-+$", "");
        }
        if (text.isEmpty()) {
            return MANUAL;
        }
        // The name pattern needs a letter first so "-<n>-" stays unambiguous.
        return Character.isLetter(text.charAt(0)) ? text : "backup-" + text;
    }

    static void force(Path path) throws IOException {
        boolean folder = Files.isDirectory(path);
        StandardOpenOption mode = folder ? StandardOpenOption.READ : StandardOpenOption.WRITE;
        try (FileChannel channel = FileChannel.open(path, mode)) {
            channel.force(true);
        } catch (IOException e) {
            if (!folder) {
                throw e;
            }
            // Some platforms cannot open a folder to sync it; the file itself is synced.
            LOG.debug("Could not sync folder {}: {}", path, e.getMessage());
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static String stamp(Clock clock) {
        return STAMP.format(LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
    }

    private record Parsed(BackupInfo info, int n) {
    }
}
