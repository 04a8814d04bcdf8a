package dev.switchboard.studio.engine.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file line by line without ever holding more than one line: a line longer than
 * {@link #MAX_LINE_BYTES} is refused (a binary file or a file without line breaks would otherwise be read whole).
 * Fields are split on commas, or on the delimiter the caller names, with double quotes around fields honoured.
 */
public final class CsvLines implements AutoCloseable {

    /** The longest line accepted, in bytes. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    private final Path file;
    private final InputStream in;
    private final byte[] buffer = new byte[MAX_LINE_BYTES];
    private long lineNumber;
    private boolean bomChecked;

    public CsvLines(Path file) throws IOException {
        this.file = file;
        this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    /** The number of the line last returned, 1-based. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The next line without its line break, or null at the end of the file. */
    public String next() throws IOException {
        int length = 0;
        int b = in.read();
        if (b < 0) {
            return null;
        }
        lineNumber++;
        while (b >= 0 && b != '\n') {
            if (b == 0) {
                throw new CsvProblem(file, lineNumber, null, "contains binary data (a NUL byte): not a CSV text file");
            }
            if (length == MAX_LINE_BYTES) {
                throw new CsvProblem(file, lineNumber, null, "line longer than " + MAX_LINE_BYTES
                        + " bytes: not a CSV of bars or records");
            }
            buffer[length++] = (byte) b;
            b = in.read();
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        int start = 0;
        if (!bomChecked) {
            bomChecked = true;
            if (length >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB && (buffer[2] & 0xff) == 0xBF) {
                start = 3;
            }
        }
        return new String(buffer, start, length - start, StandardCharsets.UTF_8);
    }

    /** Splits one line into fields; quotes may enclose a field with the delimiter, {@code ""} is a quote. */
    public static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == delimiter) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
