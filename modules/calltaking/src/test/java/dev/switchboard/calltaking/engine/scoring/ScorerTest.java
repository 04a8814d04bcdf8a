package dev.switchboard.calltaking.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.calltaking.engine.caller.Intent;
import dev.switchboard.calltaking.engine.scenario.EmotionProfile;
import dev.switchboard.calltaking.engine.scenario.ExpectedAction;
import dev.switchboard.calltaking.engine.scenario.Fact;
import dev.switchboard.calltaking.engine.scenario.LocationTruth;
import dev.switchboard.calltaking.engine.scenario.Nature;
import dev.switchboard.calltaking.engine.scenario.Persona;
import dev.switchboard.calltaking.engine.scenario.Reveal;
import dev.switchboard.calltaking.engine.scenario.Scenario;
import dev.switchboard.calltaking.engine.scenario.TimeTargets;
import dev.switchboard.calltaking.engine.scenario.VoiceSettings;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.core.incident.ResponderType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScorerTest {

    private static final LatLon SHIBUYA = new LatLon(35.6595, 139.7005);

    private final Scorer scorer = new Scorer();

    static Scenario fire(double emotionStart) {
        return new Scenario("fire-test", "House fire", "fire", "A house fire with someone upstairs",
                new Persona("Aiko", 40, "female", new VoiceSettings(1, 1, 1), "fluent", ""),
                new LocationTruth("shibuya", "Shibuya", "2-21-1 Shibuya", "", "Shibuya Station", SHIBUYA.lat(),
                        SHIBUYA.lon()),
                "09012345678", new Nature("FIRE-STRUCT", "Structure fire", 1),
                List.of(new Fact("trapped", Set.of(Intent.ASK_PEOPLE, Intent.ASK_INJURIES), "My son is upstairs",
                        "", Reveal.WHEN_ASKED, 0)),
                new EmotionProfile(emotionStart, List.of("REASSURE"), List.of(), 0.02),
                List.of(new ExpectedAction("location", "Location", Set.of(Intent.ASK_LOCATION), 2, 1),
                        new ExpectedAction("callback", "Callback", Set.of(Intent.ASK_CALLBACK), 1, 2),
                        new ExpectedAction("people", "People inside", Set.of(Intent.ASK_PEOPLE), 1, 3),
                        new ExpectedAction("leave", "Get out and stay out", Set.of(Intent.INSTRUCTION), 1, 4)),
                List.of(ResponderType.FIRE, ResponderType.FIRE, ResponderType.AMBULANCE),
                new TimeTargets(15, 60, 120), List.of(), "test");
    }

    static Scenario chokingInfant() {
        return new Scenario("ems-choking", "Choking infant", "ems", "", fire(0.9).caller(),
                fire(0.9).location(), "0312345678", new Nature("EMS-CHOKE", "Choking", 1),
                List.of(new Fact("breathing", Set.of(Intent.ASK_BREATHING), "She's not breathing", "",
                        Reveal.WHEN_ASKED, 0)),
                new EmotionProfile(0.9, List.of(), List.of(), 0),
                List.of(new ExpectedAction("location", "Location", Set.of(Intent.ASK_LOCATION), 1, 1),
                        new ExpectedAction("cpr", "Back blows / CPR", Set.of(Intent.CPR_INSTRUCTION), 2, 2)),
                List.of(ResponderType.AMBULANCE), TimeTargets.DEFAULT, List.of(), "test");
    }

    /** A good fire call: answered at 6 s, everything asked in order, dispatched at 60 s after answering. */
    static List<Object> goodFireCall() {
        List<Object> r = new ArrayList<>();
        r.add(new CallLog.Ringing(0));
        r.add(new CallLog.Answered(6_000, 6_000));
        r.add(new CallLog.Emotion(6_000, 0.8, "opening"));
        r.add(trainee(1, "911, where is your emergency?", 7_000, Intent.GREETING, Intent.ASK_LOCATION));
        r.add(caller(2, "2-21-1 Shibuya, near the station!", 10_000));
        r.add(new CallLog.Entity(10_000, 2, "caller", "ADDRESS", "2-21-1 Shibuya", "2-21-1 Shibuya", 0, 14, 0.9));
        r.add(new CallLog.CadEdit(10_000, "ADDRESS", null, "2-21-1 Shibuya", "extraction"));
        r.add(new CallLog.CadEdit(10_000, "WARD", null, "Shibuya", "extraction"));
        r.add(new CallLog.CadEdit(14_000, "ADDRESS", "2-21-1 Shibuya", "2-21-1 Shibuya", "confirmed"));
        r.add(new CallLog.CadEdit(14_000, "LOCATION", null, CadFields.location("2-21-1 Shibuya", "shibuya",
                new LatLon(35.6597, 139.7010)), "trainee"));
        r.add(trainee(3, "What number are you calling from?", 16_000, Intent.ASK_CALLBACK));
        r.add(caller(4, "090-1234-5678", 19_000));
        r.add(new CallLog.Entity(19_000, 4, "caller", "PHONE", "09012345678", "090-1234-5678", 0, 13, 0.95));
        r.add(new CallLog.CadEdit(19_000, "CALLBACK", null, "09012345678", "extraction"));
        r.add(trainee(5, "Is anyone inside or hurt? Is everyone safe?", 22_000, Intent.ASK_PEOPLE,
                Intent.ASK_INJURIES, Intent.ASK_SAFETY));
        r.add(new CallLog.CadEdit(25_000, "NATURE_CODE", null, "FIRE-STRUCT", "extraction"));
        r.add(trainee(7, "Get out of the house and stay out.", 30_000, Intent.INSTRUCTION));
        r.add(new CallLog.Emotion(33_000, 0.55, "after: Get out of the house"));
        r.add(new CallLog.Dispatch(66_000, "ref", "FIRE-STRUCT", "Structure fire", 1, 35.6597, 139.7010,
                "shibuya", "2-21-1 Shibuya", List.of("FIRE", "FIRE", "AMBULANCE")));
        r.add(new CallLog.Ended(90_000, "completed", 90_000));
        return r;
    }

    static CallLog.Utterance trainee(int seq, String text, long at, Intent... intents) {
        return new CallLog.Utterance(seq, "trainee", text, at, at + 2000, "typed", List.of(),
                java.util.Arrays.stream(intents).map(Intent::name).toList());
    }

    static CallLog.Utterance caller(int seq, String text, long at) {
        return new CallLog.Utterance(seq, "caller", text, at, at + 2000, "tts", List.of(), List.of());
    }

    private static Map<String, CallLog.ScoreItem> byId(CallLog.Score s) {
        return s.items().stream().collect(Collectors.toMap(CallLog.ScoreItem::id, Function.identity()));
    }

    @Test
    void aGoodCallEarnsEveryItemWithItsEvidenceAndTime() {
        CallLog.Score score = scorer.score(fire(0.8), new CallHistory(goodFireCall()));
        Map<String, CallLog.ScoreItem> items = byId(score);

        assertThat(items.keySet()).containsExactlyInAnyOrder("answer-time", "location-verified", "callback",
                "nature", "safety-asked", "injuries-asked", "instructions", "actions-order", "dispatch-time",
                "cad-accuracy", "caller-calmed");
        assertThat(items).doesNotContainKey("weapons-asked");
        items.values().forEach(i -> assertThat(i.earned()).as(i.id() + ": " + i.evidence()).isEqualTo(1.0));
        assertThat(score.total()).isEqualTo(100.0);

        assertThat(items.get("answer-time").evidence()).contains("6.0 s");
        assertThat(items.get("answer-time").atMs()).isEqualTo(6_000);
        assertThat(items.get("location-verified").atMs()).isEqualTo(14_000);
        assertThat(items.get("location-verified").evidence()).contains("Location 8.0 s (target 60 s, "
                + "location: from answer): met");
        assertThat(items.get("callback").evidence()).contains("090-1234-5678").contains("caller");
        assertThat(items.get("callback").atMs()).isEqualTo(19_000);
        assertThat(items.get("nature").atMs()).isEqualTo(25_000);
        assertThat(items.get("safety-asked").evidence()).contains("Is everyone safe?");
        assertThat(items.get("safety-asked").atMs()).isEqualTo(22_000);
        assertThat(items.get("injuries-asked").atMs()).isEqualTo(22_000);
        assertThat(items.get("instructions").evidence()).contains("Get out of the house");
        assertThat(items.get("instructions").atMs()).isEqualTo(30_000);
        assertThat(items.get("actions-order").evidence()).startsWith("in order: Location (7.0 s)")
                .doesNotContain("missing");
        assertThat(items.get("dispatch-time").atMs()).isEqualTo(66_000);
        assertThat(items.get("dispatch-time").evidence()).contains("Dispatch 60.0 s (target 120 s, dispatch: from "
                + "answer): met");
        assertThat(items.get("cad-accuracy").evidence()).startsWith("At dispatch: right ward Shibuya")
                .doesNotContain("wrong");
        assertThat(items.get("caller-calmed").evidence()).isEqualTo("The caller was panicking at the start and tense "
                + "at the end").doesNotContainPattern("\\d");
        assertThat(items.get("caller-calmed").atMs()).isEqualTo(33_000);
    }

    @Test
    void itemsThatDoNotApplyAreLeftOutNotGivenFreeMarks() {
        List<Object> call = List.of(new CallLog.Answered(3_000, 3_000),
                trainee(1, "Where are you?", 4_000, Intent.ASK_LOCATION),
                new CallLog.Ended(20_000, "completed", 20_000));
        Map<String, CallLog.ScoreItem> items = byId(scorer.score(chokingInfant(), new CallHistory(call)));

        assertThat(items).doesNotContainKeys("weapons-asked", "safety-asked");
        assertThat(items.get("instructions").label()).isEqualTo("CPR instructions given");
        assertThat(items.get("instructions").earned()).isZero();
        assertThat(items.get("instructions").atMs()).isEqualTo(-1);
        assertThat(items.get("injuries-asked").earned()).isZero();
        assertThat(items.get("caller-calmed").earned()).isZero();
        // A calm caller cannot be calmed: no free item.
        assertThat(byId(scorer.score(fire(0.3), new CallHistory(goodFireCall())))).doesNotContainKey("caller-calmed");
    }

    @Test
    void policeCallsAskAboutWeapons() {
        Scenario fire = fire(0.8);
        Scenario police = new Scenario("police", "Burglary", "police", "", fire.caller(), fire.location(),
                fire.callback(), new Nature("POL-BURG", "Burglary", 2), List.of(), fire.emotion(), List.of(),
                List.of(ResponderType.POLICE), fire.targets(), List.of(), "test");
        List<Object> call = new ArrayList<>(goodFireCall());
        call.add(5, trainee(20, "Does he have a weapon?", 12_000, Intent.ASK_WEAPONS));
        CallLog.ScoreItem weapons = byId(scorer.score(police, new CallHistory(call))).get("weapons-asked");
        Scenario noUnits = new Scenario("parking", "Parked car", "other", "", fire.caller(), fire.location(),
                fire.callback(), new Nature("NON-EMERGENCY", "Parking", 5), List.of(), fire.emotion(), List.of(),
                List.of(), fire.targets(), List.of(), "test");
        assertThat(byId(scorer.score(noUnits, new CallHistory(List.of(new CallLog.Answered(3_000, 3_000))))))
                .doesNotContainKey("dispatch-time");
        assertThat(weapons.earned()).isEqualTo(1.0);
        assertThat(weapons.evidence()).contains("Does he have a weapon?");
        assertThat(weapons.atMs()).isEqualTo(12_000);
    }

    @Test
    void lateAnswerEarnsPartOfTheMarkAndNothingFromFortySeconds() {
        List<Object> call = new ArrayList<>(goodFireCall());
        call.set(1, new CallLog.Answered(27_500, 27_500));
        assertThat(byId(scorer.score(fire(0.8), new CallHistory(call))).get("answer-time").earned())
                .isCloseTo(0.5, within(1e-9));
        call.set(1, new CallLog.Answered(41_000, 41_000));
        CallLog.ScoreItem late = byId(scorer.score(fire(0.8), new CallHistory(call))).get("answer-time");
        assertThat(late.earned()).isZero();
        assertThat(late.evidence()).contains("41.0 s");
    }

    @Test
    void aTargetMissedByAFewSecondsIsMissedEverywhereThoughItKeepsPartOfItsMarks() {
        // The call: location 36.9 s against 30 s, dispatch 82.8 s against 60 s, answer 11.1 s against 10 s.
        Scenario tight = new Scenario("fire-tight", "House fire", "fire", "", fire(0.8).caller(), fire(0.8).location(),
                "09012345678", fire(0.8).nature(), fire(0.8).facts(), fire(0.8).emotion(), fire(0.8).expectedActions(),
                fire(0.8).requiredUnits(), new TimeTargets(10, 30, 60), List.of(), "test");
        List<Object> call = new ArrayList<>(goodFireCall());
        call.set(1, new CallLog.Answered(11_100, 11_100));
        call.replaceAll(o -> o instanceof CallLog.CadEdit e && e.field().equals("LOCATION")
                ? new CallLog.CadEdit(11_100 + 36_900, "LOCATION", null, e.newValue(), "trainee")
                : o instanceof CallLog.Dispatch d ? new CallLog.Dispatch(11_100 + 82_800, d.reference(), d.natureCode(),
                        d.nature(), d.priority(), d.lat(), d.lon(), d.ward(), d.address(), d.units()) : o);
        Map<String, CallLog.ScoreItem> items = byId(scorer.score(tight, new CallHistory(call)));
        for (String id : List.of("answer-time", "location-verified", "dispatch-time")) {
            CallLog.ScoreItem item = items.get(id);
            assertThat(item.met()).as(id).isFalse();
            assertThat(item.earned()).as(id + " keeps part of its marks").isBetween(0.5, 0.99);
            assertThat(item.evidence()).as(id).endsWith(": missed");
        }
        assertThat(items.get("location-verified").evidence()).contains("36.9 s (target 30 s, location: from answer)");
        assertThat(items.get("answer-time").evidence()).contains("11.1 s (target 10 s, answer: from first ring)");
        // The chips' rule, on the same numbers.
        assertThat(dev.switchboard.calltaking.model.CallTarget.met(36_900, 30)).isFalse();
        assertThat(dev.switchboard.calltaking.model.CallTarget.met(30_000, 30)).isTrue();
    }

    @Test
    void anAutomaticNatureNeverConfirmedIsNamedAsSuchInTheEvidence() {
        List<Object> call = new ArrayList<>(goodFireCall());
        call.replaceAll(o -> o instanceof CallLog.CadEdit e && e.field().equals("NATURE_CODE")
                ? new CallLog.CadEdit(e.atMs(), "NATURE_CODE", null, "FIRE-VEHICLE", "extraction") : o);
        CallLog.ScoreItem nature = byId(scorer.score(fire(0.8), new CallHistory(call))).get("nature");
        assertThat(nature.met()).isFalse();
        assertThat(nature.evidence()).contains("filled in automatically and never confirmed")
                .contains("expected FIRE-STRUCT");
    }

    @Test
    void verifyingTheWrongPlaceEarnsNothingAndSaysHowFar() {
        List<Object> call = new ArrayList<>(goodFireCall());
        call.replaceAll(o -> o instanceof CallLog.CadEdit e && e.field().equals("LOCATION")
                ? new CallLog.CadEdit(e.atMs(), "LOCATION", null, CadFields.location("Shinjuku Station", "shinjuku",
                        new LatLon(35.6896, 139.7006)), "trainee") : o);
        CallLog.ScoreItem item = byId(scorer.score(fire(0.8), new CallHistory(call))).get("location-verified");
        assertThat(item.earned()).isZero();
        assertThat(item.evidence()).contains("Shinjuku Station").contains("m away");
        assertThat(item.atMs()).isEqualTo(14_000);
    }

    @Test
    void slowLocationAndDispatchLoseMarksLinearly() {
        assertThat(Scorer.timeMark(60_000, 60)).isEqualTo(1.0);
        assertThat(Scorer.timeMark(60_001, 60)).isLessThan(1.0);
        assertThat(Scorer.timeMark(120_000, 60)).isCloseTo(0.5, within(1e-9));
        assertThat(Scorer.timeMark(180_000, 60)).isZero();
    }

    @Test
    void actionsOutOfOrderEarnHalfAndMissingOnesNothing() {
        List<Object> call = new ArrayList<>();
        call.add(new CallLog.Answered(5_000, 5_000));
        call.add(trainee(1, "What's your number?", 6_000, Intent.ASK_CALLBACK));
        call.add(trainee(2, "Where are you?", 9_000, Intent.ASK_LOCATION));
        call.add(trainee(3, "Is anyone inside?", 12_000, Intent.ASK_PEOPLE));
        CallLog.ScoreItem item = byId(scorer.score(fire(0.8), new CallHistory(call))).get("actions-order");
        // Weights: location 2, callback 1, people 1, leave 1. In order: location, people; callback late; leave missing.
        assertThat(item.earned()).isCloseTo((2 + 1 + 0.5) / 5.0, within(1e-9));
        assertThat(item.evidence()).contains("in order: Location (9.0 s), People inside (12.0 s)")
                .contains("out of order: Callback (6.0 s)").contains("missing: Get out and stay out");
        assertThat(item.atMs()).isEqualTo(12_000);
    }

    @Test
    void cadAccuracyNamesWhatIsWrongAndTheTotalIsTheWeightedMean() {
        List<Object> call = new ArrayList<>(goodFireCall());
        call.replaceAll(o -> o instanceof CallLog.Dispatch d ? new CallLog.Dispatch(d.atMs(), d.reference(),
                d.natureCode(), d.nature(), 1, d.lat(), d.lon(), d.ward(), d.address(), List.of("FIRE", "AMBULANCE"))
                : o);
        call.add(new CallLog.CadEdit(40_000, "WARD", "Shibuya", "Minato", "trainee"));
        CallLog.Score score = scorer.score(fire(0.8), new CallHistory(call));
        CallLog.ScoreItem cad = byId(score).get("cad-accuracy");
        assertThat(cad.earned()).isCloseTo(3 / 5.0, within(1e-9));
        assertThat(cad.evidence()).contains("wrong ward Minato (truth: Shibuya)")
                .contains("units FIRE, AMBULANCE (truth: FIRE, FIRE, AMBULANCE)");
        double weights = score.items().stream().mapToDouble(CallLog.ScoreItem::weight).sum();
        double earned = score.items().stream().mapToDouble(i -> i.weight() * i.earned()).sum();
        assertThat(score.total()).isCloseTo(earned / weights * 100, within(0.05));
        assertThat(score.total()).isLessThan(100);
    }

    @Test
    void addressesMatchByBlockNumberAndTown() {
        assertThat(Scorer.addressMatches("2-21-1 shibuya, Shibuya-ku", "2-21-1 Shibuya")).isTrue();
        assertThat(Scorer.addressMatches("2-21-2 Shibuya", "2-21-1 Shibuya")).isFalse();
        assertThat(Scorer.addressMatches("2-21-1 Dogenzaka", "2-21-1 Shibuya")).isFalse();
        assertThat(Scorer.wardMatches("Shibuya-ku", "shibuya", "Shibuya")).isTrue();
        assertThat(Scorer.wardMatches("minato", "shibuya", "Shibuya")).isFalse();
    }

    @Test
    void aCallThatWasNeverAnsweredScoresZeroOnTime() {
        CallLog.Score score = scorer.score(fire(0.8), new CallHistory(List.of(new CallLog.Ringing(0),
                new CallLog.Ended(30_000, "abandoned", 30_000))));
        CallLog.ScoreItem answer = byId(score).get("answer-time");
        assertThat(answer.earned()).isZero();
        assertThat(answer.atMs()).isEqualTo(-1);
        assertThat(score.total()).isZero();
    }
}
