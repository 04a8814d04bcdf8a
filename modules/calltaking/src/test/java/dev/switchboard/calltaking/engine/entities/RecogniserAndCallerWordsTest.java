package dev.switchboard.calltaking.engine.entities;

import static dev.switchboard.calltaking.engine.entities.Extracts.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The second and third rounds of rules (README, Decisions): how recognisers write a caller's words and how callers
 * say facts without the labelled set's keywords, each with a line that failed before and a look-alike that must
 * still give nothing.
 */
class RecogniserAndCallerWordsTest {

    @Test
    void aRecognisersKnowIsNoButTheVerbStays() {
        assertThat(values("uh know know", "is he breathing", EntityType.BREATHING)).containsExactly("no");
        assertThat(values("know weapons", null, EntityType.WEAPON)).containsExactly("none");
        assertThat(values("i dont know", "is he breathing", EntityType.BREATHING)).containsExactly("unknown");
        assertThat(values("i know he has a knife", null, EntityType.WEAPON)).containsExactly("knife");
    }

    @Test
    void anIngWordCutBeforeInIsOneWord() {
        assertThat(values("hes wheeze in", null, EntityType.BREATHING)).containsExactly("abnormal");
        assertThat(values("the lady in the honda is scream in", null, EntityType.CONSCIOUS)).containsExactly("yes");
        assertThat(values("there's smoke in the hall", null, EntityType.HAZARD)).containsExactly("smoke");
        assertThat(values("he hit his head in the kitchen", null, EntityType.INJURY)).containsExactly("head injury");
    }

    @Test
    void negationThatIsNotOne() {
        assertThat(values("it won't stop bleeding", null, EntityType.INJURY)).containsExactly("bleeding");
        assertThat(values("I don't think she's breathing", null, EntityType.BREATHING)).containsExactly("no");
        assertThat(values("No, everybody's awake.", "Is anybody unconscious?", EntityType.CONSCIOUS))
                .containsExactly("yes");
    }

    @Test
    void breathingThatIsThereButWrongIsOneAbnormal() {
        List<ExtractedEntity> es = Extracts.entities("She's breathing but her breathing sounds weird, like wet.");
        assertThat(es).extracting(ExtractedEntity::type, ExtractedEntity::value)
                .containsExactly(tuple(EntityType.BREATHING, "abnormal"));
        assertThat(values("she's not breathing right", null, EntityType.BREATHING)).containsExactly("abnormal");
        assertThat(values("He's breathing. His lips are blue.", null, EntityType.BREATHING))
                .containsExactly("yes", "abnormal");
        assertThat(values("he's choking me", null, EntityType.BREATHING)).isEmpty();
    }

    @Test
    void countsSaidTheWayCallersSayThem() {
        assertThat(values("Two are dead, and three more are hurt bad.", null, EntityType.PEOPLE_COUNT))
                .containsExactly("2", "3");
        assertThat(values("five of them are hurt ones really bad", null, EntityType.PEOPLE_COUNT))
                .containsExactly("5", "1");
        assertThat(values("There's a couple people on the ground.", null, EntityType.PEOPLE_COUNT))
                .containsExactly("2");
        assertThat(values("Two, maybe three.", "How many people are hurt?", EntityType.PEOPLE_COUNT))
                .containsExactly("3");
        assertThat(values("My husband is a firefighter.", null, EntityType.PEOPLE_COUNT)).isEmpty();
        assertThat(values("It's one of those apartment buildings.", null, EntityType.PEOPLE_COUNT)).isEmpty();
    }

    @Test
    void answersReadTheWayTheQuestionAsks() {
        assertThat(values("No, it's getting bigger.", "Is the fire out?", EntityType.HAZARD)).containsExactly("fire");
        assertThat(values("Yes.", "Is the fire out?", EntityType.HAZARD)).containsExactly("none");
        assertThat(values("five, me and my four kids", "How many people are in the house?",
                EntityType.PEOPLE_COUNT)).containsExactly("5", "4");
        assertThat(values("Four, four of us.", "How many are inside?", EntityType.PEOPLE_COUNT))
                .containsExactly("4");
        assertThat(values("Short, Black, heavyset, braids, maybe forty.", "What does she look like?",
                EntityType.SUSPECT)).containsExactly("black, ~40, short, heavy, braids");
        assertThat(values("he's Asian, I'd say forty", null, EntityType.SUSPECT)).containsExactly("male, asian, ~40");
    }

    @Test
    void dangersWithoutTheirKeyword() {
        assertThat(values("The creek's coming over the bank.", null, EntityType.HAZARD)).containsExactly("flood");
        assertThat(values("it's up to my ankles", null, EntityType.HAZARD)).containsExactly("flood");
        assertThat(values("a truck is stuck in the current", null, EntityType.HAZARD)).containsExactly("flood");
        assertThat(values("Don't touch the wires.", null, EntityType.HAZARD)).containsExactly("power lines");
        assertThat(values("I've got fire and police coming to you.", null, EntityType.HAZARD)).isEmpty();
        assertThat(values("he smokes like two packs a day", null, EntityType.HAZARD)).isEmpty();
    }

    @Test
    void idiomsThatAreNotInjuriesOrGuns() {
        assertThat(values("He shot me a look and walked out.", null, EntityType.INJURY)).isEmpty();
        assertThat(values("She took a shot of tequila.", null, EntityType.WEAPON)).isEmpty();
        assertThat(values("he's been shooting off fireworks", null, EntityType.WEAPON)).isEmpty();
        assertThat(values("He's dead set on driving home.", null, EntityType.INJURY)).isEmpty();
        assertThat(values("There's a dead raccoon in the road.", null, EntityType.INJURY)).isEmpty();
        assertThat(values("My grandmother passed, she's cold.", null, EntityType.INJURY)).containsExactly("dead");
        assertThat(values("He passed out.", null, EntityType.INJURY)).isEmpty();
    }

    @Test
    void aCallTakersQuestionDescribesNobody() {
        assertThat(values("What did he look like, was he white, black, Hispanic?", null, EntityType.SUSPECT))
                .isEmpty();
        assertThat(values("Okay, what does the car look like?", null, EntityType.VEHICLE)).isEmpty();
        assertThat(values("So he's a white male, about forty, heading south?", null, EntityType.SUSPECT))
                .containsExactly("male, white, ~40, heading south");
    }

    @Test
    void platesSpelledWithNamesAndCommas() {
        assertThat(values("Plate's Texas, L as in Larry, K, M, 3, 0, 9, 1.", null, EntityType.VEHICLE))
                .containsExactly("plate LKM3091");
        assertThat(values("It's P like Paul, D, Z 4 4 8 1.", null, EntityType.VEHICLE))
                .containsExactly("plate PDZ4481");
        assertThat(values("Part of it, it ended in 6 6 2.", "Did you see the tag?", EntityType.VEHICLE))
                .containsExactly("plate 662");
        assertThat(values("It ended around 6 6 2.", null, EntityType.VEHICLE)).isEmpty();
    }
}
