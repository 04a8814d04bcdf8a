package dev.switchboard.city.engine.tiles;

import dev.switchboard.core.geo.WebMercator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Writes a raster MBTiles file: the {@code metadata} and {@code tiles} tables, rows flipped to TMS. Used to
 * make test files and to export rendered city tiles for other map programs. Not thread-safe; all tiles go
 * into one transaction that {@link #close} commits.
 */
public final class MbTilesWriter implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement insert;

    private MbTilesWriter(Connection connection) throws SQLException {
        this.connection = connection;
        this.insert = connection.prepareStatement(
                "INSERT OR REPLACE INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)");
    }

    /**
     * Creates {@code file} (it must not exist) with the given metadata, e.g. {@code name}, {@code format}
     * ({@code png} or {@code jpg}), {@code minzoom}, {@code maxzoom}, {@code bounds}, {@code attribution}.
     */
    public static MbTilesWriter create(Path file, Map<String, String> metadata) throws SQLException {
        if (Files.exists(file)) {
            throw new SQLException(file + " already exists");
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("CREATE TABLE metadata (name TEXT, value TEXT)");
                st.executeUpdate("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
                        + " tile_data BLOB)");
                st.executeUpdate("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO metadata (name, value) VALUES (?, ?)")) {
                for (Map.Entry<String, String> e : metadata.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return new MbTilesWriter(c);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** Stores the image of XYZ tile {@code zoom/x/y} (row 0 at the north; written as its TMS row). */
    public void put(int zoom, int x, int y, byte[] image) throws SQLException {
        WebMercator.Tile tile = new WebMercator.Tile(zoom, x, y);
        insert.setInt(1, zoom);
        insert.setInt(2, x);
        insert.setInt(3, tile.tmsRow());
        insert.setBytes(4, image);
        insert.executeUpdate();
    }

    /** Commits and closes the file. */
    @Override
    public void close() throws SQLException {
        try {
            insert.close();
            connection.commit();
        } finally {
            connection.close();
        }
    }
}
