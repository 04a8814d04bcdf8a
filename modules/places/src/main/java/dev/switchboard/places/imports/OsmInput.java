package dev.switchboard.places.imports;

import dev.switchboard.core.error.InputException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.openstreetmap.osmosis.core.container.v0_6.EntityContainer;
import org.openstreetmap.osmosis.core.domain.v0_6.Entity;
import org.openstreetmap.osmosis.core.task.v0_6.RunnableSource;
import org.openstreetmap.osmosis.core.task.v0_6.Sink;
import org.openstreetmap.osmosis.xml.common.CompressionMethod;
import org.openstreetmap.osmosis.xml.v0_6.XmlReader;
import crosby.binary.osmosis.OsmosisReader;

/**
 * Reads OpenStreetMap files through Osmosis, the reference OSM toolkit: XML ({@code .osm}, also gzip or bzip2
 * compressed) and the binary PBF format ({@code .osm.pbf}). A file that Osmosis cannot read to its end (cut short,
 * not OSM at all) is refused as an {@link InputException} naming the file and what went wrong.
 */
final class OsmInput {

    private OsmInput() {
    }

    /** Whether {@code file}'s name says it is an OSM file this reader takes. */
    static boolean isOsm(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".pbf") || name.endsWith(".osm") || name.endsWith(".osm.gz")
                || name.endsWith(".osm.bz2") || name.endsWith(".osm.xml");
    }

    /** Calls {@code each} with every node, way and relation of the file, in file order. */
    static void read(Path file, Consumer<Entity> each) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, 0, null, "not found");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        File f = file.toFile();
        RunnableSource source;
        if (name.endsWith(".pbf")) {
            source = new OsmosisReader(f);
        } else if (name.endsWith(".osm.gz")) {
            source = new XmlReader(f, false, CompressionMethod.GZip);
        } else if (name.endsWith(".osm.bz2")) {
            source = new XmlReader(f, false, CompressionMethod.BZip2);
        } else {
            source = new XmlReader(f, false, CompressionMethod.None);
        }
        RuntimeException[] failure = new RuntimeException[1];
        source.setSink(new Sink() {
            @Override
            public void initialize(Map<String, Object> metaData) {
                // nothing to prepare
            }

            @Override
            public void process(EntityContainer container) {
                if (failure[0] == null) {
                    try {
                        each.accept(container.getEntity());
                    } catch (RuntimeException e) {
                        // Our own refusal (an InputException) must not be reworded as an unreadable file.
                        failure[0] = e;
                    }
                }
            }

            @Override
            public void complete() {
                // the caller works on what it collected
            }

            @Override
            public void close() {
                // nothing held
            }
        });
        try {
            source.run();
        } catch (RuntimeException e) {
            if (failure[0] != null) {
                throw failure[0];
            }
            throw new InputException(file, 0, null, (name.endsWith(".pbf")
                    ? "is not a complete OpenStreetMap PBF file: " : "is not a readable OpenStreetMap XML file: ")
                    + reason(e) + "; download or export the extract again");
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** The innermost message of a failure, which says what was wrong with the bytes. */
    private static String reason(Throwable e) {
        Throwable t = e;
        String message = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? t.getClass().getSimpleName() : message;
    }
}
