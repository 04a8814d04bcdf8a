package dev.switchboard.calltaking.engine.caller;

import dev.switchboard.calltaking.engine.scenario.Fact;
import dev.switchboard.calltaking.engine.scenario.Persona;
import dev.switchboard.calltaking.engine.scenario.Reveal;
import dev.switchboard.calltaking.engine.scenario.Scenario;
import dev.switchboard.calltaking.engine.scenario.ScriptedEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The rule-based caller, used by default and whenever a chat model is not available. It answers only from the
 * scenario's facts (and the scenario's own address, callback number and caller name when no fact covers them):
 * a question it has no fact for gets an in-character "I don't know", never an invented detail. How it speaks
 * follows its {@link EmotionModel emotion}: above 0.7 short, broken, one thing at a time; calmer, complete
 * answers. Deterministic: the same scenario, seed and sequence of calls give the same words. Not thread-safe.
 */
public final class OfflineCaller implements CallerEngine {

    /** Above this the caller panics: short broken answers, one fact at a time. */
    static final double PANIC = 0.7;
    /** Above this (and up to {@link #PANIC}) the caller is agitated: complete answers with some stumbling. */
    static final double AGITATED = 0.4;
    /** Above this (and up to {@link #PANIC}) some answers start with a stumble ("Okay, okay— …"). */
    static final double STUMBLING = 0.55;

    /** Silence before the caller asks whether anyone is there, and between further asks. */
    static final long FIRST_PROMPT_MS = 8_000;
    static final long NEXT_PROMPT_MS = 10_000;
    /** Asks per stretch of silence; after that the caller waits (emotion still drifts). */
    static final int MAX_PROMPTS = 3;

    /** The order in which a line's intents are answered: questions first, then the rest by weight. */
    private static final List<Intent> ORDER = order();

    private final Scenario scenario;
    private final List<Fact> facts;
    private final SplittableRandom random;
    private final EmotionModel emotion;
    private final Set<String> revealed = new LinkedHashSet<>();
    private final Set<String> unlocked = new LinkedHashSet<>();
    private final boolean[] fired;
    private final Map<Intent, Integer> repeats = new EnumMap<>(Intent.class);
    private boolean hungUp;
    private boolean opened;
    private boolean brief;
    private long lastSilentMs;
    private long driftedMs;
    private int prompts;

    /**
     * @param s    the call to play
     * @param seed picks among phrasings; the same seed and the same trainee lines give the same replies
     */
    public OfflineCaller(Scenario s, long seed) {
        this.scenario = s;
        this.facts = withImplicitFacts(s);
        this.random = new SplittableRandom(seed);
        this.emotion = new EmotionModel(s.emotion());
        this.fired = new boolean[s.events().size()];
    }

    @Override
    public CallerTurn opening() {
        opened = true;
        List<String> parts = new ArrayList<>();
        List<String> newly = new ArrayList<>();
        for (Fact f : facts) {
            if (f.reveal() == Reveal.ALWAYS_OPENING) {
                // Authors write the opening in the caller's starting mood: never broken up by rule.
                parts.add(emotion.value() > PANIC && !f.panicAnswer().isEmpty() ? f.panicAnswer() : f.answer());
                reveal(f, newly);
            }
        }
        if (parts.isEmpty()) {
            parts.add(persona().silent() ? "[The line is open. Nobody speaks.]" : genericOpening());
        }
        return turn(String.join(" ", parts), newly);
    }

    @Override
    public CallerTurn reply(String traineeLine, Set<Intent> intents, long atMs) {
        if (hungUp) {
            return dead();
        }
        List<String> parts = new ArrayList<>();
        List<String> newly = new ArrayList<>();
        boolean hangUp = fireDue(atMs, parts, newly);
        lastSilentMs = 0;
        driftedMs = 0;
        prompts = 0;
        Set<Intent> asked = intents == null || intents.isEmpty() ? Set.of(Intent.OTHER) : intents;
        emotion.heard(traineeLine == null ? "" : traineeLine, asked);
        if (!hangUp) {
            brief = IntentClassifier.normalise(traineeLine == null ? "" : traineeLine).strip().split(" ").length <= 2;
            parts.add(answer(asked, newly));
        }
        hungUp = hangUp;
        return new CallerTurn(join(parts), emotion.value(), newly, hangUp, "offline");
    }

