package dev.switchboard.calltaking.engine.cad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.calltaking.engine.entities.PlaceNames;
import dev.switchboard.calltaking.engine.entities.EntityExtractor;
import dev.switchboard.core.incident.ResponderType;
import java.util.List;
import org.junit.jupiter.api.Test;

class NatureCodesTest {

    private final NatureCodes codes = NatureCodes.standard();
    private final EntityExtractor extractor = new EntityExtractor(PlaceNames.tokyo());

    private String suggest(String text) {
        return codes.suggest(extractor.extract(text), text).code();
    }

    @Test
    void theTableHasTheBriefsCodes() {
        assertThat(codes.all()).hasSizeGreaterThanOrEqualTo(25);
        for (String c : List.of("FIRE-STRUCT", "FIRE-VEH", "MED-CARDIAC", "MED-CHOKING", "MED-FALL", "MED-OVERDOSE",
                "MED-BREATHING", "POL-DV", "POL-ASSAULT-WPN", "POL-BURGLARY", "POL-MISSING-CHILD", "POL-SUICIDE",
                "TRF-COLLISION-INJ", "TRF-EXPRESSWAY", "HAZ-GAS", "HAZ-SPILL", "DIS-COLLAPSE", "OPEN-LINE",
                "NON-EMERGENCY")) {
            assertThat(codes.find(c)).as(c).isPresent();
        }
        assertThat(codes.find(" fire-struct ").orElseThrow().units()).contains(ResponderType.FIRE);
        assertThat(codes.find("NOPE")).isEmpty();
    }

    @Test
    void suggestsFromWhatTheCallSays() {
        assertThat(suggest("my apartment is on fire there's smoke everywhere")).isEqualTo("FIRE-STRUCT");
        assertThat(suggest("the car is on fire")).isEqualTo("FIRE-VEH");
        assertThat(suggest("my husband collapsed and he's not breathing")).isEqualTo("MED-CARDIAC");
        assertThat(suggest("my son is choking on mochi")).isEqualTo("MED-CHOKING");
        assertThat(suggest("a man is attacking people with a knife")).isEqualTo("POL-ASSAULT-WPN");
        assertThat(suggest("I heard gunshots")).isEqualTo("POL-SHOTS");
        assertThat(suggest("I smell gas in the hallway")).isEqualTo("HAZ-GAS");
        assertThat(suggest("a car hit a cyclist and he's bleeding")).isEqualTo("TRF-COLLISION-INJ");
        assertThat(suggest("crash on the shuto expressway")).isEqualTo("TRF-EXPRESSWAY");
        assertThat(suggest("I can't find my daughter she's missing")).isEqualTo("POL-MISSING-CHILD");
        assertThat(suggest("someone broke in to my house")).isEqualTo("POL-BURGLARY");
        assertThat(suggest("my grandmother fell down the stairs and her hip is broken")).isEqualTo("MED-FALL");
        assertThat(suggest("hello")).isEqualTo(NatureCodes.UNKNOWN);
    }

    @Test
    void negatedEntitiesDoNotCount() {
        assertThat(suggest("no weapons")).isEqualTo(NatureCodes.UNKNOWN);
    }
}
