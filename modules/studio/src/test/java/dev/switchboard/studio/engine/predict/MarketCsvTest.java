package dev.switchboard.studio.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.studio.TestDatabases;
import dev.switchboard.studio.engine.csv.CsvProblem;
import dev.switchboard.studio.model.predict.PriceSeries;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketCsvTest {

    @TempDir
    Path temp;

    private Path write(String name, String text) throws Exception {
        Path p = temp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsTheThreeLayouts() throws Exception {
        Path binance = write("binance.csv", """
                1700000000000,100,101,99,100.5,10,1700000059999,1000,5,4,400,0
                1700000060000,100.5,102,100,101,12,1700000119999,1200,6,5,500,0
                """);
        PriceSeries b = new MarketCsv().read(binance, "BTC-USD", 0, MarketCsv.Gaps.REFUSE);
        assertThat(b.barSeconds()).isEqualTo(60);
        assertThat(b.times()).containsExactly(1_700_000_000L, 1_700_000_060L);
        Path gecko = write("gecko.csv", """
                snapped_at,price,market_cap,total_volume
                2013-04-28 00:00:00 UTC,135.3,1500517590,0
                2013-04-29 00:00:00 UTC,141.96,1575032004.0,0
                """);
        PriceSeries g = new MarketCsv().read(gecko, "BTC-USD", 0, MarketCsv.Gaps.REFUSE);
        assertThat(g.barSeconds()).isEqualTo(86_400);
        assertThat(g.close()).containsExactly(135.3, 141.96);
        Path plain = write("plain.csv", "Date,Close,Open,High,Low,Volume\n2024-01-01,10,9,11,8,5\n"
                + "2024-01-02,11,10,12,9,6\n2024-01-03,12,11,13,10,7\n");
        assertThat(new MarketCsv().read(plain, "X", 0, MarketCsv.Gaps.REFUSE).close()).containsExactly(10, 11, 12);
    }

    @Test
    void brokenFilesNameTheLineAndColumn() throws Exception {
        String head = "time,open,high,low,close,volume\n";
        assertProblem(write("cols.csv", "time,open,high\n1,2,3\n"), "cols.csv:1: header [time, open, high] names no "
                + "close column");
        assertProblem(write("text.csv", head + "1700000000,1,2,0.5,1.5,3\n1700000060,1,2,0.5,abc,3\n"),
                "text.csv:3: close: 'abc' is not a number");
        assertProblem(write("count.csv", head + "1700000000,1,2,0.5,1.5\n"),
                "count.csv:2: has 5 columns, the header has 6");
        assertProblem(write("dup.csv", head + "1700000000,1,2,0.5,1.5,3\n1700000000,1,2,0.5,1.5,3\n"),
                "dup.csv:3: time: duplicate time");
        assertProblem(write("order.csv", head + "1700000060,1,2,0.5,1.5,3\n1700000000,1,2,0.5,1.5,3\n"),
                "order.csv:3: time: time 2023-11-14T22:13:20Z is before");
        assertProblem(write("gap.csv", head + "1700000000,1,2,0.5,1.5,3\n1700000060,1,2,0.5,1.5,3\n"
                + "1700000240,1,2,0.5,1.5,3\n"), "gap.csv:4: time: gap: 2 bars missing");
        assertProblem(write("hl.csv", head + "1700000000,1,2,0.5,1.5,3\n1700000060,1,1.2,0.5,1.5,3\n"),
                "hl.csv:3: high: high 1.2 and low 0.5 do not enclose");
        Path filled = temp.resolve("gap.csv");
        PriceSeries s = new MarketCsv().read(filled, "X", 0, MarketCsv.Gaps.FILL);
        assertThat(s.size()).isEqualTo(5);
        assertThat(s.volume()[2]).isZero();
    }

    @Test
    void aHugeFileIsRefusedWithoutReadingItWhole() throws Exception {
        // A gigabyte with no line break (a sparse file: nothing is written to disk).
        Path huge = temp.resolve("huge.csv");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.write("time,open,high,low,close\n1700000000,".getBytes());
            f.setLength(1L << 30);
        }
        assertThatThrownBy(() -> new MarketCsv().read(huge, "X", 0, MarketCsv.Gaps.REFUSE))
                .isInstanceOf(CsvProblem.class).hasMessageContaining("huge.csv:2: contains binary data");
        // A long but valid file stops at the bar limit, at the line that passes it.
        StringBuilder text = new StringBuilder("time,open,high,low,close\n");
        for (int i = 0; i < 50; i++) {
            text.append(1_700_000_000L + 60L * i).append(",1,2,0.5,1.5\n");
        }
        assertThatThrownBy(() -> new MarketCsv(40).read(write("long.csv", text.toString()), "X", 0,
                MarketCsv.Gaps.REFUSE)).hasMessage(temp.resolve("long.csv") + ":42: more than 40 bars: split the "
                + "file or use a longer bar; nothing was read past this line");
    }

    @Test
    void anImportIsStoredWholeAndReadsBack() throws Exception {
        Path file = write("ok.csv", "time,open,high,low,close,volume\n1700000000,1,2,0.5,1.5,3\n"
                + "1700000060,1.5,2,1,1.8,4\n");
        try (Database db = TestDatabases.open(DataDir.of(temp.resolve("data")).ensureCreated())) {
            MarketStore store = new MarketStore(db, Clock.systemUTC());
            PriceSeries s = new MarketCsv().read(file, "ABC-USD", 0, MarketCsv.Gaps.REFUSE);
            String id = store.save(s, file, "tester");
            assertThat(store.load(id)).isEqualTo(s);
            assertThat(store.find("abc-usd", 60)).isEqualTo(s);
            assertThat(store.list()).anySatisfy(i -> assertThat(i.id()).isEqualTo(id));
            assertThat(store.find("BTC-USD", 300).source()).contains("Bitstamp");
        }
    }

    private static void assertProblem(Path file, String expected) {
        assertThatThrownBy(() -> new MarketCsv().read(file, "X", 0, MarketCsv.Gaps.REFUSE))
                .isInstanceOf(CsvProblem.class).hasMessageStartingWith(file.getParent() + "/" + expected);
    }
}
