package dev.switchboard.calltaking.engine.scoring;

import dev.switchboard.calltaking.engine.caller.Intent;
import dev.switchboard.calltaking.engine.scenario.ExpectedAction;
import dev.switchboard.calltaking.engine.scenario.Fact;
import dev.switchboard.calltaking.engine.scenario.Scenario;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.calltaking.model.CallTarget;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.core.incident.ResponderType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Marks one call against its scenario: each rubric item with its evidence (the utterance or event behind the mark
 * and when it happened). Items that do not apply to the scenario (weapons on a choking infant) are left out, never
 * given free marks. Time items are measured on the clocks {@link CallTarget} defines (the answer from the first ring,
 * location and dispatch from the answer) and are met only within their target; a late one keeps part of its marks
 * but is missed ({@link CallLog.ScoreItem#met()}). Stateless.
 */
public final class Scorer {

    /** Full marks for answering within the scenario's target (NENA: 15 s); nothing from this many seconds on. */
    static final double ANSWER_ZERO_SECONDS = 40;
    /** Location and dispatch times lose their marks linearly between the target and this multiple of it. */
    static final double LATE_FACTOR = 3;
    /** A verified location farther than this from the truth counts as the wrong place. */
    static final double LOCATION_TOLERANCE_METERS = 1000;
    /** A caller counts as calm below this emotion. */
    static final double CALM = 0.4;

    private static final Set<String> SAFETY = names(Intent.ASK_SAFETY, Intent.ASK_HAZARDS);
    private static final Set<String> WEAPONS = names(Intent.ASK_WEAPONS);
    private static final Set<String> INJURIES = names(Intent.ASK_INJURIES, Intent.ASK_BREATHING,
            Intent.ASK_CONSCIOUS);
    private static final Set<String> INSTRUCTIONS = names(Intent.INSTRUCTION, Intent.CPR_INSTRUCTION);
    private static final Pattern BLOCK_NUMBER = Pattern.compile("\\d+(?:-\\d+)+");

    /** The rubric for {@code history} against {@code scenario}. */
    public CallLog.Score score(Scenario scenario, CallHistory history) {
        Call call = new Call(scenario, history);
        List<CallLog.ScoreItem> items = new ArrayList<>();
        items.add(answerTime(call));
        items.add(locationVerified(call));
        items.add(callback(call));
        items.add(nature(call));
        asked(call, "safety-asked", "Asked about safety and hazards", SAFETY,
                relevant(scenario, SAFETY) || Set.of("police", "fire", "traffic").contains(scenario.category()))
                .ifPresent(items::add);
        asked(call, "weapons-asked", "Asked about weapons", WEAPONS,
                relevant(scenario, WEAPONS) || "police".equals(scenario.category()))
                .ifPresent(items::add);
        asked(call, "injuries-asked", "Asked about injuries", INJURIES,
                relevant(scenario, INJURIES) || Set.of("ems", "traffic", "fire").contains(scenario.category()))
                .ifPresent(items::add);
        instructions(call).ifPresent(items::add);
        actionsInOrder(call).ifPresent(items::add);
        if (!scenario.requiredUnits().isEmpty()) {
            // A call that needs no units (a non-emergency) is not marked down for sending none.
            items.add(dispatchTime(call));
        }
        items.add(cadAccuracy(call));
        callerCalmed(call).ifPresent(items::add);
        double weights = items.stream().mapToDouble(CallLog.ScoreItem::weight).sum();
        double earned = items.stream().mapToDouble(i -> i.weight() * i.earned()).sum();
        double total = weights == 0 ? 0 : Math.round(earned / weights * 1000) / 10.0;
        return new CallLog.Score(total, items);
    }

    // ---- items

    private static CallLog.ScoreItem answerTime(Call call) {
        int target = CallTarget.ANSWER.seconds(call.targets());
        String label = "Answered within " + target + " s (" + CallTarget.ANSWER.definition() + ")";
        Optional<CallLog.Answered> answered = call.history.first(CallLog.Answered.class);
        if (answered.isEmpty()) {
            return new CallLog.ScoreItem("answer-time", label, 1, 0, "The call was never answered", -1);
        }
        long elapsed = answered.get().answerMs();
        double seconds = elapsed / 1000.0;
        double zero = Math.max(ANSWER_ZERO_SECONDS, target + 1);
        double earned = CallTarget.met(elapsed, target) ? 1 : Math.max(0, Math.min(0.99, (zero - seconds)
                / (zero - target)));
        return new CallLog.ScoreItem("answer-time", label, 1, earned,
                CallTarget.ANSWER.describe(elapsed, target), answered.get().atMs());
    }

    private static CallLog.ScoreItem locationVerified(Call call) {
        int target = CallTarget.LOCATION.seconds(call.targets());
        String label = "Location verified within " + target + " s (" + CallTarget.LOCATION.definition() + ")";
        Optional<CallLog.CadEdit> verified = call.cadEdits().stream()
                .filter(e -> CadFields.LOCATION.equals(e.field()) && e.newValue() != null)
                .findFirst();
        if (verified.isEmpty()) {
            return new CallLog.ScoreItem("location-verified", label, 2, 0, "The location was never verified", -1);
        }
        CallLog.CadEdit e = verified.get();
        long sinceAnswer = CallTarget.LOCATION.elapsedMs(e.atMs(), call.answerAtMs());
        Optional<LatLon> at = CadFields.position(e.newValue());
        LatLon truth = new LatLon(call.scenario.location().lat(), call.scenario.location().lon());
        if (at.isPresent() && at.get().distanceMeters(truth) > LOCATION_TOLERANCE_METERS) {
            return new CallLog.ScoreItem("location-verified", label, 2, 0, "Verified " + CadFields.place(e.newValue())
                    + " after " + secs(sinceAnswer) + ", but the caller is at " + call.scenario.location().address()
                    + " (" + Math.round(at.get().distanceMeters(truth)) + " m away)", e.atMs());
        }
        return new CallLog.ScoreItem("location-verified", label, 2, timeMark(sinceAnswer, target),
                "Verified " + CadFields.place(e.newValue()) + "; " + CallTarget.LOCATION.describe(sinceAnswer, target),
                e.atMs());
    }

    private static CallLog.ScoreItem callback(Call call) {
        String label = "Callback number obtained";
        String truth = digits(call.scenario.callback());
        for (CallLog.Entity entity : call.history.all(CallLog.Entity.class)) {
            if ("PHONE".equals(entity.type()) && !truth.isEmpty() && truth.equals(digits(entity.value()))) {
                return new CallLog.ScoreItem("callback", label, 1, 1, "\"" + call.utteranceText(entity.utterance())
                        + "\" (" + entity.speaker() + ", " + secs(entity.atMs()) + ")", entity.atMs());
            }
        }
        for (CallLog.CadEdit e : call.cadEdits()) {
            if ("CALLBACK".equals(e.field()) && !truth.isEmpty() && truth.equals(digits(e.newValue()))
                    && (CadFields.BY_CONFIRMED.equals(e.by()) || "trainee".equals(e.by()))) {
                return new CallLog.ScoreItem("callback", label, 1, 1, "CAD callback " + e.newValue() + " entered by "
                        + e.by() + " at " + secs(e.atMs()), e.atMs());
            }
        }
        return new CallLog.ScoreItem("callback", label, 1, 0, "The number " + call.scenario.callback()
                + " was never obtained", -1);
    }

    private static CallLog.ScoreItem nature(Call call) {
        String truth = call.scenario.nature().code();
        String label = "Nature established (" + truth + ")";
        Optional<CallLog.CadEdit> last = call.lastEdit("NATURE_CODE", Long.MAX_VALUE);
        if (last.isEmpty() || last.get().newValue() == null || last.get().newValue().isBlank()) {
            return new CallLog.ScoreItem("nature", label, 1, 0, "No nature code was entered", -1);
        }
        CallLog.CadEdit e = last.get();
        boolean right = truth.equalsIgnoreCase(e.newValue().trim());
        // An automatic guess the trainee never touched is named as such, so a wrong one is not silently theirs.
        String who = switch (e.by() == null ? "" : e.by()) {
            case CadFields.BY_CONFIRMED -> "confirmed by the call-taker";
            case "trainee" -> "entered by the call-taker";
            default -> "filled in automatically and never confirmed by the call-taker";
        };
        return new CallLog.ScoreItem("nature", label, 1, right ? 1 : 0,
                "Nature code " + e.newValue() + " (" + who + ", " + secs(e.atMs()) + ")"
                        + (right ? "" : "; expected " + truth), e.atMs());
    }

    private static Optional<CallLog.ScoreItem> asked(Call call, String id, String label, Set<String> intents,
                                                     boolean applies) {
        if (!applies) {
            return Optional.empty();
        }
        return Optional.of(call.firstAsking(intents)
                .map(u -> new CallLog.ScoreItem(id, label, 1, 1, "\"" + u.text() + "\" at " + secs(u.startMs()),
                        u.startMs()))
                .orElseGet(() -> new CallLog.ScoreItem(id, label, 1, 0, "Never asked", -1)));
    }

    private static Optional<CallLog.ScoreItem> instructions(Call call) {
        Set<String> expected = new java.util.HashSet<>();
        for (ExpectedAction a : call.scenario.expectedActions()) {
            expected.addAll(names(a.satisfiedBy()));
        }
        expected.retainAll(INSTRUCTIONS);
        if (expected.isEmpty()) {
            return Optional.empty();
        }
        boolean cpr = expected.contains(Intent.CPR_INSTRUCTION.name());
        Set<String> accepted = cpr ? names(Intent.CPR_INSTRUCTION) : INSTRUCTIONS;
        String label = cpr ? "CPR instructions given" : "Pre-arrival instructions given";
        return Optional.of(call.firstAsking(accepted)
                .map(u -> new CallLog.ScoreItem("instructions", label, 1.5, 1,
                        "\"" + u.text() + "\" at " + secs(u.startMs()), u.startMs()))
                .orElseGet(() -> new CallLog.ScoreItem("instructions", label, 1.5, 0, "No instructions given", -1)));
    }

    private static Optional<CallLog.ScoreItem> actionsInOrder(Call call) {
        List<ExpectedAction> actions = call.scenario.expectedActions().stream()
                .sorted(Comparator.comparingInt(ExpectedAction::order)).toList();
        if (actions.isEmpty()) {
            return Optional.empty();
        }
        Map<ExpectedAction, CallLog.Utterance> done = new LinkedHashMap<>();
        for (ExpectedAction a : actions) {
            call.firstAsking(names(a.satisfiedBy())).ifPresent(u -> done.put(a, u));
        }
        List<ExpectedAction> byTime = done.keySet().stream()
                .sorted(Comparator.comparingLong((ExpectedAction a) -> done.get(a).startMs())
                        .thenComparingInt(ExpectedAction::order))
                .toList();
        Set<ExpectedAction> inOrder = longestInOrder(byTime);
        double weights = 0;
        double earned = 0;
        List<String> ok = new ArrayList<>();
        List<String> late = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ExpectedAction a : actions) {
            double w = weight(a);
            weights += w;
            if (inOrder.contains(a)) {
                earned += w;
                ok.add(a.label() + " (" + secs(done.get(a).startMs()) + ")");
            } else if (done.containsKey(a)) {
                earned += w / 2;
                late.add(a.label() + " (" + secs(done.get(a).startMs()) + ")");
            } else {
                missing.add(a.label());
            }
        }
        StringBuilder evidence = new StringBuilder();
        append(evidence, "in order: ", ok);
        append(evidence, "out of order: ", late);
        append(evidence, "missing: ", missing);
        long lastAt = byTime.isEmpty() ? -1 : done.get(byTime.get(byTime.size() - 1)).startMs();
        return Optional.of(new CallLog.ScoreItem("actions-order", "Expected actions, in order (location first)", 2,
                weights == 0 ? 0 : earned / weights, evidence.toString(), lastAt));
    }

    private static CallLog.ScoreItem dispatchTime(Call call) {
        int target = CallTarget.DISPATCH.seconds(call.targets());
        String label = "Dispatched within " + target + " s (" + CallTarget.DISPATCH.definition() + ")";
        Optional<CallLog.Dispatch> dispatch = call.history.first(CallLog.Dispatch.class);
        if (dispatch.isEmpty()) {
            return new CallLog.ScoreItem("dispatch-time", label, 2, 0, "Never dispatched", -1);
        }
        long sinceAnswer = CallTarget.DISPATCH.elapsedMs(dispatch.get().atMs(), call.answerAtMs());
        return new CallLog.ScoreItem("dispatch-time", label, 2, timeMark(sinceAnswer, target),
                "Dispatched " + dispatch.get().nature() + " with " + String.join(", ", dispatch.get().units())
                        .toLowerCase(Locale.ROOT) + "; " + CallTarget.DISPATCH.describe(sinceAnswer, target),
                dispatch.get().atMs());
    }

    private static CallLog.ScoreItem cadAccuracy(Call call) {
        Optional<CallLog.Dispatch> dispatch = call.history.first(CallLog.Dispatch.class);
        long until = dispatch.map(CallLog.Dispatch::atMs).orElse(Long.MAX_VALUE);
        var truth = call.scenario.location();
        List<String> right = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        // The ward the incident went out with (that of the verified place) counts when the form's own is empty.
        String ward = call.value("WARD", until);
        if ((ward == null || ward.isBlank()) && dispatch.isPresent()) {
            ward = dispatch.get().ward();
        }
        check(wardMatches(ward, truth.wardId(), truth.ward()), "ward " + show(ward), truth.ward(), right, wrong);
        String address = call.value("ADDRESS", until);
        check(addressMatches(address, truth.address()), "address " + show(address), truth.address(), right, wrong);
        String callback = call.value("CALLBACK", until);
        check(!digits(call.scenario.callback()).isEmpty() && digits(call.scenario.callback()).equals(digits(callback)),
                "callback " + show(callback), call.scenario.callback(), right, wrong);
        String code = call.value("NATURE_CODE", until);
        check(code != null && code.trim().equalsIgnoreCase(call.scenario.nature().code()), "nature " + show(code),
                call.scenario.nature().code(), right, wrong);
        List<String> units = dispatch.map(CallLog.Dispatch::units).orElseGet(() -> unitList(call.value("UNITS",
                until)));
        List<String> required = call.scenario.requiredUnits().stream().map(ResponderType::name).toList();
        check(coversAll(units, required), "units " + (units.isEmpty() ? "(none)" : String.join(", ", units)),
                String.join(", ", required), right, wrong);
        double earned = right.size() / 5.0;
        String evidence = (dispatch.isPresent() ? "At dispatch: " : "At the end (not dispatched): ")
                + (right.isEmpty() ? "" : "right " + String.join("; ", right))
                + (wrong.isEmpty() ? "" : (right.isEmpty() ? "" : "; ") + "wrong " + String.join("; ", wrong));
        long at = dispatch.map(CallLog.Dispatch::atMs)
                .orElseGet(() -> call.history.last(CallLog.Ended.class).map(CallLog.Ended::atMs).orElse(-1L));
        return new CallLog.ScoreItem("cad-accuracy", "CAD matches the facts (ward, address, callback, nature, units)",
                2, earned, evidence, at);
    }

    private static Optional<CallLog.ScoreItem> callerCalmed(Call call) {
        double start = call.scenario.emotion().start();
        if (start < CALM) {
            return Optional.empty();
        }
        Optional<CallLog.Emotion> last = call.history.last(CallLog.Emotion.class);
        double end = last.map(CallLog.Emotion::value).orElse(start);
        boolean calmed = end < start || end < CALM;
        return Optional.of(new CallLog.ScoreItem("caller-calmed", "Caller calmed", 1, calmed ? 1 : 0,
                "The caller was " + CallLog.Emotion.word(start) + " at the start and "
                        + CallLog.Emotion.word(end) + " at the end" + (end < start && CallLog.Emotion.word(end)
                        .equals(CallLog.Emotion.word(start)) ? ", calmer than at the start" : ""),
                last.map(CallLog.Emotion::atMs).orElse(-1L)));
    }

    // ---- helpers

    /**
     * Full marks when the target is met ({@link CallTarget#met}); when late, part of the marks (never full), falling
     * linearly to none at {@link #LATE_FACTOR} times the target.
     */
    static double timeMark(long ms, int targetSeconds) {
        if (CallTarget.met(ms, targetSeconds)) {
            return 1;
        }
        double seconds = ms / 1000.0;
        double zero = targetSeconds * LATE_FACTOR;
        return Math.max(0, Math.min(0.99, (zero - seconds) / (zero - targetSeconds)));
    }

    /**
     * The actions that keep the scenario's order: among those done (in time order), the run of non-decreasing
     * order with the most weight, so that asking the location first is what counts when two runs tie in length.
     */
    private static Set<ExpectedAction> longestInOrder(List<ExpectedAction> byTime) {
        int n = byTime.size();
        double[] best = new double[n];
        int[] previous = new int[n];
        int top = -1;
        for (int i = 0; i < n; i++) {
            best[i] = weight(byTime.get(i));
            previous[i] = -1;
            for (int j = 0; j < i; j++) {
                if (byTime.get(j).order() <= byTime.get(i).order() && best[j] + weight(byTime.get(i)) > best[i]) {
                    best[i] = best[j] + weight(byTime.get(i));
                    previous[i] = j;
                }
            }
            if (top < 0 || best[i] > best[top]) {
                top = i;
            }
        }
        Set<ExpectedAction> out = new java.util.HashSet<>();
        for (int i = top; i >= 0; i = previous[i]) {
            out.add(byTime.get(i));
        }
        return out;
    }

    private static double weight(ExpectedAction a) {
        return a.weight() > 0 ? a.weight() : 1;
    }

    private static boolean relevant(Scenario scenario, Set<String> intents) {
        for (ExpectedAction a : scenario.expectedActions()) {
            if (names(a.satisfiedBy()).stream().anyMatch(intents::contains)) {
                return true;
            }
        }
        for (Fact f : scenario.facts()) {
            if (names(f.answers()).stream().anyMatch(intents::contains)) {
                return true;
            }
        }
        return false;
    }

    static boolean wardMatches(String value, String wardId, String wardName) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String v = wardKey(value);
        return v.equals(wardKey(wardId)) || v.equals(wardKey(wardName));
    }

    private static String wardKey(String s) {
        if (s == null) {
            return "";
        }
        return s.toLowerCase(Locale.ROOT).replaceAll("(-ku|\\s+ward|\\s+city)$", "").replaceAll("[^a-z]", "");
    }

    /** Same block number (e.g. 2-21-1) and, when the truth names a town, that town too. */
    static boolean addressMatches(String value, String truth) {
        if (value == null || value.isBlank() || truth == null) {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        String t = truth.toLowerCase(Locale.ROOT);
        Matcher tb = BLOCK_NUMBER.matcher(t);
        if (!tb.find()) {
            return v.replaceAll("[^a-z0-9]", "").contains(t.replaceAll("[^a-z0-9]", ""));
        }
        Matcher vb = BLOCK_NUMBER.matcher(v);
        if (!vb.find() || !vb.group().equals(tb.group())) {
            return false;
        }
        String town = t.replace(tb.group(), " ").trim().split("\\s+")[0].replaceAll("[^a-z]", "");
        return town.isEmpty() || v.replaceAll("[^a-z]", "").contains(town);
    }

    static List<String> unitList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : value.toUpperCase(Locale.ROOT).split("[^A-Z_0-9]+")) {
            if (part.isEmpty()) {
                continue;
            }
            // "2" before a type repeats it: "2 AMBULANCE".
            if (part.chars().allMatch(Character::isDigit) && !out.isEmpty()) {
                continue;
            }
            out.add(part);
        }
        return out;
    }

    private static boolean coversAll(List<String> units, List<String> required) {
        Map<String, Integer> have = new HashMap<>();
        units.forEach(u -> have.merge(u.toUpperCase(Locale.ROOT), 1, Integer::sum));
        for (String r : required) {
            int left = have.getOrDefault(r, 0);
            if (left == 0) {
                return false;
            }
            have.put(r, left - 1);
        }
        return true;
    }

    private static void check(boolean ok, String what, String truth, List<String> right, List<String> wrong) {
        if (ok) {
            right.add(what);
        } else {
            wrong.add(what + " (truth: " + truth + ")");
        }
    }

    private static void append(StringBuilder out, String head, List<String> parts) {
        if (parts.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append("; ");
        }
        out.append(head).append(String.join(", ", parts));
    }

    private static String show(String value) {
        return value == null || value.isBlank() ? "(empty)" : value;
    }

    static String digits(String s) {
        return s == null ? "" : s.replaceAll("\\D", "");
    }

    static String secs(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static Set<String> names(Intent... intents) {
        return java.util.Arrays.stream(intents).map(Intent::name).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> names(Set<Intent> intents) {
        return intents == null ? Set.of() : intents.stream().map(Intent::name).collect(Collectors.toSet());
    }

    /** One call's records with the look-ups the items share. */
    private static final class Call {
        final Scenario scenario;
        final CallHistory history;
        private final List<CallLog.CadEdit> edits;

        Call(Scenario scenario, CallHistory history) {
            this.scenario = scenario;
            this.history = history;
            this.edits = history.all(CallLog.CadEdit.class);
        }

        long answerAtMs() {
            return history.first(CallLog.Answered.class).map(CallLog.Answered::atMs).orElse(-1L);
        }

        CallTarget.Targets targets() {
            return scenario.targets().logged();
        }

        List<CallLog.CadEdit> cadEdits() {
            return edits;
        }

        Optional<CallLog.CadEdit> lastEdit(String field, long untilMs) {
            CallLog.CadEdit last = null;
            for (CallLog.CadEdit e : edits) {
                if (field.equals(e.field()) && e.atMs() <= untilMs) {
                    last = e;
                }
            }
            return Optional.ofNullable(last);
        }

        String value(String field, long untilMs) {
            return lastEdit(field, untilMs).map(CallLog.CadEdit::newValue).orElse(null);
        }

        Optional<CallLog.Utterance> firstAsking(Set<String> intents) {
            return history.traineeLines().stream()
                    .filter(u -> u.intents().stream().anyMatch(intents::contains))
                    .findFirst();
        }

        String utteranceText(int seq) {
            return history.all(CallLog.Utterance.class).stream().filter(u -> u.seq() == seq)
                    .map(CallLog.Utterance::text).findFirst().orElse("?");
        }
    }
}
