package dev.switchboard.calltaking.engine.cad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.calltaking.engine.entities.PlaceNames;
import dev.switchboard.calltaking.engine.entities.EntityExtractor;
import dev.switchboard.calltaking.engine.entities.ExtractedEntity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CadFillerTest {

    private final EntityExtractor extractor = new EntityExtractor(PlaceNames.tokyo());
    private final CadFiller filler = new CadFiller();
    private final CadForm form = new CadForm();

    private Map<CadField, String> propose(String... lines) {
        List<ExtractedEntity> es = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String l : lines) {
            es.addAll(extractor.extract(l));
            text.append(l).append(' ');
        }
        Map<CadField, String> out = new EnumMap<>(CadField.class);
        for (CadProposal p : filler.propose(es, form, text.toString())) {
            out.put(p.field(), p.value());
            assertThat(p.confidence()).isBetween(0.0, 1.0);
        }
        return out;
    }

    @Test
    void fillsTheFormFromACall() {
        Map<CadField, String> p = propose("a man with a knife is attacking people",
                "we're at 2-21-1 Shibuya, Shibuya-ku", "my number is 090-1234-5678", "he's bleeding");
        assertThat(p).containsEntry(CadField.WEAPONS, "knife").containsEntry(CadField.CALLBACK, "09012345678")
                .containsEntry(CadField.ADDRESS, "2-21-1 Shibuya, Shibuya").containsEntry(CadField.WARD, "Shibuya")
                .containsEntry(CadField.NATURE_CODE, "POL-ASSAULT-WPN").containsEntry(CadField.PRIORITY, "1")
                .containsEntry(CadField.INJURIES, "bleeding").containsEntry(CadField.PEOPLE, "1");
        assertThat(p.get(CadField.UNITS)).isEqualTo("POLICE, AMBULANCE");
    }

    @Test
    void peopleIsTheWholeGroupNotThePartCountedLast() {
        assertThat(propose("there are three people in the car", "one of them is unconscious"))
                .containsEntry(CadField.PEOPLE, "3");
        assertThat(propose("a lot of people are hurt")).containsEntry(CadField.PEOPLE, "many");
    }

    @Test
    void aCallerCallingOutForTheOperatorDoesNotTurnAFallIntoAnOpenLine() {
        // Seen in the console: the caller's "Hello? Hello, are you there?" after a silence flipped MED-FALL
        // to OPEN-LINE and the units from an ambulance to police.
        Map<CadField, String> p = propose(
                "Hello... I'm so sorry to bother you. I've fallen down and I can't get up.",
                "It's Kyojima 2-3-8, in Sumida.", "Hello? Hello, are you there?", "Hello? Are you still there?",
                "Hello? Hello, are you there?");
        assertThat(p).containsEntry(CadField.NATURE_CODE, "MED-FALL").containsEntry(CadField.UNITS, "AMBULANCE");
    }

    @Test
    void aBurglaryCallerHidingByTheRiverIsABurglaryNotAFlood() {
        Map<CadField, String> p = propose(
                "Someone's in my house. I heard glass breaking downstairs, please, I'm alone.",
                "Nakameguro 3-9-12! White house, black gate!",
                "By the river, near the station, a park across the road!");
        assertThat(p).containsEntry(CadField.NATURE_CODE, "POL-BURGLARY");
    }

    @Test
    void wardComesFromTheGazetteerWhenNotSaid() {
        assertThat(propose("we're near tokyo tower")).containsEntry(CadField.ADDRESS, "Tokyo Tower")
                .containsEntry(CadField.WARD, "Minato");
    }

    @Test
    void aGunAddsSwatAndInjuriesAddAnAmbulance() {
        Map<CadField, String> p = propose("my neighbour has a gun and he is shouting");
        assertThat(p.get(CadField.UNITS)).contains("SWAT");
        Map<CadField, String> q = propose("someone broke into my house", "my wife is hurt");
        assertThat(q.get(CadField.NATURE_CODE)).isEqualTo("POL-BURGLARY");
        assertThat(q.get(CadField.UNITS)).isEqualTo("POLICE, AMBULANCE");
    }

    @Test
    void listFieldsCollectAndNoneYieldsToARealValue() {
        Map<CadField, String> p = propose("no weapons", "wait he has a knife", "and a hammer");
        assertThat(p).containsEntry(CadField.WEAPONS, "knife, hammer");
        assertThat(propose("no weapons")).containsEntry(CadField.WEAPONS, "none");
    }

    @Test
    void neverProposesOverAConfirmedField() {
        form.set(CadField.WEAPONS, "bat", CadForm.BY_TRAINEE);
        form.set(CadField.NATURE_CODE, "POL-DV", CadForm.BY_TRAINEE);
        Map<CadField, String> p = propose("he has a knife");
        assertThat(p).doesNotContainKey(CadField.WEAPONS).doesNotContainKey(CadField.NATURE_CODE);
        assertThat(p).containsEntry(CadField.PRIORITY, "2");
    }

    @Test
    void applyWritesAsExtractionAndTheFormVerifies() {
        List<ExtractedEntity> es = extractor.extract("fire at 3-5-12 ebisu, two people inside");
        List<CadProposal> applied = CadFiller.apply(filler.propose(es, form, "fire at 3-5-12 ebisu"), form);
        assertThat(applied).isNotEmpty();
        assertThat(form.setBy(CadField.ADDRESS)).isEqualTo(CadForm.BY_EXTRACTION);
        assertThat(form.verifyLocation(PlaceNames.tokyo())).isTrue();
        assertThat(form.readyToDispatch()).isTrue();
        assertThat(filler.propose(es, form, "fire at 3-5-12 ebisu")).isEmpty();
    }
}
