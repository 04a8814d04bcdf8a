package dev.switchboard.studio.engine.predict;

import dev.switchboard.store.Database;
import dev.switchboard.studio.model.predict.Headline;
import dev.switchboard.studio.model.predict.PriceSeries;
import dev.switchboard.studio.model.predict.SeriesInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Imported market series and headlines in the store ({@code V20__studio_market.sql}), beside the bundled series.
 * Each import is one transaction: a file is stored whole or not at all. Thread-safe.
 */
public final class MarketStore {

    private static final int BATCH = 5000;

    private final Jdbi jdbi;
    private final Clock clock;

    public MarketStore(Database db, Clock clock) {
        this.jdbi = Objects.requireNonNull(db, "db").jdbi();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores {@code series} read from {@code file}; returns its new id. */
    public String save(PriceSeries series, Path file, String importedBy) {
        String id = UUID.randomUUID().toString();
        String sha = sha256Of(file);
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO studio_market_series (id, symbol, bar_seconds, source, file_name, file_sha256,"
                    + " bars, first_time, last_time, imported_at, imported_by) VALUES (:id, :symbol, :bar, :source,"
                    + " :file, :sha, :bars, :first, :last, :at, :by)")
                    .bind("id", id).bind("symbol", series.symbol()).bind("bar", series.barSeconds())
                    .bind("source", series.source()).bind("file", String.valueOf(file.getFileName()))
                    .bind("sha", sha).bind("bars", series.size()).bind("first", series.times()[0])
                    .bind("last", series.times()[series.size() - 1]).bind("at", clock.millis())
                    .bind("by", importedBy).execute();
            PreparedBatch batch = h.prepareBatch("INSERT INTO studio_market_bar (series_id, t, open, high, low, close,"
                    + " volume) VALUES (?, ?, ?, ?, ?, ?, ?)");
            for (int i = 0; i < series.size(); i++) {
                batch.add(id, series.times()[i], series.open()[i], series.high()[i], series.low()[i],
                        series.close()[i], series.volume()[i]);
                if (batch.size() == BATCH) {
                    batch.execute();
                }
            }
            if (batch.size() > 0) {
                batch.execute();
            }
        });
        return id;
    }

    /** Every series: the bundled ones first, then the imported ones, newest first. */
    public List<SeriesInfo> list() {
        List<SeriesInfo> out = new ArrayList<>();
        for (String id : BundledMarketData.IDS) {
            PriceSeries s = BundledMarketData.byId(id);
            out.add(new SeriesInfo(id, s.symbol(), s.barLabel(), s.size(), s.times()[0], s.times()[s.size() - 1],
                    s.source(), true));
        }
        out.addAll(jdbi.withHandle(h -> h.createQuery("SELECT id, symbol, bar_seconds, source, bars, first_time,"
                + " last_time FROM studio_market_series ORDER BY imported_at DESC, id")
                .map((rs, ctx) -> new SeriesInfo(rs.getString("id"), rs.getString("symbol"),
                        PriceSeries.barLabel(rs.getInt("bar_seconds")), rs.getInt("bars"), rs.getLong("first_time"),
                        rs.getLong("last_time"), rs.getString("source"), false)).list()));
        return out;
    }

    /** A series by id (bundled or imported), or null. */
    public PriceSeries load(String id) {
        PriceSeries bundled = BundledMarketData.byId(id);
        if (bundled != null) {
            return bundled;
        }
        return jdbi.withHandle(h -> {
            var meta = h.createQuery("SELECT symbol, bar_seconds, source, bars FROM studio_market_series"
                    + " WHERE id = :id")
                    .bind("id", id).mapToMap().findOne();
            if (meta.isEmpty()) {
                return null;
            }
            int n = ((Number) meta.get().get("bars")).intValue();
            long[] t = new long[n];
            double[] o = new double[n];
            double[] hi = new double[n];
            double[] lo = new double[n];
            double[] c = new double[n];
            double[] v = new double[n];
            int[] k = {0};
            h.createQuery("SELECT t, open, high, low, close, volume FROM studio_market_bar WHERE series_id = :id"
                    + " ORDER BY t").bind("id", id).setFetchSize(BATCH).scanResultSet((rows, ctx) -> {
                        var rs = rows.get();
                        while (rs.next()) {
                            int i = k[0]++;
                            t[i] = rs.getLong(1);
                            o[i] = rs.getDouble(2);
                            hi[i] = rs.getDouble(3);
                            lo[i] = rs.getDouble(4);
                            c[i] = rs.getDouble(5);
                            v[i] = rs.getDouble(6);
                        }
                        return null;
                    });
            return new PriceSeries((String) meta.get().get("symbol"),
                    ((Number) meta.get().get("bar_seconds")).intValue(),
                    (String) meta.get().get("source"), t, o, hi, lo, c, v);
        });
    }

    /**
     * The series for {@code symbol} at {@code barSeconds}: the newest import, else the bundled one, else null.
     */
    public PriceSeries find(String symbol, int barSeconds) {
        String s = symbol.toUpperCase(Locale.ROOT);
        String id = jdbi.withHandle(h -> h.createQuery("SELECT id FROM studio_market_series WHERE upper(symbol) = :s"
                + " AND bar_seconds = :b ORDER BY imported_at DESC LIMIT 1").bind("s", s).bind("b", barSeconds)
                .mapTo(String.class).findOne().orElse(null));
        return id != null ? load(id) : BundledMarketData.series(s, barSeconds);
    }

    /** Stores headlines about {@code symbol}; returns how many. */
    public int saveHeadlines(String symbol, List<Headline> headlines, Path file) {
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO studio_headline (symbol, t, text, score, file_name,"
                    + " imported_at) VALUES (?, ?, ?, ?, ?, ?)");
            for (Headline x : headlines) {
                batch.add(symbol.toUpperCase(Locale.ROOT), x.time(), x.text(), x.score(),
                        String.valueOf(file.getFileName()), clock.millis());
                if (batch.size() == BATCH) {
                    batch.execute();
                }
            }
            if (batch.size() > 0) {
                batch.execute();
            }
        });
        return headlines.size();
    }

    /** The headlines about {@code symbol}, oldest first. */
    public List<Headline> headlines(String symbol) {
        return jdbi.withHandle(h -> h.createQuery("SELECT t, text, score FROM studio_headline WHERE symbol = :s"
                + " ORDER BY t, id").bind("s", symbol.toUpperCase(Locale.ROOT))
                .map((rs, ctx) -> new Headline(rs.getLong(1), rs.getString(2), rs.getDouble(3))).list());
    }

    /** The SHA-256 of a file, hex. */
    public static String sha256Of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
