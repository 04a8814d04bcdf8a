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
            checkPbfFraming(file);
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

    /**
     * Walks the PBF file's blocks (a 4-byte length, a {@code BlobHeader} read with the OSM-binary library's own
     * protobuf class, then that many bytes of data) to the end. Osmosis's reader stops quietly at a block cut
     * short, which would import half a city without a word; this finds the cut first.
     */
    static void checkPbfFraming(Path file) {
        long size;
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                Files.newInputStream(file)))) {
            size = Files.size(file);
            long offset = 0;
            int blocks = 0;
            while (offset < size) {
                if (size - offset < 4) {
                    throw cut(file, offset, blocks, "a block length");
                }
                int headerLength = in.readInt();
                offset += 4;
                if (headerLength <= 0 || headerLength > 64 * 1024) {
                    throw new InputException(file, 0, null, "is not an OpenStreetMap PBF file (block " + blocks
                            + " at byte " + (offset - 4) + " has a header of " + headerLength + " bytes)");
                }
                if (size - offset < headerLength) {
                    throw cut(file, offset, blocks, "a block header");
                }
                byte[] header = new byte[headerLength];
                in.readFully(header);
                offset += headerLength;
                crosby.binary.Fileformat.BlobHeader h;
                try {
                    h = crosby.binary.Fileformat.BlobHeader.parseFrom(header);
                } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                    throw new InputException(file, 0, null, "is not an OpenStreetMap PBF file (block " + blocks
                            + " has an unreadable header: " + e.getMessage() + ")");
                }
                if (size - offset < h.getDatasize()) {
                    throw cut(file, offset, blocks, "the data of a " + h.getType() + " block");
                }
                in.skipNBytes(h.getDatasize());
                offset += h.getDatasize();
                blocks++;
            }
            if (blocks == 0) {
                throw new InputException(file, 0, null, "is empty; download or export the extract again");
            }
        } catch (java.io.IOException e) {
            throw new InputException(file, 0, null, "cannot be read: " + e.getMessage());
        }
    }

    private static InputException cut(Path file, long offset, int blocks, String what) {
        return new InputException(file, 0, null, "is not a complete OpenStreetMap PBF file: it ends at byte " + offset
                + ", in " + what + " after " + blocks + " whole blocks; download or export the extract again");
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
