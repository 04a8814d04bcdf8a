package dev.switchboard.city.engine.pack.tiles;

import dev.switchboard.core.error.InputException;
import dev.switchboard.core.geo.WebMercator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * An imported basemap in the MBTiles format (raster PNG or JPEG tiles in SQLite, rows in TMS order: row 0
 * at the south). Opened read-only; {@link #tile} takes XYZ addresses and flips the row. Thread-safe (one
 * connection, used by one caller at a time). Close it when the map stops using it.
 */
public final class MbTiles implements TileSource, AutoCloseable {

    private final Path file;
    private final Connection connection;
    private final PreparedStatement select;
    private final Map<String, String> metadata;
    private final String format;
    private final String cacheKey;

    private MbTiles(Path file, Connection connection, Map<String, String> metadata, String format)
            throws SQLException {
        this.file = file;
        this.connection = connection;
        this.metadata = Map.copyOf(metadata);
        this.format = format;
        this.select = connection.prepareStatement(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
        long size;
        long modified;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (java.io.IOException e) {
            size = 0;
            modified = 0;
        }
        String name = file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        this.cacheKey = "mbtiles-" + name + "-" + Long.toHexString(size) + "-" + Long.toHexString(modified);
    }

    /**
     * Opens and checks {@code file}.
     *
     * @throws InputException naming the file (and the metadata field) when it is missing, not SQLite, lacks
     *                        the {@code tiles} or {@code metadata} table, or holds vector tiles
     */
    public static MbTiles open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, 0, null, Files.exists(file) ? "is not a regular file"
                    : "not found or not a file");
        }
        Connection connection = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            requireTable(connection, file, "tiles");
            requireTable(connection, file, "metadata");
            Map<String, String> metadata = new LinkedHashMap<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name, value FROM metadata")) {
                while (rs.next()) {
                    if (rs.getString(1) != null) {
                        metadata.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
                    }
                }
            }
            String format = metadata.getOrDefault("format", "").strip().toLowerCase(Locale.ROOT);
            if (format.isEmpty()) {
                format = sniffFormat(connection);
            }
            if (format.equals("jpeg")) {
                format = "jpg";
            }
            if (!format.equals("png") && !format.equals("jpg")) {
                throw new InputException(file, 0, "metadata.format",
                        "must be png or jpg (raster tiles); '" + format + "' tiles cannot be shown");
            }
            MbTiles tiles = new MbTiles(file, connection, metadata, format);
            connection = null;
            return tiles;
        } catch (SQLException e) {
            throw new InputException(file, 0, null, "is not a readable MBTiles (SQLite) file: " + e.getMessage());
        } finally {
            closeQuietly(connection);
        }
    }

    @Override
    public String cacheKey() {
        return cacheKey;
    }

    /** The tile at XYZ address {@code zoom/x/y} (row 0 at the north), or empty when the file has none. */
    @Override
    public synchronized Optional<byte[]> tile(int zoom, int x, int y) {
        WebMercator.Tile tile;
        try {
            tile = new WebMercator.Tile(zoom, x, y);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            select.setInt(1, zoom);
            select.setInt(2, x);
            select.setInt(3, tile.tmsRow());
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    byte[] data = rs.getBytes(1);
                    // Checked again here: the file may have changed since import, and a bad tile is never drawn.
                    return TileCheck.problem(data).isPresent() ? Optional.empty() : Optional.of(data);
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new InputException(file, 0, "tiles", "cannot be read: " + e.getMessage());
        }
    }

    /**
     * What a check of every tile found.
     *
     * @param problems how many tiles have each problem ({@link TileCheck#problem})
     */
    public record Check(long tiles, long good, Map<String, Long> problems) {
        public Check {
            problems = Map.copyOf(problems);
        }

        /** "12 tiles: 10 good, 1 not a PNG or JPEG image, 1 larger than 1024 KB". */
        public String describe() {
            StringBuilder b = new StringBuilder(tiles + " tiles: " + good + " good");
            problems.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> b.append(", ").append(e.getValue()).append(' ').append(e.getKey()));
            return b.toString();
        }
    }

    /** Reads every tile once and checks it ({@link TileCheck}); for import. */
    public synchronized Check checkTiles() {
        long total = 0;
        long good = 0;
        Map<String, Long> problems = new java.util.TreeMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT tile_data FROM tiles")) {
            while (rs.next()) {
                total++;
                Optional<String> problem = TileCheck.problem(rs.getBytes(1));
                if (problem.isPresent()) {
                    problems.merge(problem.get(), 1L, Long::sum);
                } else {
                    good++;
                }
            }
        } catch (SQLException e) {
            throw new InputException(file, 0, "tiles", "cannot be read: " + e.getMessage());
        }
        return new Check(total, good, problems);
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The {@code metadata} table (name, description, bounds, minzoom, maxzoom, attribution, …). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** {@code png} or {@code jpg}. */
    public String format() {
        return format;
    }

    /** The {@code minzoom} metadata, if present and a number. */
    public Optional<Integer> minZoom() {
        return intMetadata("minzoom");
    }

    /** The {@code maxzoom} metadata, if present and a number. */
    public Optional<Integer> maxZoom() {
        return intMetadata("maxzoom");
    }

    @Override
    public synchronized void close() {
        try {
            select.close();
        } catch (SQLException ignored) {
            // Closing the connection below releases it anyway.
        }
        closeQuietly(connection);
    }

    private Optional<Integer> intMetadata(String key) {
        try {
            return Optional.of(Integer.parseInt(metadata.getOrDefault(key, "").strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void requireTable(Connection c, Path file, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE name = ? AND type IN ('table', 'view')")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new InputException(file, 0, table,
                            "table is missing; an MBTiles file has 'tiles' and 'metadata'");
                }
            }
        }
    }

    /** Tells PNG from JPEG by the first tile's signature, for files without a {@code format} entry. */
    private static String sniffFormat(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT tile_data FROM tiles LIMIT 1")) {
            if (rs.next()) {
                byte[] d = rs.getBytes(1);
                if (d != null && d.length > 3 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N'
                        && d[3] == 'G') {
                    return "png";
                }
                if (d != null && d.length > 2 && (d[0] & 0xff) == 0xff && (d[1] & 0xff) == 0xd8) {
                    return "jpg";
                }
                return "unknown";
            }
            return "png";
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Nothing useful to do: the file was only read.
            }
        }
    }
}
