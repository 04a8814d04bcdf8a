package dev.switchboard.calltaking.engine.cad;

import dev.switchboard.calltaking.engine.entities.ExtractedEntity;
import java.util.Objects;

/**
 * A value the extractor suggests for a CAD field.
 *
 * @param from the entity behind it, or null when it is derived (priority and units from the nature code)
 */
public record CadProposal(CadField field, String value, double confidence, ExtractedEntity from) {

    public CadProposal {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
    }
}
