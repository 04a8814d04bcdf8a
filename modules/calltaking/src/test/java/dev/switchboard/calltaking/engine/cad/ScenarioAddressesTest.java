package dev.switchboard.calltaking.engine.cad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.calltaking.engine.entities.EntityExtractor;
import dev.switchboard.calltaking.engine.entities.ExtractedEntity;
import dev.switchboard.calltaking.engine.entities.PlaceNames;
import dev.switchboard.places.Place;
import dev.switchboard.calltaking.engine.scenario.Scenario;
import dev.switchboard.calltaking.engine.scenario.ScenarioLibrary;
import dev.switchboard.core.geo.LatLon;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every bundled scenario can be located: what its caller says about where they are (the location fact, else the
 * truth's address or landmark) verifies on the map within a kilometre of the truth. A place missing from the
 * gazetteer verified an elderly caller in Kyojima at Sumida's centre, 2.7 km away, and cost every trainee the
 * location marks.
 */
class ScenarioAddressesTest {

    private static final double MAX_METRES = 1000;

    @Test
    void everyScenarioLocationVerifiesNearItsTruth() {
        PlaceNames g = PlaceNames.tokyo();
        EntityExtractor extractor = new EntityExtractor(g);
        CadFiller filler = new CadFiller();
        List<String> far = new ArrayList<>();
        for (Scenario s : ScenarioLibrary.bundled().scenarios()) {
            String said = s.location().address() != null && !s.location().address().isBlank()
                    ? s.location().address() : s.location().landmark();
            if (said == null || said.isBlank()) {
                continue;
            }
            CadForm form = new CadForm();
            List<ExtractedEntity> es = extractor.extract(said);
            CadFiller.apply(filler.propose(es, form, said), form);
            form.verifyLocation(g);
            Optional<Place> at = form.verifiedLocation();
            LatLon truth = new LatLon(s.location().lat(), s.location().lon());
            double metres = at.map(p -> p.position().distanceMeters(truth)).orElse(Double.MAX_VALUE);
            if (metres > MAX_METRES) {
                far.add(s.id() + ": \"" + said + "\" -> " + at.map(Place::name).orElse("not verified")
                        + (at.isPresent() ? " " + Math.round(metres) + " m away" : ""));
            }
        }
        assertThat(far).as("scenarios whose location does not verify near the truth").isEmpty();
    }
}