    @Override
    public Optional<CallerTurn> silence(long silentMs, long atMs) {
        if (hungUp) {
            return Optional.empty();
        }
        if (silentMs < lastSilentMs) {
            driftedMs = 0;
            prompts = 0;
        }
        lastSilentMs = silentMs;
        if (silentMs > driftedMs) {
            emotion.silent(silentMs - driftedMs);
            driftedMs = silentMs;
        }
        List<String> parts = new ArrayList<>();
        List<String> newly = new ArrayList<>();
        boolean hangUp = fireDue(atMs, parts, newly);
        if (!hangUp && opened && prompts < MAX_PROMPTS && silentMs >= FIRST_PROMPT_MS + prompts * NEXT_PROMPT_MS
                && !persona().silent()) {
            prompts++;
            emotion.unanswered();
            parts.add(stillThere());
        }
        hungUp = hangUp;
        if (parts.isEmpty() && !hangUp) {
            return Optional.empty();
        }
        return Optional.of(new CallerTurn(join(parts), emotion.value(), newly, hangUp, "offline"));
    }

    @Override
    public CallerTurn held(long heldMs, long atMs) {
        if (hungUp) {
            return dead();
        }
        emotion.held(heldMs);
        List<String> parts = new ArrayList<>();
        List<String> newly = new ArrayList<>();
        boolean hangUp = fireDue(atMs, parts, newly);
        if (!hangUp) {
            parts.add(0, backFromHold(heldMs));
        }
        hungUp = hangUp;
        lastSilentMs = 0;
        driftedMs = 0;
        prompts = 0;
        return new CallerTurn(join(parts), emotion.value(), newly, hangUp, "offline");
    }

    @Override
    public double emotion() {
        return emotion.value();
    }

