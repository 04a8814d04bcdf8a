package dev.switchboard.studio.engine.fraud;

import dev.switchboard.studio.engine.csv.CsvLines;
import dev.switchboard.studio.engine.csv.CsvProblem;
import dev.switchboard.studio.model.fraud.FraudPattern;
import dev.switchboard.studio.model.fraud.Transaction;
import dev.switchboard.studio.model.fraud.TransactionType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Labelled transaction files: the simulator's own CSV (written by {@code studio fraud simulate}), the widely used
 * public card-fraud layout ({@code Time, V1..V28, Amount, Class}) and a generic CSV with a column mapping
 * ({@code time}, {@code label}, optionally {@code features} separated by {@code ;}, else every other column). Rows
 * must be in time order: the evaluation splits by time. Read line by line, at most {@link #MAX_ROWS} rows.
 */
public final class FraudCsv {

    /** The most rows one file may have: 5 million rows of 30 features is 600 MB as floats. */
    public static final int MAX_ROWS = 5_000_000;

    static final String SIMULATOR_HEADER = "id,time_ms,type,amount,name_orig,old_balance_orig,new_balance_orig,"
            + "name_dest,old_balance_dest,new_balance_dest,device,asset,is_fraud,pattern";

    private FraudCsv() {
    }

    /**
     * Writes {@code count} simulated transactions to {@code out}, which must not exist yet: the file appears whole
     * (written beside it, then moved) or not at all.
     */
    public static void writeSimulated(TransactionSimulator.Config config, int count, Path out) {
        if (Files.exists(out)) {
            throw new CsvProblem(out, 0, null, "already exists; choose another --out (nothing is overwritten)");
        }
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        TransactionSimulator sim = new TransactionSimulator(config);
        try {
            try (BufferedWriter w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                w.write(SIMULATOR_HEADER);
                w.newLine();
                StringBuilder line = new StringBuilder(160);
                for (int i = 0; i < count; i++) {
                    Transaction t = sim.next();
                    line.setLength(0);
                    line.append(t.id()).append(',').append(t.timeMs()).append(',').append(t.type()).append(',')
                            .append(t.amount()).append(',').append(t.originName()).append(',')
                            .append(t.oldBalanceOrigin()).append(',').append(t.newBalanceOrigin()).append(',')
                            .append(t.destinationName()).append(',').append(t.oldBalanceDestination()).append(',')
                            .append(t.newBalanceDestination()).append(',').append(t.device()).append(',')
                            .append(t.asset()).append(',').append(t.fraud() ? 1 : 0).append(',').append(t.pattern());
                    w.append(line);
                    w.newLine();
                }
            }
            Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // The partial file stays; it never had the final name.
            }
            throw new UncheckedIOException("Could not write " + out, e);
        }
    }

    /** The layout of {@code file} from its header: {@code simulator-csv}, {@code card-fraud} or {@code generic}. */
    public static String layout(Path file) {
        try (CsvLines lines = new CsvLines(file)) {
            String head = lines.next();
            if (head == null) {
                throw new CsvProblem(file, 0, null, "the file is empty");
            }
            List<String> names = CsvLines.split(head, ',').stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
            if (head.strip().equals(SIMULATOR_HEADER)) {
                return "simulator-csv";
            }
            if (names.contains("time") && names.contains("amount") && names.contains("class") && names.contains("v1")) {
                return "card-fraud";
            }
            return "generic";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /**
     * Reads {@code file} in its layout.
     *
     * @param mapping for the generic layout: {@code time}, {@code label}, optionally {@code features}
     */
    public static LabelledData read(Path file, Map<String, String> mapping) {
        String layout = layout(file);
        return switch (layout) {
            case "simulator-csv" -> readSimulated(file);
            case "card-fraud" -> readColumns(file, "Time", "Class", null, true);
            default -> {
                String time = mapping.get("time");
                String label = mapping.get("label");
                if (time == null || label == null) {
                    throw new CsvProblem(file, 1, null, "not the simulator's or the card-fraud layout: give the "
                            + "columns with --map time=COLUMN,label=COLUMN[,features=A;B;C]");
                }
                String features = mapping.get("features");
                yield readColumns(file, time, label, features == null ? null : List.of(features.split(";")), false);
            }
        };
    }

    private static LabelledData readSimulated(Path file) {
        try (CsvLines lines = new CsvLines(file)) {
            lines.next();
            SimulatedData.Builder builder = null;
            List<Transaction> buffer = new ArrayList<>();
            int rows = 0;
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank()) {
                    continue;
                }
                if (++rows > MAX_ROWS) {
                    throw new CsvProblem(file, lines.lineNumber(), null, "more than " + MAX_ROWS + " rows");
                }
                List<String> f = CsvLines.split(line, ',');
                long n = lines.lineNumber();
                if (f.size() != 14) {
                    throw new CsvProblem(file, n, null, "has " + f.size() + " columns, the header 14");
                }
                Transaction t = new Transaction(longField(f, 0, "id", file, n), longField(f, 1, "time_ms", file, n),
                        enumField(TransactionType.class, f.get(2), "type", file, n), number(f, 3, "amount", file, n),
                        account(f.get(4), "name_orig", file, n), number(f, 5, "old_balance_orig", file, n),
                        number(f, 6, "new_balance_orig", file, n), account(f.get(7), "name_dest", file, n),
                        f.get(7).startsWith("M"), number(f, 8, "old_balance_dest", file, n),
                        number(f, 9, "new_balance_dest", file, n), (int) longField(f, 10, "device", file, n),
                        (int) longField(f, 11, "asset", file, n), enumField(FraudPattern.class, f.get(13), "pattern",
                        file, n));
                if ((t.fraud() ? 1 : 0) != longField(f, 12, "is_fraud", file, n)) {
                    throw new CsvProblem(file, n, "is_fraud", "disagrees with the pattern column");
                }
                if (!buffer.isEmpty() && t.timeMs() < buffer.get(buffer.size() - 1).timeMs()) {
                    throw new CsvProblem(file, n, "time_ms", "is earlier than the line before: rows must be in time "
                            + "order");
                }
                buffer.add(t);
            }
            builder = new SimulatedData.Builder(buffer.size());
            for (Transaction t : buffer) {
                builder.add(t);
            }
            return builder.build("simulator CSV " + file.getFileName() + " (" + buffer.size() + " transactions)");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static LabelledData readColumns(Path file, String timeColumn, String labelColumn, List<String> features,
                                            boolean logAmount) {
        try (CsvLines lines = new CsvLines(file)) {
            List<String> head = CsvLines.split(lines.next(), ',');
            int time = indexOf(head, timeColumn, file);
            int label = indexOf(head, labelColumn, file);
            List<Integer> columns = new ArrayList<>();
            if (features == null) {
                for (int i = 0; i < head.size(); i++) {
                    if (i != time && i != label) {
                        columns.add(i);
                    }
                }
            } else {
                for (String name : features) {
                    columns.add(indexOf(head, name.strip(), file));
                }
            }
            String[] names = columns.stream().map(head::get).toArray(String[]::new);
            int width = names.length;
            float[] x = new float[1024 * width];
            boolean[] y = new boolean[1024];
            long[] t = new long[1024];
            int size = 0;
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank()) {
                    continue;
                }
                long n = lines.lineNumber();
                List<String> f = CsvLines.split(line, ',');
                if (f.size() != head.size()) {
                    throw new CsvProblem(file, n, null, "has " + f.size() + " columns, the header " + head.size());
                }
                if (size == MAX_ROWS) {
                    throw new CsvProblem(file, n, null, "more than " + MAX_ROWS + " rows");
                }
                if (size == y.length) {
                    int cap = Math.min(MAX_ROWS, size * 2);
                    x = Arrays.copyOf(x, cap * width);
                    y = Arrays.copyOf(y, cap);
                    t = Arrays.copyOf(t, cap);
                }
                double seconds = number(f, time, head.get(time), file, n);
                t[size] = (long) (seconds * 1000);
                if (size > 0 && t[size] < t[size - 1]) {
                    throw new CsvProblem(file, n, head.get(time), "is earlier than the line before: rows must be in "
                            + "time order");
                }
                String l = f.get(label).replace("\"", "").strip().toLowerCase(Locale.ROOT);
                y[size] = switch (l) {
                    case "1", "true", "fraud", "yes" -> true;
                    case "0", "false", "legit", "no" -> false;
                    default -> throw new CsvProblem(file, n, head.get(label), "'" + l + "' is not a label (0 or 1)");
                };
                for (int k = 0; k < width; k++) {
                    double v = number(f, columns.get(k), head.get(columns.get(k)), file, n);
                    x[size * width + k] = (float) (logAmount && names[k].equalsIgnoreCase("amount")
                            ? Math.log1p(Math.max(v, 0)) : v);
                }
                size++;
            }
            if (size == 0) {
                throw new CsvProblem(file, 0, null, "has no rows after the header");
            }
            return new LabelledData(names, Arrays.copyOf(x, size * width), Arrays.copyOf(y, size),
                    Arrays.copyOf(t, size), null, "file " + file.getFileName() + " (" + size + " rows)");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static int indexOf(List<String> head, String name, Path file) {
        for (int i = 0; i < head.size(); i++) {
            if (head.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new CsvProblem(file, 1, name, "no such column in the header " + head);
    }

    private static double number(List<String> f, int index, String column, Path file, long line) {
        String s = f.get(index);
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new CsvProblem(file, line, column, "'" + (s.length() > 40 ? s.substring(0, 37) + "…" : s)
                    + "' is not a number");
        }
    }

    private static long longField(List<String> f, int index, String column, Path file, long line) {
        try {
            return Long.parseLong(f.get(index));
        } catch (NumberFormatException e) {
            throw new CsvProblem(file, line, column, "'" + f.get(index) + "' is not a whole number");
        }
    }

    private static int account(String name, String column, Path file, long line) {
        try {
            if (name.length() > 1 && (name.charAt(0) == 'C' || name.charAt(0) == 'M')) {
                return Integer.parseInt(name.substring(1));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CsvProblem(file, line, column, "'" + name + "' is not an account (C000123) or merchant (M00042)");
    }

    private static <E extends Enum<E>> E enumField(Class<E> type, String value, String column, Path file, long line) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new CsvProblem(file, line, column, "'" + value + "' is not one of " + Arrays.toString(
                    type.getEnumConstants()));
        }
    }
}
