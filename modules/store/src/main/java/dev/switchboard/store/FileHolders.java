package dev.switchboard.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which other processes hold a lock on a file, so a refusal can say "in use by PID 1234 (switchboard call
 * simulate)" instead of "busy". Reads the kernel's lock table ({@code /proc/locks} on Linux, which lists the
 * POSIX locks that Java's file locks and SQLite take); elsewhere, and for files of other users, it knows nothing
 * and callers say "another program".
 */
final class FileHolders {

    private static final Path LOCKS = Path.of("/proc/locks");

    private FileHolders() {
    }

    /** The processes other than this one that hold a lock on any of {@code files}, in the kernel's order. */
    static List<Long> of(List<Path> files) {
        Set<String> keys = new LinkedHashSet<>();
        for (Path f : files) {
            key(f).ifPresent(keys::add);
        }
        if (keys.isEmpty() || !Files.isReadable(LOCKS)) {
            return List.of();
        }
        long self = ProcessHandle.current().pid();
        Set<Long> pids = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(LOCKS, StandardCharsets.US_ASCII)) {
                String[] f = line.trim().split("\\s+");
                // "1: POSIX  ADVISORY  READ 1234 fd:01:5678 0 EOF"; waiters have "->" after the number.
                if (f.length < 6 || f[1].equals("->")) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(f[4]);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid > 0 && pid != self && keys.contains(f[5].toLowerCase(Locale.ROOT))) {
                    pids.add(pid);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return new ArrayList<>(pids);
    }

    /** "PID 1234 (switchboard call simulate)", or "PID 1234" when the command is not visible. */
    static String describe(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        String what = handle.flatMap(FileHolders::program).orElse("");
        return "PID " + pid + (what.isEmpty() ? "" : " (" + what + ")");
    }

    /** "PID 1234 (switchboard call simulate) and PID 99 (sqlite3)", or {@code fallback} when none is known. */
    static String describe(List<Long> pids, String fallback) {
        if (pids.isEmpty()) {
            return fallback;
        }
        List<String> parts = pids.stream().limit(4).map(FileHolders::describe).toList();
        String text = parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        return pids.size() > 4 ? text + " and " + (pids.size() - 4) + " more" : text;
    }

    /** The program's name, and for Switchboard its command words (never option values, which may be secrets). */
    private static Optional<String> program(ProcessHandle h) {
        ProcessHandle.Info info = h.info();
        String[] args = info.arguments().orElse(new String[0]);
        String command = info.command().orElse("");
        int main = -1;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("dev.switchboard.app.Main")) {
                main = i;
            }
        }
        String name = command.isEmpty() ? "" : Path.of(command).getFileName().toString();
        if (main >= 0 || name.equalsIgnoreCase("switchboard")) {
            StringBuilder words = new StringBuilder("switchboard");
            int words0 = 0;
            for (int i = main + 1; i < args.length && words0 < 3; i++) {
                String a = args[i];
                if (a.startsWith("-")) {
                    if (a.equals("--data-dir") || a.equals("--as")) {
                        i++;
                    }
                    continue;
                }
                if (!a.matches("[a-z][a-z-]{1,30}")) {
                    break;
                }
                words.append(' ').append(a);
                words0++;
            }
            return Optional.of(words0 == 0 ? "the Switchboard window" : words.toString());
        }
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** The file's device and inode as /proc/locks writes them ({@code fd:01:5678}), when the platform says. */
    private static Optional<String> key(Path file) {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            long dev = ((Number) Files.getAttribute(file, "unix:dev")).longValue();
            long ino = ((Number) Files.getAttribute(file, "unix:ino")).longValue();
            long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
            long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
            return Optional.of(String.format(Locale.ROOT, "%02x:%02x:%d", major, minor, ino));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
