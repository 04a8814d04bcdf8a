package dev.switchboard.surveillance.engine;

import dev.switchboard.ai.ChatMessage;
import dev.switchboard.surveillance.model.Turn;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what is sent to a model within a token budget (8k by default): the last turns verbatim, older turns folded
 * into a running summary, the summary itself cut from its oldest end when even that grows too long. Tokens are
 * estimated at four characters each, which over-counts English slightly and so errs on the safe side.
 */
public final class ContextWindow {

    public static final int DEFAULT_BUDGET = 8_000;
    /** Turns always sent verbatim (the short-term tier). */
    public static final int RECENT_TURNS = 6;

    /** The messages to send and the summary that now stands for the older turns. */
    public record Window(List<ChatMessage> messages, String summary, int estimatedTokens) {
        public Window {
            messages = List.copyOf(messages);
        }
    }

    private ContextWindow() {
    }

    public static int tokens(String text) {
        return (text.length() + 3) / 4;
    }

    /**
     * @param turns    every turn so far, oldest first
     * @param summary  the summary of turns already folded
     * @param reserved tokens kept for the system prompt, the fenced results and the answer
     */
    public static Window build(List<Turn> turns, String summary, int budget, int reserved) {
        int available = Math.max(500, budget - reserved);
        List<Turn> recent = new ArrayList<>(turns.subList(Math.max(0, turns.size() - RECENT_TURNS), turns.size()));
        StringBuilder folded = new StringBuilder(summary == null ? "" : summary);
        for (Turn t : turns.subList(0, Math.max(0, turns.size() - RECENT_TURNS))) {
            if (!summary.contains("#" + t.seq() + " ")) {
                folded.append(fold(t));
            }
        }
        List<ChatMessage> messages = new ArrayList<>();
        int used = 0;
        // Newest first until the budget is spent; older recent turns are folded too when they do not fit.
        List<ChatMessage> kept = new ArrayList<>();
        for (int i = recent.size() - 1; i >= 0; i--) {
            Turn t = recent.get(i);
            int cost = tokens(t.text());
            if (used + cost > available * 3 / 4) {
                for (int j = 0; j <= i; j++) {
                    folded.append(fold(recent.get(j)));
                }
                break;
            }
            used += cost;
            kept.add(0, t.role() == Turn.Role.USER ? ChatMessage.user(t.text()) : ChatMessage.assistant(t.text()));
        }
        String s = folded.toString();
        int summaryBudget = available - used;
        if (tokens(s) > summaryBudget) {
            s = "…" + s.substring(Math.max(0, s.length() - summaryBudget * 4 + 4));
        }
        if (!s.isEmpty()) {
            messages.add(ChatMessage.user("Summary of the earlier conversation:\n" + s));
            messages.add(ChatMessage.assistant("Understood."));
            used += tokens(s) + 12;
        }
        messages.addAll(kept);
        return new Window(messages, s, used);
    }

    private static String fold(Turn t) {
        String text = t.text().replaceAll("\\s+", " ");
        String shortText = text.length() > 160 ? text.substring(0, 157) + "…" : text;
        return "#" + t.seq() + " " + (t.role() == Turn.Role.USER ? "Q: " : "A: ") + shortText + "\n";
    }
}
