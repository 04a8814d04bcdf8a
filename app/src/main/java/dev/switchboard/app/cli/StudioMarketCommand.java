package dev.switchboard.app.cli;

import dev.switchboard.app.Workstation;
import dev.switchboard.core.error.InputException;
import dev.switchboard.studio.engine.predict.HeadlineCsv;
import dev.switchboard.studio.engine.predict.MarketCsv;
import dev.switchboard.studio.engine.predict.MarketStore;
import dev.switchboard.studio.model.predict.Headline;
import dev.switchboard.studio.model.predict.PriceSeries;
import dev.switchboard.studio.model.predict.SeriesInfo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard studio market import|list|headlines}: market series and headlines in the store. */
@Command(name = "market", mixinStandardHelpOptions = true,
        description = "Market series: import a CSV (Binance klines, CoinGecko history or OHLCV with a header), list "
                + "the bundled and imported series, import headlines for the sentiment feature.")
final class StudioMarketCommand {

    @ParentCommand
    StudioCommand studio;

    @Spec
    CommandSpec spec;

    @Command(name = "import", description = "Import FILE as a market series; every line is checked and nothing is "
            + "stored unless the whole file is good.")
    int importFile(@Parameters(paramLabel = "FILE") Path file,
                   @Option(names = "--symbol", description = "The market, e.g. BTC-USD (default: the file's name).")
                   String symbol,
                   @Option(names = "--bar", description = "Bar length, e.g. 1m, 5m, 1h, 1d (default: from the first "
                           + "two rows).") String bar,
                   @Option(names = "--fill-gaps", description = "Repeat the last close over missing bars instead of "
                           + "refusing the file.") boolean fillGaps) {
        if (!Files.isRegularFile(file)) {
            throw InputException.field("FILE", file + " is not a file");
        }
        int barSeconds = bar == null ? 0 : parseBar(bar);
        String name = symbol != null ? symbol.toUpperCase(Locale.ROOT)
                : file.getFileName().toString().replaceFirst("\\.[^.]*$", "").toUpperCase(Locale.ROOT);
        PriceSeries series = new MarketCsv().read(file, name, barSeconds,
                fillGaps ? MarketCsv.Gaps.FILL : MarketCsv.Gaps.REFUSE);
        try (Workstation ws = studio.openWorkstation()) {
            String id = new MarketStore(ws.database(), ws.wallClock()).save(series, file, DataDirCommand.cliActor());
            spec.commandLine().getOut().printf(Locale.ROOT, "Imported %s %s: %,d bars from %s to %s (id %s)%n",
                    series.symbol(), series.barLabel(), series.size(), Instant.ofEpochSecond(series.times()[0]),
                    Instant.ofEpochSecond(series.times()[series.size() - 1]), id);
        }
        return 0;
    }

    @Command(name = "list", description = "The bundled series and the imported ones, newest first.")
    int list() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = studio.openWorkstation()) {
            List<SeriesInfo> all = new MarketStore(ws.database(), ws.wallClock()).list();
            out.printf("%-38s %-9s %-4s %8s  %-20s  %-20s  %s%n", "ID", "SYMBOL", "BAR", "BARS", "FIRST", "LAST",
                    "SOURCE");
            for (SeriesInfo s : all) {
                out.printf(Locale.ROOT, "%-38s %-9s %-4s %8d  %-20s  %-20s  %s%n", s.id(), s.symbol(), s.bar(),
                        s.bars(), Instant.ofEpochSecond(s.first()), Instant.ofEpochSecond(s.last()), s.source());
            }
        }
        return 0;
    }

    @Command(name = "headlines", description = "Import headlines or posts (CSV with a header naming time and text) "
            + "about --symbol; each is scored with the offline sentiment lexicon.")
    int headlines(@Parameters(paramLabel = "FILE") Path file,
                  @Option(names = "--symbol", required = true) String symbol) {
        List<Headline> headlines = HeadlineCsv.read(file);
        try (Workstation ws = studio.openWorkstation()) {
            int n = new MarketStore(ws.database(), ws.wallClock()).saveHeadlines(symbol, headlines, file);
            double mean = headlines.stream().mapToDouble(Headline::score).average().orElse(0);
            spec.commandLine().getOut().printf(Locale.ROOT, "Imported %d headlines about %s, mean sentiment %+.2f%n",
                    n, symbol.toUpperCase(Locale.ROOT), mean);
        }
        return 0;
    }

    static int parseBar(String bar) {
        try {
            return PriceSeries.parseBar(bar);
        } catch (IllegalArgumentException e) {
            throw InputException.field("--bar", e.getMessage());
        }
    }
}
