package dev.switchboard.calltaking.engine.caller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.calltaking.engine.scenario.EmotionProfile;
import dev.switchboard.calltaking.engine.scenario.Fact;
import dev.switchboard.calltaking.engine.scenario.Reveal;
import dev.switchboard.calltaking.engine.scenario.Scenario;
import dev.switchboard.calltaking.engine.scenario.ScenarioLibrary;
import dev.switchboard.calltaking.engine.scenario.ScriptedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OfflineCallerTest {

    private static final ScenarioLibrary LIBRARY = ScenarioLibrary.bundled();
    private final IntentClassifier classifier = new IntentClassifier();

    private static Scenario scenario(String id) {
        return LIBRARY.find(id).orElseThrow(() -> new AssertionError("no bundled scenario " + id));
    }

    /** The scenario with the caller starting at {@code start} instead. */
    private static Scenario startingAt(Scenario s, double start) {
        EmotionProfile e = s.emotion();
        return new Scenario(s.id(), s.title(), s.category(), s.summary(), s.caller(), s.location(), s.callback(),
                s.nature(), s.facts(), new EmotionProfile(start, e.calms(), e.escalates(), e.drift()),
                s.expectedActions(), s.requiredUnits(), s.targets(), s.events(), s.source());
    }

    private CallerTurn say(CallerEngine caller, String line, long atMs) {
        return caller.reply(line, classifier.classify(line), atMs);
    }

    @Test
    void openingGivesTheOpeningFactsOnly() {
        OfflineCaller caller = new OfflineCaller(scenario("fire-structure-trapped"), 1);

        CallerTurn opening = caller.opening();

        assertThat(opening.text()).contains("mother-in-law is still inside");
        assertThat(opening.revealedFacts()).containsExactly("opening");
        assertThat(caller.revealedFacts()).containsExactly("opening");
        assertThat(opening.mode()).isEqualTo("offline");
    }

    @Test
    void whenAskedFactComesOnlyAfterItsQuestion() {
        OfflineCaller caller = new OfflineCaller(scenario("fire-structure-trapped"), 1);
        caller.opening();

        CallerTurn other = say(caller, "Is anyone still inside the house?", 10_000);
        assertThat(other.text()).doesNotContain("3-14-7");
        assertThat(caller.revealedFacts()).doesNotContain("address");

        CallerTurn asked = say(caller, "What is the address of the fire?", 14_000);
        assertThat(asked.text()).contains("3-14-7 Sangenjaya");
        assertThat(asked.revealedFacts()).containsExactly("address");
    }

    @Test
    void whenCalmFactIsHeldBackUntilTheCallerCalmsDown() {
        OfflineCaller caller = new OfflineCaller(scenario("police-suicidal-caller"), 1);
        caller.opening();

        CallerTurn early = say(caller, "What is your address?", 10_000);
        assertThat(caller.emotion()).isGreaterThan(0.45);
        assertThat(early.revealedFacts()).isEmpty();
        assertThat(early.text()).doesNotContain("Koenji");

        say(caller, "I'm really glad you called. I'm here with you, I'm listening.", 20_000);
        say(caller, "You did the right thing. I'm not going anywhere.", 30_000);
        assertThat(caller.emotion()).isLessThan(0.45);
        CallerTurn later = say(caller, "Can you tell me where you are?", 40_000);

        assertThat(later.revealedFacts()).containsExactly("address");
        assertThat(later.text()).contains("Koenji-kita 2-8-3");
    }

    @Test
    void afterEventFactWaitsForItsEvent() {
        OfflineCaller caller = new OfflineCaller(scenario("police-burglary-in-progress"), 1);
        caller.opening();

        CallerTurn before = say(caller, "Did you see a car or a van?", 30_000);
        assertThat(before.revealedFacts()).doesNotContain("getaway");
        assertThat(before.text()).as("not known yet, rather than held back").matches("(?is).*(know|not sure).*");

        CallerTurn event = caller.silence(2_000, 76_000).orElseThrow();
        assertThat(event.text()).contains("There's a van outside");
        CallerTurn after = say(caller, "What kind of vehicle is it?", 80_000);

        assertThat(after.revealedFacts()).containsExactly("getaway");
        assertThat(after.text()).contains("white van");
    }

    @Test
    void silenceRaisesEmotionAndTheCallerAsksWhetherAnyoneIsThere() {
        OfflineCaller caller = new OfflineCaller(startingAt(scenario("fire-gas-leak"), 0.3), 1);
        caller.opening();
        double start = caller.emotion();

        Optional<CallerTurn> early = caller.silence(5_000, 12_000);
        assertThat(early).isEmpty();
        assertThat(caller.emotion()).isGreaterThan(start);

        CallerTurn prompt = caller.silence(8_000, 15_000).orElseThrow();
        assertThat(prompt.text()).containsIgnoringCase("hello");
        assertThat(prompt.text()).contains("there?");
        assertThat(prompt.emotion()).isGreaterThan(start + 0.04);
        assertThat(caller.silence(9_000, 16_000)).isEmpty();
        assertThat(caller.silence(18_000, 25_000)).isPresent();
    }

    @Test
    void aLongerHoldAngersTheCallerMore() {
        OfflineCaller shortHold = new OfflineCaller(startingAt(scenario("ems-elderly-fall"), 0.3), 1);
        OfflineCaller longHold = new OfflineCaller(startingAt(scenario("ems-elderly-fall"), 0.3), 1);
        shortHold.opening();
        longHold.opening();

        CallerTurn brief = shortHold.held(5_000, 20_000);
        CallerTurn longer = longHold.held(40_000, 55_000);

        assertThat(brief.emotion()).isGreaterThan(0.3);
        assertThat(longer.emotion()).isGreaterThan(brief.emotion() + 0.2);
        assertThat(brief.text()).doesNotContain("!");
        assertThat(longer.text()).contains("!");
    }

    @Test
    void reassuranceAndClearInstructionsCalm() {
        OfflineCaller caller = new OfflineCaller(scenario("ems-cardiac-arrest"), 1);
        caller.opening();
        double start = caller.emotion();

        CallerTurn reassured = say(caller, "You're doing great. Help is on the way.", 10_000);
        CallerTurn instructed = say(caller, "Push hard and fast in the center of his chest.", 16_000);

        assertThat(reassured.emotion()).isLessThan(start);
        assertThat(instructed.emotion()).isLessThan(reassured.emotion());
    }

    @Test
    void repeatedQuestionsEscalate() {
        OfflineCaller caller = new OfflineCaller(scenario("police-missing-child"), 1);
        caller.opening();
        say(caller, "How old is he?", 10_000);
        double afterFirst = caller.emotion();

        CallerTurn again = say(caller, "How old is he?", 16_000);

        assertThat(again.emotion()).isGreaterThan(afterFirst);
        assertThat(again.revealedFacts()).isEmpty();
        assertThat(again.text()).containsIgnoringCase("five");
        assertThat(again.text()).containsAnyOf("told you", "already said");
    }

    @Test
    void panicGivesShortBrokenAnswersAndCalmGivesFullOnes() {
        Scenario fire = scenario("fire-structure-trapped");
        Fact address = fire.fact("address").orElseThrow();
        OfflineCaller panicking = new OfflineCaller(fire, 1);
        OfflineCaller calm = new OfflineCaller(startingAt(fire, 0.2), 1);

        CallerTurn panicTurn = say(panicking, "What is the address?", 10_000);
        CallerTurn calmTurn = say(calm, "What is the address?", 10_000);

        assertThat(panicTurn.emotion()).isGreaterThan(0.7);
        assertThat(panicTurn.text()).startsWith(address.panicAnswer());
        assertThat(calmTurn.text()).isEqualTo(address.answer());
        assertThat(panicTurn.text()).contains("— ");
    }

    @Test
    void panicWithoutAnAuthoredVariantIsMadeOnlyFromTheAnswersWords() {
        String answer = "We are at 5-12-3 Machiya in Arakawa, the grey building opposite the big supermarket car park.";

        String broken = Panic.broken(answer, new SplittableRandom(3));

        assertThat(broken.length()).isLessThan(answer.length());
        assertThat(broken).contains("5-12-3");
        for (String word : broken.replaceAll("[^A-Za-z0-9 -]", " ").split("\\s+")) {
            if (!word.isBlank() && !Set.of("please", "hurry", "Please", "hurry,").contains(word)) {
                assertThat(answer).contains(word);
            }
        }
        assertThat(Panic.broken("Two people.", new SplittableRandom(1))).isEqualTo("Two people.");
    }

    @Test
    void aQuestionWithoutAFactGetsAnInCharacterDontKnowNeverAFact() {
        OfflineCaller caller = new OfflineCaller(scenario("fire-structure-trapped"), 1);
        caller.opening();
        Set<String> before = caller.revealedFacts();

        CallerTurn turn = say(caller, "Does anyone have a weapon?", 10_000);

        assertThat(turn.revealedFacts()).isEmpty();
        assertThat(caller.revealedFacts()).isEqualTo(before);
        assertThat(turn.text()).containsIgnoringCase("know");
        assertThat(digits(turn.text())).isEmpty();
    }

    @Test
    void theCallerKnowsItsOwnNumberWithoutAFactForIt() {
        OfflineCaller caller = new OfflineCaller(startingAt(scenario("fire-gas-leak"), 0.2), 1);

        CallerTurn turn = say(caller, "What's the number you're calling from?", 10_000);

        assertThat(turn.text()).isEqualTo("My number is 03-3385-2206.");
        assertThat(turn.revealedFacts()).containsExactly("callback");
    }

    @Test
    void aCallerWhoCannotSpeakFreelyAnswersYesNoInAFewWords() {
        OfflineCaller caller = new OfflineCaller(scenario("police-domestic-weapon"), 1);
        caller.opening();

        List<CallerTurn> turns = List.of(
                say(caller, "If you can't talk, just answer yes or no. Can you do that?", 8_000),
                say(caller, "Is he armed?", 12_000),
                say(caller, "Is he still in the flat with you?", 16_000),
                say(caller, "What did he look like when he came home, what was he wearing?", 20_000));

        assertThat(turns.get(0).text()).isEqualTo("...yes.");
        assertThat(turns.get(1).text()).containsIgnoringCase("knife");
        assertThat(turns).allSatisfy(t -> assertThat(t.text().split("\\s+")).hasSizeLessThanOrEqualTo(8));
    }

    @Test
    void anOpenLineOnlyEverGivesSoundsAndSilence() {
        OfflineCaller caller = new OfflineCaller(scenario("other-open-line"), 1);
        List<CallerTurn> turns = new ArrayList<>();
        turns.add(caller.opening());
        for (String line : List.of("Hello? Emergency line, can you hear me?", "Where are you?",
                "If you can hear me tap the phone twice", "Is anyone with you?", "Help is on the way")) {
            turns.add(say(caller, line, 10_000 + turns.size() * 5_000L));
        }
        caller.silence(30_000, 60_000).ifPresent(turns::add);

        assertThat(turns).allSatisfy(t -> {
            assertThat(t.text()).matches("(\\[[^\\]]*\\]\\s*)*");
            assertThat(t.spokenText()).isEmpty();
        });
        assertThat(turns.get(3).text()).contains("two slow taps");
    }

    @Test
    void aHangUpEventEndsTheCall() {
        OfflineCaller caller = new OfflineCaller(scenario("police-domestic-weapon"), 1);
        caller.opening();

        Optional<CallerTurn> dead = Optional.empty();
        for (long t = 1_000; t <= 200_000 && (dead.isEmpty() || !dead.get().hungUp()); t += 1_000) {
            dead = caller.silence(1_000, t);
        }

        assertThat(dead).get().satisfies(t -> {
            assertThat(t.hungUp()).isTrue();
            assertThat(t.text()).contains("line goes dead");
        });
        assertThat(caller.hungUp()).isTrue();
        CallerTurn after = say(caller, "Hello? Are you there?", 200_000);
        assertThat(after.hungUp()).isTrue();
        assertThat(after.text()).isEmpty();
        assertThat(caller.silence(20_000, 220_000)).isEmpty();
    }

    @Test
    void theSameSeedAndLinesGiveTheSameCall() {
        List<String> lines = List.of("911 what is your emergency", "where are you", "is he breathing",
                "mm", "push hard and fast in the centre of the chest", "keep going", "help is on the way");

        assertThat(transcript("ems-cardiac-arrest", 42, lines)).isEqualTo(transcript("ems-cardiac-arrest", 42, lines));
        assertThat(transcript("police-burglary-in-progress", 7, lines))
                .isEqualTo(transcript("police-burglary-in-progress", 7, lines));
        boolean anyDifference = false;
        for (long seed = 1; seed < 6 && !anyDifference; seed++) {
            anyDifference = !transcript("ems-cardiac-arrest", seed, lines)
                    .equals(transcript("ems-cardiac-arrest", 42, lines));
        }
        assertThat(anyDifference).as("the seed picks among phrasings").isTrue();
    }

    @Test
    void everyFactOfEveryBundledScenarioCanBeDrawnOut() {
        List<String> unreachable = new ArrayList<>();
        for (Scenario s : LIBRARY.scenarios()) {
            for (Fact f : s.facts()) {
                if (f.reveal() == Reveal.ALWAYS_OPENING) {
                    continue;
                }
                if (!drawOut(s, f)) {
                    unreachable.add(s.id() + "/" + f.id());
                }
            }
        }
        assertThat(unreachable).isEmpty();
    }

    /** Asks for the fact with its first intent, as often as facts share that intent, after calming and events. */
    private boolean drawOut(Scenario s, Fact f) {
        OfflineCaller caller = new OfflineCaller(s, 5);
        caller.opening();
        long at = 5_000;
        if (f.reveal() == Reveal.WHEN_CALM) {
            for (int i = 0; i < 12; i++) {
                caller.reply("you are doing great", Set.of(Intent.REASSURE), at += 1_000);
            }
        }
        if (f.reveal() == Reveal.AFTER_EVENT) {
            int last = s.events().stream().mapToInt(ScriptedEvent::atSecond).max().orElse(0);
            at = last * 1000L + 1_000;
            caller.silence(500, at);
        }
        Intent intent = f.answers().iterator().next();
        long sharing = s.facts().stream().filter(x -> x.answers().contains(intent)).count();
        for (int i = 0; i <= sharing; i++) {
            caller.reply("question", Set.of(intent), at += 1_000);
            if (caller.revealedFacts().contains(f.id())) {
                return true;
            }
            if (f.reveal() == Reveal.WHEN_CALM) {
                caller.reply("you are doing great", Set.of(Intent.REASSURE), at += 1_000);
            }
        }
        return false;
    }

    @Test
    void scriptedDialoguePerCategoryRevealsWhatAGoodCallTakerAsksFor() {
        record Dialogue(String scenario, List<String> lines, Set<String> mustReveal) {
        }
        List<Dialogue> dialogues = List.of(
                new Dialogue("fire-structure-trapped", List.of("Fire department, what's the address of the fire?",
                        "Is anyone still inside?", "Are you out of the house?", "Don't go back in, stay outside.",
                        "Firefighters are on their way."), Set.of("address", "trapped", "caller-safe", "stays-out")),
                new Dialogue("ems-choking-infant", List.of("Where are you?", "How old is the baby?",
                        "Lay him face down on your forearm and give five back blows between the shoulder blades",
                        "Turn him over, two fingers in the center of the chest, five chest thrusts",
                        "Again, five back blows"), Set.of("address", "age", "back-blows", "chest-thrusts", "cleared")),
                new Dialogue("police-burglary-in-progress", List.of("What is your address?",
                        "Where are you in the house, are you safe?", "Does he have a weapon?",
                        "Stay where you are and keep the door locked", "Police are on the way"),
                        Set.of("address", "hiding", "weapon-unknown", "barricade")),
                new Dialogue("traffic-expressway-crash", List.of("Which expressway and which direction?",
                        "Can you see a kilometre post?", "Is anyone injured?", "Are you off the road?",
                        "Get behind the barrier and put your hazard lights on"),
                        Set.of("where", "kilometre-post", "injuries", "caller-position", "moves-to-safety")),
                new Dialogue("other-non-emergency", List.of("What's your emergency?", "Is anyone hurt or in danger?",
                        "I need you to call the police consultation line, #9110, for parking problems"),
                        Set.of("what", "nobody-hurt", "redirected")));
        for (Dialogue d : dialogues) {
            OfflineCaller caller = new OfflineCaller(scenario(d.scenario()), 11);
            caller.opening();
            long at = 6_000;
            for (String line : d.lines()) {
                CallerTurn turn = say(caller, line, at += 5_000);
                assertThat(turn.text()).as(d.scenario() + ": reply to '" + line + "'").isNotBlank();
                assertThat(turn.hungUp()).isFalse();
            }
            assertThat(caller.revealedFacts()).as(d.scenario()).containsAll(d.mustReveal());
        }
    }

    private List<CallerTurn> transcript(String id, long seed, List<String> lines) {
        OfflineCaller caller = new OfflineCaller(scenario(id), seed);
        List<CallerTurn> turns = new ArrayList<>();
        turns.add(caller.opening());
        long at = 5_000;
        for (String line : lines) {
            turns.add(say(caller, line, at += 7_000));
            caller.silence(9_000, at += 9_000).ifPresent(turns::add);
        }
        turns.add(caller.held(25_000, at += 25_000));
        return turns;
    }

    private static List<String> digits(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\d+").matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
