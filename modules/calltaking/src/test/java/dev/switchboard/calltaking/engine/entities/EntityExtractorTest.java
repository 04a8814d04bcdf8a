package dev.switchboard.calltaking.engine.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {

    private final EntityExtractor extractor = new EntityExtractor(PlaceNames.tokyo());

    private List<ExtractedEntity> of(String text, EntityType type) {
        return extractor.extract(text).stream().filter(e -> e.type() == type).toList();
    }

    private String value(String text, EntityType type) {
        List<ExtractedEntity> es = of(text, type);
        assertThat(es).as("%s in '%s'", type, text).hasSize(1);
        return es.get(0).value();
    }

    @Test
    void wardsInEveryCommonSpelling() {
        for (String s : List.of("shibuya-ku", "shibuya ku", "Shibuya ward", "渋谷区", "shibuyah ku",
                "it's in Shibuya")) {
            assertThat(value(s, EntityType.WARD)).as(s).isEqualTo("Shibuya");
        }
        assertThat(value("we are in shin juku", EntityType.WARD)).isEqualTo("Shinjuku");
        assertThat(value("katsushka ku", EntityType.WARD)).isEqualTo("Katsushika");
    }

    @Test
    void misheardWardNamesCostConfidence() {
        double exact = of("shinjuku", EntityType.WARD).get(0).confidence();
        double fuzzy = of("shinjuk", EntityType.WARD).get(0).confidence();
        assertThat(fuzzy).isLessThan(exact);
    }

    @Test
    void blockAddressesTypedSpokenAndInJapanese() {
        assertThat(value("I'm at 2-21-1 Shibuya", EntityType.ADDRESS)).isEqualTo("2-21-1 Shibuya");
        assertThat(value("Ebisu 3-5-12", EntityType.ADDRESS)).isEqualTo("3-5-12 Ebisu");
        assertThat(value("2 chome 21 ban 1 go", EntityType.ADDRESS)).isEqualTo("2-21-1");
        assertThat(value("two chome twenty one ban one go ebisu", EntityType.ADDRESS)).isEqualTo("2-21-1 Ebisu");
        assertThat(value("roppongi chome 3 banchi 5", EntityType.ADDRESS)).isEqualTo("3-5 Roppongi");
        assertThat(value("nichome 4 ban akasaka", EntityType.ADDRESS)).isEqualTo("2-4 Akasaka");
        assertThat(value("2丁目21番1号", EntityType.ADDRESS)).isEqualTo("2-21-1");
        assertThat(value("ebisu 3 5 12", EntityType.ADDRESS)).isEqualTo("3-5-12 Ebisu");
    }

    @Test
    void aScoreOrARangeIsNotAnAddress() {
        assertThat(of("it was 3-5 at half time", EntityType.ADDRESS)).isEmpty();
        assertThat(of("wait 5-10 minutes", EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void spanIsTheInputTextAtStartEnd() {
        String text = "Help! My husband collapsed at 2-21-1 Shibuya, Shibuya-ku and he's NOT breathing, "
                + "call 090-1234-5678";
        List<ExtractedEntity> es = extractor.extract(text);
        assertThat(es).isNotEmpty();
        for (ExtractedEntity e : es) {
            assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
        }
        assertThat(es).extracting(ExtractedEntity::start).isSorted();
    }

    @Test
    void phonesAreDigitsOnly() {
        for (String s : List.of("090-1234-5678", "090 1234 5678", "+81 90 1234 5678", "+81-90-1234-5678",
                "zero nine zero one two three four five six seven eight", "plus eight one nine zero one two three four "
                        + "five six seven eight", "oh nine oh one two three four five six seven eight")) {
            assertThat(value("my number is " + s, EntityType.PHONE)).as(s).isEqualTo("09012345678");
        }
        assertThat(value("03-3456-7890", EntityType.PHONE)).isEqualTo("0334567890");
        assertThat(of("I'm 34 and he's 12", EntityType.PHONE)).isEmpty();
    }

    @Test
    void peopleCounts() {
        assertThat(value("three people are hurt", EntityType.PEOPLE_COUNT)).isEqualTo("3");
        assertThat(value("two kids", EntityType.PEOPLE_COUNT)).isEqualTo("2");
        assertThat(value("there's a man on the ground", EntityType.PEOPLE_COUNT)).isEqualTo("1");
        assertThat(value("twenty one passengers", EntityType.PEOPLE_COUNT)).isEqualTo("21");
        assertThat(of("how many people are there", EntityType.PEOPLE_COUNT)).isEmpty();
    }

    @Test
    void negationFlipsAndUncertaintyLowers() {
        assertThat(value("he is breathing", EntityType.BREATHING)).isEqualTo("yes");
        assertThat(value("he is not breathing", EntityType.BREATHING)).isEqualTo("no");
        assertThat(value("she isnt breathing", EntityType.BREATHING)).isEqualTo("no");
        assertThat(value("she's gasping", EntityType.BREATHING)).isEqualTo("abnormal");
        assertThat(value("I don't know if he's breathing", EntityType.BREATHING)).isEqualTo("unknown");
        assertThat(value("he's unconscious", EntityType.CONSCIOUS)).isEqualTo("no");
        assertThat(value("she is not conscious", EntityType.CONSCIOUS)).isEqualTo("no");
        assertThat(value("he's awake", EntityType.CONSCIOUS)).isEqualTo("yes");
        assertThat(value("no weapons", EntityType.WEAPON)).isEqualTo("none");
        assertThat(value("he doesn't have a knife", EntityType.WEAPON)).isEqualTo("none");
        assertThat(value("nobody is hurt", EntityType.INJURY)).isEqualTo("none");
        double sure = of("he has a gun", EntityType.WEAPON).get(0).confidence();
        double hedged = of("I think he has a gun", EntityType.WEAPON).get(0).confidence();
        assertThat(hedged).isLessThan(sure);
    }

    @Test
    void negationDoesNotCrossIntoTheNextSpokenClause() {
        List<ExtractedEntity> es = of("he can't breathe he's choking", EntityType.BREATHING);
        assertThat(es).extracting(ExtractedEntity::value).containsExactly("abnormal", "abnormal");
    }

    @Test
    void questionsAndConditionsStateNothing() {
        for (String s : List.of("is he breathing", "is she conscious", "does he have a weapon", "any weapons",
                "do you smell gas", "are you hurt", "tell me if he stops breathing")) {
            assertThat(extractor.extract(s)).as(s).isEmpty();
        }
    }

    @Test
    void weaponsAndHazardsAreNormalised() {
        assertThat(value("he has a blade", EntityType.WEAPON)).isEqualTo("knife");
        assertThat(value("he pulled a pistol", EntityType.WEAPON)).isEqualTo("gun");
        assertThat(value("swinging a baseball bat", EntityType.WEAPON)).isEqualTo("bat");
        assertThat(value("I smell gas", EntityType.HAZARD)).isEqualTo("gas");
        assertThat(value("the basement is flooded", EntityType.HAZARD)).isEqualTo("flood");
        assertThat(value("power lines are down", EntityType.HAZARD)).isEqualTo("power lines");
        assertThat(of("the fire department is here", EntityType.HAZARD)).isEmpty();
    }

    @Test
    void vehiclesAndPlates() {
        assertThat(value("a white toyota prius", EntityType.VEHICLE)).isEqualTo("white Toyota Prius");
        assertThat(of("plate shinagawa 300 a 1234", EntityType.VEHICLE)).extracting(ExtractedEntity::value)
                .containsExactly("Shinagawa 300 a 12-34");
        assertThat(value("品川 300 あ 12-34", EntityType.VEHICLE)).isEqualTo("品川 300 あ 12-34");
        assertThat(of("a police car is here", EntityType.VEHICLE)).isEmpty();
        assertThat(of("shinagawa 300 a 1234", EntityType.WARD)).isEmpty();
    }

    @Test
    void suspectDescription() {
        assertThat(value("a tall man in a black hoodie ran off", EntityType.SUSPECT))
                .isEqualTo("male, tall, black hoodie");
        assertThat(value("she's in her thirties with long hair", EntityType.SUSPECT))
                .isEqualTo("female, 30s, long hair");
        assertThat(of("an old man fell down", EntityType.SUSPECT)).isEmpty();
    }

    @Test
    void landmarksStationsAndCrossings() {
        assertThat(value("near tokyo tower", EntityType.LANDMARK)).isEqualTo("Tokyo Tower");
        assertThat(value("at ebisu station", EntityType.LANDMARK)).isEqualTo("Ebisu Station");
        assertThat(value("corner of Meiji-dori and Omotesando", EntityType.INTERSECTION))
                .isEqualTo("Meiji-dori & Omotesando");
        assertThat(value("Aoyama-dori at Gaien-nishi", EntityType.INTERSECTION))
                .isEqualTo("Aoyama-dori & Gaien-nishi-dori");
        assertThat(value("ginza 4 chome crossing", EntityType.INTERSECTION)).isEqualTo("Ginza 4-chome Crossing");
        assertThat(extractor.extract("we're on meiji dori")).isEmpty();
    }

    @Test
    void blankTextGivesNothingAndTheSameTextTheSameEntities() {
        assertThat(extractor.extract("")).isEmpty();
        assertThat(extractor.extract("   ")).isEmpty();
        assertThat(extractor.extract(null)).isEmpty();
        String text = "a man with a knife at 2-21-1 shibuya, he's bleeding, 090 1234 5678";
        assertThat(extractor.extract(text)).isEqualTo(extractor.extract(text));
    }
}
