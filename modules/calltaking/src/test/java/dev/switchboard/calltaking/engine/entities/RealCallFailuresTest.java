package dev.switchboard.calltaking.engine.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The kinds of failure issue 10 saw on real published 911 calls, each with the lines that showed it. */
class RealCallFailuresTest {

    private final EntityExtractor extractor = new EntityExtractor(PlaceNames.tokyo());

    private List<ExtractedEntity> of(String text, String previous, EntityType type) {
        return extractor.extract(text, previous).stream().filter(e -> e.type() == type).toList();
    }

    private List<String> values(String text, String previous, EntityType type) {
        return of(text, previous, type).stream().map(ExtractedEntity::value).toList();
    }

    @Test
    void aShortAnswerIsReadWithItsQuestion() {
        assertThat(values("No.", "Is he breathing?", EntityType.BREATHING)).containsExactly("no");
        assertThat(values("no", "is he breathing", EntityType.BREATHING)).containsExactly("no");
        assertThat(values("Yeah.", "Is she awake?", EntityType.CONSCIOUS)).containsExactly("yes");
        assertThat(values("No, she's been crying the whole time.", "Did she pass out?", EntityType.CONSCIOUS))
                .containsExactly("yes");
        assertThat(values("I don't know.", "Any weapons?", EntityType.WEAPON)).containsExactly("unknown");
        assertThat(values("Barely.", "Is he breathing?", EntityType.BREATHING)).containsExactly("abnormal");
        assertThat(values("No.", null, EntityType.BREATHING)).isEmpty();
        assertThat(values("No.", "What's the address?", EntityType.BREATHING)).isEmpty();
    }

    @Test
    void aQuestionAndItsAnswerInOneLine() {
        assertThat(values("is he breathing? no.", null, EntityType.BREATHING)).containsExactly("no");
        assertThat(values("is he breathing no", null, EntityType.BREATHING)).containsExactly("no");
        assertThat(values("are there any weapons? no, he's using his fists", null, EntityType.WEAPON))
                .containsExactly("none");
    }

    @Test
    void aRestatedOrContradictedAnswerGivesOneEntity() {
        assertThat(values("Yeah, he's awake.", "Is he awake?", EntityType.CONSCIOUS)).containsExactly("yes");
        assertThat(values("No. No, just the knife.", "Does he have any other weapons?", EntityType.WEAPON))
                .containsExactly("knife");
        assertThat(values("Yes, a knife.", "Does he have a weapon?", EntityType.WEAPON)).containsExactly("knife");
    }

    @Test
    void activeVoiceAndBareCounts() {
        assertThat(values("she's shot", null, EntityType.INJURY)).containsExactly("gunshot wound");
        assertThat(values("people are shot", null, EntityType.INJURY)).containsExactly("gunshot wound");
        List<ExtractedEntity> es = extractor.extract("four are dead, five are injured");
        assertThat(es).extracting(ExtractedEntity::type, ExtractedEntity::value).containsExactly(
                tuple(EntityType.PEOPLE_COUNT, "4"), tuple(EntityType.INJURY, "dead"),
                tuple(EntityType.PEOPLE_COUNT, "5"), tuple(EntityType.INJURY, "injured"));
        assertThat(extractor.extract("we've got one down")).extracting(ExtractedEntity::type, ExtractedEntity::value)
                .containsExactly(tuple(EntityType.PEOPLE_COUNT, "1"), tuple(EntityType.INJURY, "injured"));
        assertThat(values("I heard a shot", null, EntityType.INJURY)).isEmpty();
        assertThat(values("he went down the stairs", null, EntityType.INJURY)).isEmpty();
        assertThat(values("no one is injured", null, EntityType.PEOPLE_COUNT)).isEmpty();
    }

