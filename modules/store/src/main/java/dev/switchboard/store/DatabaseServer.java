package dev.switchboard.store;

import dev.switchboard.core.error.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A training center's shared PostgreSQL server ({@code --database jdbc:postgresql://host:5432/switchboard} or
 * {@code SWITCHBOARD_DATABASE}) and how to log on to it. The password is read when needed from a password file
 * ({@code --database-password-file} or {@code SWITCHBOARD_DATABASE_PASSWORD_FILE}) or the environment
 * ({@code SWITCHBOARD_DATABASE_PASSWORD}), or left to the driver's own {@code ~/.pgpass}; it is never written
 * anywhere by Switchboard and never part of {@link #toString()}. TLS options such as {@code sslmode=verify-full}
 * go in the URL and pass through to the driver.
 */
public final class DatabaseServer {

    /** The environment variable that names the server when {@code --database} is not given. */
    public static final String ENV_URL = "SWITCHBOARD_DATABASE";
    /** The environment variable holding the user name when the URL has none. */
    public static final String ENV_USER = "SWITCHBOARD_DATABASE_USER";
    /** The environment variable holding the password. */
    public static final String ENV_PASSWORD = "SWITCHBOARD_DATABASE_PASSWORD";
    /** The environment variable naming a file whose first line is the password. */
    public static final String ENV_PASSWORD_FILE = "SWITCHBOARD_DATABASE_PASSWORD_FILE";

    private static final String PREFIX = "jdbc:postgresql://";
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("[?&]password=", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_IN_URL = Pattern.compile("[?&]user=", Pattern.CASE_INSENSITIVE);

    private final String url;
    private final String user;
    private final String password;

    private DatabaseServer(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * The server named by {@code option} (the {@code --database} value) or else by {@code SWITCHBOARD_DATABASE}
     * in {@code env}; empty when neither is given, which means the seat's own SQLite file.
     *
     * @throws InputException when the URL is not a PostgreSQL JDBC URL, carries a password, or the password
     *                        file cannot be read
     */
    public static Optional<DatabaseServer> resolve(String option, Path passwordFile, Map<String, String> env) {
        String url = option != null && !option.isBlank() ? option.strip() : env.getOrDefault(ENV_URL, "").strip();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Path file = passwordFile;
        if (file == null && !env.getOrDefault(ENV_PASSWORD_FILE, "").isBlank()) {
            file = Path.of(env.get(ENV_PASSWORD_FILE).strip());
        }
        String password = file != null ? readPasswordFile(file) : env.get(ENV_PASSWORD);
        String user = env.get(ENV_USER);
        return Optional.of(of(url, user, password));
    }

    /** A server with the given log-on; {@code user} and {@code password} may be null (the driver's defaults). */
    public static DatabaseServer of(String url, String user, String password) {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith(PREFIX)) {
            throw InputException.field("--database", "'" + redact(url) + "' is not a PostgreSQL address; write "
                    + "jdbc:postgresql://host:5432/switchboard, or leave it out to use this seat's own database file.");
        }
        if (PASSWORD_IN_URL.matcher(url).find()) {
            throw InputException.field("--database", "the address carries a password, which would be kept in plain "
                    + "text; put it in a password file (--database-password-file) or SWITCHBOARD_DATABASE_PASSWORD.");
        }
        String name = user == null || user.isBlank() || USER_IN_URL.matcher(url).find() ? null : user.strip();
        return new DatabaseServer(url, name, password == null || password.isEmpty() ? null : password);
    }

    /** The JDBC URL as given (it never holds a password). */
    public String url() {
        return url;
    }

    /** Host, port and database for messages, without query options. */
    public String display() {
        int query = url.indexOf('?');
        return (query < 0 ? url : url.substring(0, query)).substring("jdbc:".length());
    }

    /** The driver properties for logging on: user and password when known. */
    Properties logOn() {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "Switchboard");
        return p;
    }

    @Override
    public String toString() {
        return display();
    }

    /** The first line of a password file, for {@link DatabaseSetting} too. */
    static String readPasswordFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String first = text.lines().findFirst().orElse("").strip();
            if (first.isEmpty()) {
                throw new InputException(file, 1, "password", "the password file is empty.");
            }
            return first;
        } catch (IOException e) {
            throw new InputException(file, 0, "password", "cannot read the password file: " + e.getMessage());
        }
    }

    private static String redact(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }
}
