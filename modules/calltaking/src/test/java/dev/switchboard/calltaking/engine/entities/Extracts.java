package dev.switchboard.calltaking.engine.entities;

import java.util.List;

/** What the extractor finds in a line, as the rule tests compare it: the entities, one type's values, all as text. */
final class Extracts {

    private static final EntityExtractor EXTRACTOR = new EntityExtractor(PlaceNames.tokyo());

    private Extracts() {
    }

    /** The values of {@code type} found in {@code text}, read as the reply to {@code previous} (may be null). */
    static List<String> values(String text, String previous, EntityType type) {
        return EXTRACTOR.extract(text, previous).stream().filter(e -> e.type() == type)
                .map(ExtractedEntity::value).toList();
    }

    /** Every entity found in {@code text} alone. */
    static List<ExtractedEntity> entities(String text) {
        return EXTRACTOR.extract(text);
    }

    /** Every entity found in {@code text} alone, as "TYPE=value". */
    static List<String> all(String text) {
        return EXTRACTOR.extract(text).stream().map(e -> e.type() + "=" + e.value()).toList();
    }
}
