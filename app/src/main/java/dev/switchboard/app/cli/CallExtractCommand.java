package dev.switchboard.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.calltaking.engine.entities.EntityExtractor;
import dev.switchboard.calltaking.engine.entities.ExtractedEntity;
import dev.switchboard.places.Gazetteer;
import dev.switchboard.core.error.InputException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code switchboard call extract --text "…"}: the entities in one utterance, as JSON. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Print the entities in one utterance as a JSON array of {type, value, text, start, end, "
                + "confidence}: values normalised (digits only for phones, the ward's English name for places). "
                + "At most 100,000 characters.")
final class CallExtractCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--text", paramLabel = "UTTERANCE", description = "What the caller or the trainee said.")
    String text;

    @Option(names = "--after", paramLabel = "LINE",
            description = "The other speaker's previous line, e.g. the question this utterance answers "
                    + "(--after \"is he breathing?\" --text \"no\").")
    String after;

    @Option(names = "--gazetteer", paramLabel = "FILE",
            description = "Extra place names (JSON, the bundled gazetteer's format) on top of Tokyo's.")
    Path gazetteer;

    @Override
    public Integer call() {
        if (text == null || text.isBlank()) {
            throw InputException.field("--text", "give the utterance to analyse, e.g. --text \"he has a knife\"");
        }
        checkLength("--text", text);
        if (after != null) {
            checkLength("--after", after);
        }
        Gazetteer g = gazetteer == null ? Gazetteer.tokyo() : Gazetteer.tokyo().extendedWith(gazetteer);
        ArrayNode out = JSON.createArrayNode();
        for (ExtractedEntity e : new EntityExtractor(g).extract(text, after)) {
            ObjectNode n = out.addObject();
            n.put("type", e.type().name());
            n.put("value", e.value());
            n.put("text", e.text());
            n.put("start", e.start());
            n.put("end", e.end());
            n.put("confidence", e.confidence());
        }
        spec.commandLine().getOut().println(out.toString());
        return 0;
    }

    private static void checkLength(String option, String value) {
        if (value.length() > EntityExtractor.MAX_TEXT_CHARS) {
            throw InputException.field(option, String.format(java.util.Locale.ROOT, "%,d characters is more than "
                    + "the %,d this command takes (a whole call's transcript fits); give one utterance or split "
                    + "the text", value.length(), EntityExtractor.MAX_TEXT_CHARS));
        }
    }
}
