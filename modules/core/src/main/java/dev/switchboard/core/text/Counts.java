package dev.switchboard.core.text;

/** A number with its noun in the right number, for messages that are not in a bundle ("1 item", "4 items"). */
public final class Counts {

    private Counts() {
    }

    /** {@code n} and {@code one} when n is 1, otherwise {@code many}: "1 task", "0 tasks", "3 tasks". */
    public static String of(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