    @Test
    void hazardsWithoutTheirKeyword() {
        assertThat(values("the water is still rising", null, EntityType.HAZARD)).containsExactly("flood");
        assertThat(values("my car is filling up with water", null, EntityType.HAZARD)).containsExactly("flood");
        assertThat(values("the building is completely smoking", null, EntityType.HAZARD)).containsExactly("smoke");
        assertThat(values("the ceiling came down on her", null, EntityType.HAZARD)).containsExactly("collapse");
        assertThat(values("the firefighters have gas masks on", null, EntityType.HAZARD)).isEmpty();
        assertThat(values("he's wearing a gas mask", null, EntityType.HAZARD)).isEmpty();
        assertThat(values("he was smoking on the porch", null, EntityType.HAZARD)).isEmpty();
        assertThat(values("my eyes are burning", null, EntityType.HAZARD)).isEmpty();
        assertThat(values("can I give him a glass of water", null, EntityType.HAZARD)).isEmpty();
        assertThat(values("the flames are about 150 feet in the air. it is big.", null, EntityType.HAZARD))
                .containsExactly("fire");
    }

    @Test
    void suspectsAsDescribed() {
        assertThat(values("he's a black male, about six foot, wearing a gray hoodie", null, EntityType.SUSPECT))
                .containsExactly("male, black, 6 ft, grey hoodie");
        assertThat(values("white guy, he's like fifty, bald", null, EntityType.SUSPECT))
                .containsExactly("male, white, ~50, bald");
        assertThat(values("she's 5'4, hispanic, blue jeans, ran north on Main", null, EntityType.SUSPECT))
                .containsExactly("female, hispanic, 5 ft 4, blue jeans, heading north");
        assertThat(values("he took off toward the train station", null, EntityType.SUSPECT))
                .containsExactly("male, heading toward train station");
        assertThat(values("Forty-two.", "How old is he?", EntityType.SUSPECT)).containsExactly("42");
        assertThat(values("the white house on the corner", null, EntityType.SUSPECT)).isEmpty();
        assertThat(values("we're going east on the highway", null, EntityType.SUSPECT)).isEmpty();
    }

    @Test
    void vehiclesOfAnyMakeAndPlatesInOtherFormats() {
        assertThat(values("a silver Dodge Charger", null, EntityType.VEHICLE))
                .containsExactly("silver Dodge Charger");
        assertThat(values("a red Chevy pickup", null, EntityType.VEHICLE)).containsExactly("red Chevrolet pickup");
        assertThat(values("a green Saturn sedan", null, EntityType.VEHICLE)).containsExactly("green Saturn sedan");
        assertThat(values("license plate 7-T-R-D-5-4-2", null, EntityType.VEHICLE))
                .containsExactly("plate 7TRD542");
        assertThat(values("the plate was adam boy charlie one two three", null, EntityType.VEHICLE))
                .containsExactly("plate ABC123");
        assertThat(values("K-L-M 3349", "Did you get the plate?", EntityType.VEHICLE))
                .containsExactly("plate KLM3349");
        assertThat(of("license plate 7-T-R-D-5-4-2", null, EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void oneMisheardWordKeepsTheFact() {
        assertThat(values("he's not breeding", null, EntityType.BREATHING)).containsExactly("no");
        assertThat(values("she is unconcious", null, EntityType.CONSCIOUS)).containsExactly("no");
        assertThat(values("there's to kids in the car", null, EntityType.PEOPLE_COUNT)).containsExactly("2");
        assertThat(values("a read car hit him", null, EntityType.VEHICLE)).containsExactly("red car");
        assertThat(values("he is shouting at me", null, EntityType.WEAPON)).isEmpty();
    }

    @Test
    void streetAddressesOutsideTheGazetteer() {
        assertThat(values("I'm at 1420 Elm St", null, EntityType.ADDRESS)).containsExactly("1420 Elm Street");
        assertThat(values("forty four ten maple grove road", null, EntityType.ADDRESS))
                .containsExactly("4410 Maple Grove Road");
        assertThat(values("the corner of Elm and 3rd", null, EntityType.INTERSECTION)).containsExactly("Elm & 3rd");
        assertThat(values("in front of Lincoln Elementary School", null, EntityType.LANDMARK))
                .containsExactly("Lincoln Elementary School");
        assertThat(extractor.extract("I'm at the hospital")).isEmpty();
        assertThat(extractor.extract("I'm calling from the 7 Eleven at Koenji")).extracting(ExtractedEntity::type)
                .containsExactly(EntityType.ADDRESS);
        assertThat(values("I'm calling from the 7 Eleven at Koenji", null, EntityType.ADDRESS))
                .containsExactly("Koenji");
    }
}