    @Override
    public Set<String> revealedFacts() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(revealed));
    }

    /** Whether the caller has hung up. */
    public boolean hungUp() {
        return hungUp;
    }

    /** The scenario's facts plus the implicit ones (address, callback, name) when no fact covers them. */
    List<Fact> facts() {
        return facts;
    }

    // Answers

    private String answer(Set<Intent> asked, List<String> newly) {
        boolean panic = emotion.value() > PANIC;
        boolean plain = persona().limited() || persona().silent();
        int limit = panic || plain ? 1 : 2;
        List<Fact> fresh = new ArrayList<>();
        Fact repeat = null;
        Intent repeatedIntent = null;
        Intent blocked = null;
        Intent unknown = null;
        boolean heldBack = false;
        for (Intent intent : ORDER) {
            if (!asked.contains(intent)) {
                continue;
            }
            boolean any = false;
            boolean eligibleAny = false;
            Fact firstEligible = null;
            Fact chosen = null;
            for (Fact f : facts) {
                if (!f.answers().contains(intent)) {
                    continue;
                }
                any = true;
                if (!eligible(f)) {
                    heldBack |= f.reveal() == Reveal.WHEN_CALM;
                    continue;
                }
                eligibleAny = true;
                if (firstEligible == null || revealOrder(f) > revealOrder(firstEligible)) {
                    firstEligible = f;
                }
                if (!revealed.contains(f.id()) && !fresh.contains(f)) {
                    chosen = f;
                    break;
                }
            }
            if (chosen != null) {
                fresh.add(chosen);
            } else if (eligibleAny && repeat == null) {
                repeat = firstEligible;
                repeatedIntent = intent;
            } else if (any && !eligibleAny && blocked == null) {
                blocked = intent;
            } else if (!any && intent.isQuestion() && unknown == null) {
                unknown = intent;
            }
        }
        if (!fresh.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Fact f : fresh.subList(0, Math.min(limit, fresh.size()))) {
                parts.add(styled(f));
                reveal(f, newly);
            }
            String text = String.join(" ", parts);
            if (panic && !plain && random.nextDouble() < 0.4 && !text.toLowerCase(Locale.ROOT).contains("hurry")) {
                text = text + " " + pick("Please hurry!", "Please, just hurry!", "Please!");
            } else if (!panic && emotion.value() > STUMBLING && !plain && random.nextDouble() < 0.3) {
                text = pick("Okay, okay— ", "Um— ", "I— ") + lowerFirst(text);
            }
            return text;
        }
        if (repeat != null && (repeatedIntent.isQuestion() || blocked == null && unknown == null)) {
            return repeated(repeat, repeatedIntent);
        }
        if (blocked != null) {
            // Held back until calmer, or simply not known yet (the event that tells the caller has not happened).
            return heldBack ? tooUpset() : dontKnow();
        }
        if (unknown != null) {
            return dontKnow();
        }
        return acknowledge(asked);
    }

    /** Position of {@code f} among the facts given away so far, -1 when not given away; a repeat uses the latest. */
    private int revealOrder(Fact f) {
        int i = 0;
        for (String id : revealed) {
            if (id.equals(f.id())) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private boolean eligible(Fact f) {
        return switch (f.reveal()) {
            case ALWAYS_OPENING, WHEN_ASKED -> true;
            case WHEN_CALM -> emotion.value() < f.calmThreshold();
            case AFTER_EVENT -> unlocked.contains(f.id());
        };
    }

    private String repeated(Fact f, Intent intent) {
        int times = repeats.merge(intent, 1, Integer::sum);
        if (intent.isQuestion()) {
            emotion.repeatedQuestion(times);
        }
        String again = styled(f);
        if (persona().limited() || persona().silent()) {
            return again;
        }
        if (!intent.isQuestion()) {
            return again;
        }
        if (emotion.value() > AGITATED) {
            return pick("I told you! ", "I already said— ", "I just told you! ") + again;
        }
        return pick("Like I said, ", "As I said, ", "") + lowerFirst(again);
    }

    private String styled(Fact f) {
        if (persona().silent()) {
            return f.answer();
        }
        if (emotion.value() > PANIC) {
            return f.panicAnswer().isEmpty() ? Panic.broken(f.answer(), random) : f.panicAnswer();
        }
        return f.answer();
    }

    /** The caller holds back a fact: too upset to think, or (less upset) not ready to say it yet. */
    private String tooUpset() {
        if (persona().silent()) {
            return "[Ragged breathing. No words.]";
        }
        if (persona().limited()) {
            return pick("I... I can't...", "Please... I don't...");
        }
        if (emotion.value() > PANIC) {
            return pick("I— I can't think! Please, just send someone!", "I don't— I can't— please, just come!",
                    "I don't know! I can't think straight!");
        }
        return pick("I... I'd rather not say. Not yet.", "I don't— I don't want to get into that right now.",
                "Why does that matter? I... I don't know.");
    }

    private String dontKnow() {
        if (persona().silent()) {
            return "[No answer. The line stays open.]";
        }
        if (persona().limited()) {
            return pick("I... don't know.", "Sorry... I don't know.", "I... I'm not sure.");
        }
        if (emotion.value() > PANIC) {
            return pick("I don't know! I can't see from here!", "I don't know! I don't know!",
                    "How should I know?! Please, just hurry!");
        }
        return pick("I don't know, sorry. I can't see from here.", "I'm not sure. I didn't see.",
                "I really don't know.");
    }

    private String acknowledge(Set<Intent> asked) {
        Persona p = persona();
        if (p.silent()) {
            return pick("[Only the breathing, and the television in the background.]", "[Heavy breathing. No words.]",
                    "[No answer. The line stays open.]");
        }
        boolean panic = emotion.value() > PANIC;
        if (asked.contains(Intent.CPR_INSTRUCTION) || asked.contains(Intent.INSTRUCTION)) {
            if (p.limited()) {
                return pick("Okay.", "...okay.");
            }
            return panic ? pick("Okay, okay! I'm— I'm doing it!", "What— okay! Okay!")
                    : pick("Okay. Okay, I'll do that.", "Okay, I'm doing it now.", "All right. Okay.");
        }
        if (asked.contains(Intent.HELP_COMING)) {
            if (p.limited()) {
                return pick("...thank you.", "Okay... thank you.");
            }
            return panic ? pick("Please hurry! Please!", "How long?! How long will they be?!")
                    : pick("Thank you. How long will they be?", "Okay. Thank you— please tell them to hurry.");
        }
        if (asked.contains(Intent.REASSURE)) {
            if (p.limited()) {
                return "...okay.";
            }
            return panic ? pick("I'm trying! I'm trying!", "Okay— okay— please hurry!")
                    : pick("Okay... okay.", "Okay. I'm okay.", "Okay. Thank you.");
        }
        if (asked.contains(Intent.YES_NO)) {
            return p.limited() ? "...yes." : pick("Yes. Yes, I can.", "Yes!");
        }
        if (asked.contains(Intent.HOLD)) {
            if (p.limited()) {
                return "...okay.";
            }
            return panic ? pick("No— don't go! Please!", "Wait— don't leave me!")
                    : pick("Okay... please be quick.", "Okay.");
        }
        if (asked.contains(Intent.GREETING)) {
            return panic ? pick("Yes! Hello?! I'm here!", "Hello?! Can you hear me?!")
                    : pick("Yes, hello. I'm here.", "Hello? Yes, I'm here.");
        }
        if (brief) {
            if (p.limited()) {
                return "...";
            }
            return panic ? pick("Please hurry!", "Please, just send someone!") : pick("Yes?", "Okay.");
        }
        if (p.limited()) {
            return pick("Sorry... I don't understand.", "I... what?");
        }
        return panic ? pick("What?! I don't understand— please, just send someone!", "What? What do you mean?!")
                : pick("Sorry, what do you mean?", "I'm sorry, I don't understand.");
    }

    private String stillThere() {
        if (persona().limited()) {
            return pick("Hello...?", "...hello?");
        }
        if (emotion.value() > PANIC) {
            return pick("Hello?! HELLO?! Are you still there?!", "Hello?! Don't leave me! Are you there?!");
        }
        return pick("Hello? Are you still there?", "Hello? Hello, are you there?");
    }

    private String backFromHold(long heldMs) {
        if (persona().silent()) {
            return "";
        }
        if (persona().limited()) {
            return heldMs > 20_000 ? "...hello? Hello?" : "...yes.";
        }
        if (heldMs < 10_000) {
            return pick("Okay— I'm here.", "Yes, I'm here.");
        }
        if (heldMs < 30_000) {
            return pick("Hello?! You left me there! Please—", "Where did you go? Please don't do that!");
        }
        return pick("Where did you GO?! I've been waiting forever! Are they coming or not?!",
                "You put me on hold?! Now?! I've been waiting and waiting!");
    }

    private String genericOpening() {
        if (persona().limited()) {
            return pick("Hello...? Help... please.", "Please... help.");
        }
        if (emotion.value() > PANIC) {
            return pick("Hello?! I need help! Please!", "Please, I need help, please!");
        }
        return pick("Hello? I need some help, please.", "Hello, I need to report something.");
    }

    // Events and state

    /** Fires every scripted event due by {@code atMs}; returns whether one hangs up. */
    private boolean fireDue(long atMs, List<String> parts, List<String> newly) {
        boolean hangUp = false;
        List<ScriptedEvent> events = scenario.events();
        for (int i = 0; i < events.size(); i++) {
            ScriptedEvent e = events.get(i);
            if (fired[i] || atMs < e.atSecond() * 1000L) {
                continue;
            }
            fired[i] = true;
            emotion.event(e.emotion());
            if (!e.text().isEmpty()) {
                parts.add(e.text());
            }
            unlocked.addAll(e.facts());
            if ("hang-up".equals(e.kind())) {
                hangUp = true;
                break;
            }
        }
        return hangUp;
    }

    private void reveal(Fact f, List<String> newly) {
        if (revealed.add(f.id())) {
            newly.add(f.id());
        }
    }

    private CallerTurn turn(String text, List<String> newly) {
        return new CallerTurn(text, emotion.value(), newly, false, "offline");
    }

    private CallerTurn dead() {
        return new CallerTurn("", emotion.value(), List.of(), true, "offline");
    }

    private Persona persona() {
        return scenario.caller();
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String join(List<String> parts) {
        return String.join(" ", parts.stream().filter(p -> !p.isBlank()).toList()).strip();
    }

    private static String lowerFirst(String text) {
        if (text.length() < 2 || !Character.isUpperCase(text.charAt(0)) || Character.isUpperCase(text.charAt(1))
                || text.startsWith("I ") || text.startsWith("I'")) {
            return text;
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static List<Intent> order() {
        List<Intent> order = new ArrayList<>();
        for (Intent i : Intent.values()) {
            if (i.isQuestion()) {
                order.add(i);
            }
        }
        order.addAll(List.of(Intent.CPR_INSTRUCTION, Intent.INSTRUCTION, Intent.YES_NO, Intent.HELP_COMING,
                Intent.REASSURE, Intent.HOLD, Intent.GREETING, Intent.OTHER));
        return List.copyOf(order);
    }

    /**
     * Facts the caller knows without the author writing them down: where they are, their number, their name. Only
     * added when no fact of the scenario answers that question, and never for a caller who cannot speak.
     */
    static List<Fact> withImplicitFacts(Scenario s) {
        List<Fact> all = new ArrayList<>(s.facts());
        if (s.caller().silent()) {
            return List.copyOf(all);
        }
        if (noFactAnswers(s, Intent.ASK_LOCATION) && !s.location().address().isEmpty()) {
            String where = s.location().address()
                    + (s.location().landmark().isEmpty() ? "" : ", near " + s.location().landmark());
            all.add(new Fact("location", Set.of(Intent.ASK_LOCATION, Intent.ASK_ADDRESS_DETAIL),
                    "It's " + where + ".", "It's— " + s.location().address() + "! Please hurry!",
                    Reveal.WHEN_ASKED, 1));
        }
        if (noFactAnswers(s, Intent.ASK_CALLBACK) && !s.callback().isEmpty()) {
            String number = s.callbackSpoken();
            all.add(new Fact("callback", Set.of(Intent.ASK_CALLBACK), "My number is " + number + ".",
                    number.substring(0, Math.min(3, number.length())) + "— " + number + "!", Reveal.WHEN_ASKED, 1));
        }
        if (noFactAnswers(s, Intent.ASK_NAME) && !s.caller().name().isEmpty()) {
            all.add(new Fact("name", Set.of(Intent.ASK_NAME), "My name is " + s.caller().name() + ".",
                    s.caller().name() + "! It's " + s.caller().name() + "!", Reveal.WHEN_ASKED, 1));
        }
        return List.copyOf(all);
    }

    private static boolean noFactAnswers(Scenario s, Intent intent) {
        String id = switch (intent) {
            case ASK_LOCATION -> "location";
            case ASK_CALLBACK -> "callback";
            default -> "name";
        };
        return s.facts().stream().noneMatch(f -> f.answers().contains(intent) || f.id().equals(id));
    }
}
