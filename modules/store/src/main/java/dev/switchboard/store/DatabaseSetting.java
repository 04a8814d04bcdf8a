package dev.switchboard.store;

import dev.switchboard.core.error.InputException;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.io.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which database this seat works on when neither {@code --database} nor {@code SWITCHBOARD_DATABASE} says: its own
 * SQLite file, or a training center's server and where that server's password comes from. Kept in
 * {@value #FILE_NAME} in the seat's data dir, written by Settings; the file never holds a password, only where
 * to find one (a password file, an environment variable, the OS keyring, or the driver's {@code ~/.pgpass}).
 *
 * @param kind            the seat's own file or a server
 * @param url             the server's JDBC URL (TLS options allowed), empty for the seat's own file
 * @param user            the user to log on as, empty for the driver's default (the OS user)
 * @param passwordFrom    where the password comes from
 * @param passwordPlace   the password file's path or the environment variable's name; empty otherwise
 */
public record DatabaseSetting(Kind kind, String url, String user, PasswordFrom passwordFrom, String passwordPlace) {

    /** The file in the data dir. */
    public static final String FILE_NAME = "database.properties";

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The seat's own file or a training center's server. */
    public enum Kind {
        SEAT, SERVER
    }

    /** Where a server's password comes from; never from the settings file itself. */
    public enum PasswordFrom {
        /** The first line of a file only this user can read. */
        FILE,
        /** An environment variable of the process, named in the setting. */
        ENVIRONMENT,
        /** The OS keyring (Secret Service, Keychain, Credential Manager), entered once in Settings. */
        KEYRING,
        /** Nothing from Switchboard: the driver reads {@code ~/.pgpass}, or the server trusts this computer. */
        PGPASS;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Reads a password from the OS keyring; empty when it holds none under that entry. */
    @FunctionalInterface
    public interface KeyringReader {
        Optional<String> read(String entry);
    }

    public DatabaseSetting {
        Objects.requireNonNull(kind, "kind");
        url = url == null ? "" : url.strip();
        user = user == null ? "" : user.strip();
        passwordFrom = passwordFrom == null ? PasswordFrom.PGPASS : passwordFrom;
        passwordPlace = passwordPlace == null ? "" : passwordPlace.strip();
    }

    /** The seat's own SQLite file, the default. */
    public static DatabaseSetting seat() {
        return new DatabaseSetting(Kind.SEAT, "", "", PasswordFrom.PGPASS, "");
    }

    /**
     * A server setting from what an instructor typed, checked field by field.
     *
     * @throws InputException naming the field when the address is not a PostgreSQL address or carries a password,
     *                        or the password file or variable is missing or malformed
     */
    public static DatabaseSetting server(String url, String user, PasswordFrom from, String place) {
        DatabaseSetting s = new DatabaseSetting(Kind.SERVER, url, user, from, place);
        s.validate(null, 0);
        return s;
    }

    /** Whether this names a server. */
    public boolean isServer() {
        return kind == Kind.SERVER;
    }

    /** Host, port and database for messages (never a password, never the query options). */
    public String display() {
        return isServer() ? DatabaseServer.of(url, null, null).display() : "";
    }

    /** The keyring entry this server's password is kept under: {@code user@host:port/database}. */
    public String keyringEntry() {
        return keyringEntry(url, user);
    }

    /** The keyring entry for a server address and user, as {@link #keyringEntry()}. */
    public static String keyringEntry(String url, String user) {
        String where = DatabaseServer.of(url, null, null).display();
        return (user == null || user.isBlank() ? "" : user.strip() + "@") + where;
    }

    /** The settings file of {@code dir}. */
    public static Path file(DataDir dir) {
        return dir.root().resolve(FILE_NAME);
    }

    /**
     * The setting saved in {@code dir}, or empty when none was saved.
     *
     * @throws InputException naming the file, line and key when the file cannot be read or holds something wrong
     */
    public static Optional<DatabaseSetting> read(DataDir dir) {
        Path file = file(dir);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new InputException(file, 0, "file", "cannot be read (" + e.getMessage() + "); save the database "
                    + "choice again in Settings, or move the file aside to use this seat's own database.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq < 0 || !List.of("database", "url", "user", "password.from", "password.place").contains(key)) {
                // A password written here by hand is refused rather than used: the file must never hold one.
                String why = key.toLowerCase(Locale.ROOT).contains("password")
                        ? "a password is never kept in this file; choose a password file, an environment variable "
                        + "or the OS keyring in Settings, and remove this line."
                        : "unknown entry '" + key + "'; expected database, url, user, password.from, password.place.";
                throw new InputException(file, i + 1, key, why);
            }
            values.put(key, line.substring(eq + 1).strip());
            lineOf.put(key, i + 1);
        }
        String kind = values.getOrDefault("database", "seat");
        if (kind.equals("seat")) {
            return Optional.of(seat());
        }
        if (!kind.equals("server")) {
            throw new InputException(file, lineOf.getOrDefault("database", 0), "database",
                    "'" + kind + "' is neither 'seat' nor 'server'.");
        }
        String from = values.getOrDefault("password.from", "pgpass");
        PasswordFrom source = null;
        for (PasswordFrom f : PasswordFrom.values()) {
            if (f.key().equals(from)) {
                source = f;
            }
        }
        if (source == null) {
            throw new InputException(file, lineOf.getOrDefault("password.from", 0), "password.from",
                    "'" + from + "' is not one of file, environment, keyring, pgpass.");
        }
        DatabaseSetting s = new DatabaseSetting(Kind.SERVER, values.get("url"), values.get("user"), source,
                values.get("password.place"));
        s.validate(file, lineOf.getOrDefault("url", 0));
        return Optional.of(s);
    }

    /**
     * Saves this setting in {@code dir}, replacing the earlier one at once (a private file, written beside and
     * renamed, so a reader never sees half of it).
     */
    public void write(DataDir dir) {
        List<String> out = new ArrayList<>();
        out.add("# Which database this seat works on; written by Settings. It applies at the next start, unless");
        out.add("# --database or SWITCHBOARD_DATABASE is given. No password is ever kept here.");
        out.add("database = " + (isServer() ? "server" : "seat"));
        if (isServer()) {
            out.add("url = " + url);
            if (!user.isEmpty()) {
                out.add("user = " + user);
            }
            out.add("password.from = " + passwordFrom.key());
            if (!passwordPlace.isEmpty()) {
                out.add("password.place = " + passwordPlace);
            }
        }
        Path file = file(dir);
        try {
            dir.ensureCreated();
            PrivateFiles.replaceIfDifferent(file, (String.join("\n", out) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SwitchboardException("Could not save the database choice to " + file + ": " + e.getMessage(),
                    "Check that the data folder is writable.", e);
        }
    }

    /**
     * The server to log on to, with its password fetched from where the setting says.
     *
     * @param env     the process environment, for {@link PasswordFrom#ENVIRONMENT}
     * @param keyring the OS keyring, for {@link PasswordFrom#KEYRING}
     * @throws InputException when the password file or variable is missing or empty
     * @throws SwitchboardException when the keyring holds no password for this server or cannot be read
     */
    public DatabaseServer toServer(Map<String, String> env, KeyringReader keyring) {
        if (!isServer()) {
            throw new IllegalStateException("the seat's own database has no server");
        }
        String password = switch (passwordFrom) {
            case FILE -> DatabaseServer.readPasswordFile(Path.of(passwordPlace));
            case ENVIRONMENT -> {
                String value = env.get(passwordPlace);
                if (value == null || value.isEmpty()) {
                    throw InputException.field("password.place", "the environment variable " + passwordPlace
                            + " that should hold the password of " + display() + " is not set.");
                }
                yield value;
            }
            case KEYRING -> {
                Optional<String> stored;
                try {
                    stored = keyring.read(keyringEntry());
                } catch (RuntimeException e) {
                    throw new SwitchboardException("The OS keyring cannot be read: " + e.getMessage(),
                            "Choose a password file or an environment variable in Settings.", e);
                }
                yield stored.orElseThrow(() -> new SwitchboardException("The OS keyring holds no password for "
                        + keyringEntry() + ".", "Enter the password again in Settings → Database."));
            }
            case PGPASS -> null;
        };
        return DatabaseServer.of(url, user.isEmpty() ? null : user, password);
    }

    private void validate(Path file, int urlLine) {
        if (!isServer()) {
            return;
        }
        if (url.isEmpty()) {
            throw new InputException(file, urlLine, "url", "no server address; write "
                    + "jdbc:postgresql://host:5432/switchboard.");
        }
        try {
            DatabaseServer.of(url, null, null);
        } catch (InputException e) {
            throw new InputException(file, urlLine, "url", e.problem());
        }
        switch (passwordFrom) {
            case FILE -> {
                if (passwordPlace.isEmpty()) {
                    throw new InputException(file, 0, "password.place", "no password file given; write the path "
                            + "of a file whose first line is the password.");
                }
            }
            case ENVIRONMENT -> {
                if (!VARIABLE.matcher(passwordPlace).matches()) {
                    throw new InputException(file, 0, "password.place", "'" + passwordPlace + "' is not the name of "
                            + "an environment variable (letters, digits and _, e.g. SWITCHBOARD_DATABASE_PASSWORD).");
                }
            }
            default -> {
                // Keyring and ~/.pgpass need no place.
            }
        }
    }
}
