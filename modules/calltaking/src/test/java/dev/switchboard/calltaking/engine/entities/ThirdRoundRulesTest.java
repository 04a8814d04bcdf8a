package dev.switchboard.calltaking.engine.entities;

import static dev.switchboard.calltaking.engine.entities.Extracts.all;
import static dev.switchboard.calltaking.engine.entities.Extracts.values;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The third round of rules (README, Decisions): other occasions than the emergency, a recogniser's stray plurals,
 * descriptions and heights without commas, and counts that pick part of a group. Each with a
 * line that failed before and a look-alike that must still give what it gave.
 */
class ThirdRoundRulesTest {

    @Test
    void whatHappenedAnotherTimeOrIsOnlyThreatenedGivesNothing() {
        assertThat(all("My uncle died here in this house two years ago, and now I'm hearing noises.")).isEmpty();
        assertThat(all("There was a fire here last month, the landlord never fixed the wiring.")).isEmpty();
        assertThat(all("She threatened to stab me last week, I have a protective order.")).isEmpty();
        assertThat(all("He keeps saying he's gonna burn the house down.")).isEmpty();
        assertThat(all("What if the gas line goes, do we need to leave?")).isEmpty();
        assertThat(all("There was a shooting on the news near here, is that related?")).isEmpty();
        // the emergency itself still counts
        assertThat(values("help my neighbour is threatening me with a hammer", null, EntityType.WEAPON))
                .containsExactly("hammer");
        assertThat(values("I don't know if he has a gun", "Does he have a weapon?", EntityType.WEAPON))
                .containsExactly("unknown");
        assertThat(values("he got shot last night and he's bleeding", null, EntityType.INJURY))
                .contains("gunshot wound", "bleeding");
    }

    @Test
    void aRecognisersStrayPluralOnANumberIsTheNumber() {
        assertThat(values("weve got twelves kids on the bus", null, EntityType.PEOPLE_COUNT)).containsExactly("12");
        assertThat(values("too of them are down", null, EntityType.PEOPLE_COUNT)).containsExactly("2");
        assertThat(values("a bunch of kid are fighting", null, EntityType.PEOPLE_COUNT)).containsExactly("many");
        assertThat(values("we found the ones we lost", null, EntityType.PEOPLE_COUNT)).isEmpty();
    }

    @Test
    void aDescriptionWithoutCommasStillLists() {
        assertThat(values("hispanic male short stocky black jacket gray pants", null, EntityType.SUSPECT))
                .containsExactly("male, hispanic, short, stocky, black jacket, grey pants");
        assertThat(values("theres a guy six two wearing a navy windbreaker", null, EntityType.SUSPECT))
                .containsExactly("male, 6 ft 2, navy windbreaker");
        assertThat(values("two guys five ten minutes ago", null, EntityType.SUSPECT)).isEmpty();
    }

    @Test
    void aNumberThatPicksPartOfAGroupCounts() {
        assertThat(values("Three guys, two in the front seat, one in the back.", null, EntityType.PEOPLE_COUNT))
                .containsExactly("3", "2", "1");
        assertThat(values("Two guys in a blue Honda just robbed the store, one had a pistol.", null,
                EntityType.PEOPLE_COUNT)).containsExactly("2", "1");
        assertThat(values("there are two people inside and one is a child", null, EntityType.PEOPLE_COUNT))
                .containsExactly("2", "1");
        assertThat(values("Two guys came back one more time.", null, EntityType.PEOPLE_COUNT)).containsExactly("2");
    }

    @Test
    void aStreetCornerWithoutCapitals() {
        assertThat(values("its at maple and fourth in front of the bank", null, EntityType.INTERSECTION))
                .containsExactly("Maple & fourth");
        assertThat(values("we are at home and third floor is on fire", null, EntityType.INTERSECTION)).isEmpty();
    }
}
