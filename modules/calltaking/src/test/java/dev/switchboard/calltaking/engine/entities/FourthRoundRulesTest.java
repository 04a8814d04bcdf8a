package dev.switchboard.calltaking.engine.entities;

import static dev.switchboard.calltaking.engine.entities.Extracts.all;
import static dev.switchboard.calltaking.engine.entities.Extracts.values;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The fourth round of rules (README, Decisions): false positives of real calls (other occasions, near misses,
 * names and compounds that hold a clue word, look-alikes) and a recogniser's fillers inside a phrase. Each with a
 * line that failed before and a look-alike that must still give what it gave.
 */
class FourthRoundRulesTest {

    @Test
    void anotherTimeByYearMonthOrChildhoodGivesNothing() {
        assertThat(all("My uncle was stabbed outside a bar in 1998, that's why I'm scared of this place.")).isEmpty();
        assertThat(all("We had a kitchen fire here back in March, so I'm nervous.")).isEmpty();
        assertThat(all("my brother died in a fire when he was little so im scared")).isEmpty();
        assertThat(all("If you can, get to a room with a lock in case he comes back with the bat.")).isEmpty();
        // the emergency itself still counts
        assertThat(values("he got shot last night and he's bleeding", null, EntityType.INJURY))
                .contains("gunshot wound", "bleeding");
        assertThat(values("in case you need it, he has a knife", null, EntityType.WEAPON)).containsExactly("knife");
        assertThat(values("he has a knife in his hand", null, EntityType.WEAPON)).containsExactly("knife");
    }

    @Test
    void peopleOfAnotherOccasionAreNotCounted() {
        assertThat(values("My friend said five guys jumped a kid here last month.", null, EntityType.PEOPLE_COUNT))
                .isEmpty();
        // a threat drops whom it names, not who makes it
        assertThat(values("a woman in a white dress is on the roof threatening to jump", null,
                EntityType.PEOPLE_COUNT)).containsExactly("1");
        assertThat(values("He's one big guy, I can't lift him.", null, EntityType.PEOPLE_COUNT)).isEmpty();
        assertThat(values("one guy is down", null, EntityType.PEOPLE_COUNT)).containsExactly("1");
    }

    @Test
    void aNoToWeaponsGoesWhenTheLineNamesOne() {
        assertThat(values("Not a gun, no, but he's got a hammer.", "Does he have any weapons?", EntityType.WEAPON))
                .containsExactly("hammer");
        assertThat(values("No, no weapons, she's just yelling.", "Does she have a weapon?", EntityType.WEAPON))
                .containsExactly("none");
    }

    @Test
    void namesAndCompoundsThatHoldAClueWordGiveNothing() {
        assertThat(all("We're at the Shooters sports bar on Grand.")).isEmpty();
        assertThat(all("We're on Fire Lake Road by the marina.")).isEmpty();
        assertThat(values("We're at the fire hall for bingo and a lady collapsed.", null, EntityType.HAZARD))
                .isEmpty();
        assertThat(values("The gas gauge says empty and we're stuck on the bridge.", null, EntityType.HAZARD))
                .isEmpty();
        assertThat(values("He's a shooting guard, he took an elbow to the face.", null, EntityType.WEAPON)).isEmpty();
        assertThat(values("He's a shooting guard, he took an elbow to the face.", null, EntityType.SUSPECT))
                .isEmpty();
        // the clue word itself still counts
        assertThat(values("the river is flooding the street", null, EntityType.HAZARD)).containsExactly("flood");
        assertThat(values("there's a fire in the hall", null, EntityType.HAZARD)).containsExactly("fire");
        assertThat(values("Someone is shooting at the bar!", null, EntityType.WEAPON)).containsExactly("gun");
    }

    @Test
    void nearMissesAndLookAlikesGiveNothing() {
        assertThat(all("The pan nearly caught fire but I put a lid on it, it's out.")).isEmpty();
        assertThat(all("He took a shot of tequila and then just fell over.")).isEmpty();
        assertThat(all("The knife drawer was open but I don't think he took anything.")).isEmpty();
        assertThat(all("He's a heavy sleeper but I've never not been able to wake him.")).isEmpty();
        assertThat(values("He told me yesterday he wants to kill himself, he won't answer his phone.", null,
                EntityType.CONSCIOUS)).isEmpty();
        assertThat(values("she won't answer me", null, EntityType.CONSCIOUS)).containsExactly("no");
    }

    @Test
    void animalsAndIdiomsAreNoPatients() {
        assertThat(values("The dog's bleeding, not the kid, the kid's fine.", null, EntityType.INJURY)).isEmpty();
        assertThat(values("The dog bit him on the hand.", null, EntityType.INJURY)).containsExactly("injured");
        assertThat(all("I killed the engine and I'm standing by the road.")).isEmpty();
        assertThat(values("His pride's hurt, he's okay, but the other guy's out cold.", null, EntityType.INJURY))
                .isEmpty();
        assertThat(values("They were shooting fireworks off the roof.", null, EntityType.WEAPON)).isEmpty();
    }

    @Test
    void negationsReachNoFurtherThanTheyShould() {
        assertThat(values("no no fire just smoke", "Is there any fire?", EntityType.HAZARD))
                .containsExactlyInAnyOrder("none", "smoke");
        assertThat(values("She's not unconscious, she's just really sleepy.", null, EntityType.CONSCIOUS))
                .containsExactly("yes");
        assertThat(values("Nothing's on fire, it's steam from the radiator.", null, EntityType.HAZARD))
                .containsExactly("none");
        assertThat(values("he wasnt breathing earlier but hes okay now hes breathing fine", null,
                EntityType.BREATHING)).containsExactly("yes");
    }

    @Test
    void aRecognisersFillerInsideAPhraseIsReadPast() {
        assertThat(values("there's like five or six um guys out there", null, EntityType.PEOPLE_COUNT))
                .containsExactly("6");
        assertThat(values("oh god my grandma got um shot", null, EntityType.INJURY)).containsExactly("gunshot wound");
        assertThat(values("uh huh", "Is he breathing?", EntityType.BREATHING)).containsExactly("yes");
        assertThat(values("uh uh no he's not", "Is he breathing?", EntityType.BREATHING)).containsExactly("no");
        assertThat(Extracts.entities("um")).isEmpty();
    }
}
