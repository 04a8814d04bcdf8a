package dev.switchboard.places;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.error.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Streams the features of a GeoJSON FeatureCollection one at a time, with the line each starts on, so a large
 * file is never held whole. Shared by the city-pack reader and the importer; each keeps its own wording for a
 * missing file or broken JSON, which this lets through as the exceptions Jackson and the stream throw.
 */
public final class GeoJsonFeatures {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Receives one feature: its index in the collection, the line it starts on, and the feature object. */
    @FunctionalInterface
    public interface Sink {
        void accept(int index, int line, JsonNode feature);
    }

    private GeoJsonFeatures() {
    }

    /**
     * Calls {@code each} with every feature of the collection read from {@code in}, in order.
     *
     * @param file named in every {@link InputException} about the collection's structure
     * @throws InputException when it is not a FeatureCollection of Features
     * @throws IOException    when the stream cannot be read or is not JSON (a {@code JsonProcessingException})
     */
    public static void forEach(Path file, InputStream in, Sink each) throws IOException {
        try (JsonParser parser = JSON.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(file, line(parser), null, "must be a GeoJSON FeatureCollection object");
            }
            boolean sawType = false;
            boolean sawFeatures = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                int fieldLine = line(parser);
                JsonToken value = parser.nextToken();
                if (field.equals("type")) {
                    if (value != JsonToken.VALUE_STRING || !parser.getText().equals("FeatureCollection")) {
                        throw new InputException(file, fieldLine, "type", "must be \"FeatureCollection\"");
                    }
                    sawType = true;
                } else if (field.equals("features")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new InputException(file, fieldLine, "features", "must be an array of features");
                    }
                    sawFeatures = true;
                    int i = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        int featureLine = line(parser);
                        JsonNode feature = JSON.readTree(parser);
                        if (feature == null || !feature.isObject()
                                || !"Feature".equals(feature.path("type").asText())) {
                            throw new InputException(file, featureLine, "features[" + i + "].type",
                                    "must be \"Feature\"");
                        }
                        each.accept(i, featureLine, feature);
                        i++;
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (!sawType) {
                throw new InputException(file, 1, "type", "is missing; must be \"FeatureCollection\"");
            }
            if (!sawFeatures) {
                throw new InputException(file, 1, "features", "is missing");
            }
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
