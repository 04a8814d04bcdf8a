package dev.switchboard.surveillance.engine;

import dev.switchboard.surveillance.model.Camera;
import dev.switchboard.surveillance.model.CameraEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Stills and clips of camera events, rendered on demand and cached (a few clips, a few hundred stills): nothing is
 * stored up front. A clip is {@link #SECONDS} seconds at {@link #FPS} frames a second with the event at
 * {@link #EVENT_FRAME}; it exports as an animated GIF. Thread-safe.
 */
public final class ClipService {

    public static final int FPS = 8;
    public static final int SECONDS = 5;
    public static final int FRAMES = FPS * SECONDS;
    /** The frame of the event's moment: two seconds in, so the clip shows what led up to it. */
    public static final int EVENT_FRAME = 2 * FPS;

    /** The frames of one clip. */
    public record Clip(CameraEvent event, List<BufferedImage> frames, int fps, int eventFrame) {
        public Clip {
            frames = List.copyOf(frames);
        }
    }

    private final CameraDirectory cameras;
    private final FrameRenderer renderer = new FrameRenderer();
    private final Map<Long, Clip> clips = lru(6);
    private final Map<Long, BufferedImage> stills = lru(300);

    public ClipService(CameraDirectory cameras) {
        this.cameras = Objects.requireNonNull(cameras, "cameras");
    }

    private static <V> Map<Long, V> lru(int size) {
        return new LinkedHashMap<>(size, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
                return size() > size;
            }
        };
    }

    private Camera.Scene scene(CameraEvent e) {
        return cameras.camera(e.camera()).map(Camera::scene).orElse(Camera.Scene.STREET);
    }

    /** The frame at the event's moment. */
    public BufferedImage still(CameraEvent e) {
        synchronized (stills) {
            BufferedImage cached = stills.get(e.id());
            if (cached != null) {
                return cached;
            }
        }
        BufferedImage img = renderer.render(e, scene(e), EVENT_FRAME, EVENT_FRAME, FPS);
        synchronized (stills) {
            stills.put(e.id(), img);
        }
        return img;
    }

    /** The clip around the event. */
    public Clip clip(CameraEvent e) {
        synchronized (clips) {
            Clip cached = clips.get(e.id());
            if (cached != null) {
                return cached;
            }
        }
        List<BufferedImage> frames = new ArrayList<>(FRAMES);
        Camera.Scene scene = scene(e);
        for (int f = 0; f < FRAMES; f++) {
            frames.add(renderer.render(e, scene, f, EVENT_FRAME, FPS));
        }
        Clip clip = new Clip(e, frames, FPS, EVENT_FRAME);
        synchronized (clips) {
            clips.put(e.id(), clip);
        }
        return clip;
    }

    /** Writes the clip as an animated GIF that loops; written to a temporary file first, then moved into place. */
    public static void writeGif(Clip clip, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = Files.createTempFile(parent, ".clip-", ".gif.part");
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(tmp.toFile())) {
                writer.setOutput(ios);
                writer.prepareWriteSequence(null);
                ImageTypeSpecifier type = ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_INT_RGB);
                boolean first = true;
                for (BufferedImage frame : clip.frames()) {
                    IIOMetadata meta = writer.getDefaultImageMetadata(type, writer.getDefaultWriteParam());
                    String format = meta.getNativeMetadataFormatName();
                    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
                    IIOMetadataNode gce = child(root, "GraphicControlExtension");
                    gce.setAttribute("disposalMethod", "none");
                    gce.setAttribute("userInputFlag", "FALSE");
                    gce.setAttribute("transparentColorFlag", "FALSE");
                    gce.setAttribute("delayTime", Integer.toString(100 / clip.fps()));
                    gce.setAttribute("transparentColorIndex", "0");
                    if (first) {
                        IIOMetadataNode apps = child(root, "ApplicationExtensions");
                        IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                        app.setAttribute("applicationID", "NETSCAPE");
                        app.setAttribute("authenticationCode", "2.0");
                        app.setUserObject(new byte[] {1, 0, 0});
                        apps.appendChild(app);
                        first = false;
                    }
                    meta.setFromTree(format, root);
                    writer.writeToSequence(new IIOImage(frame, null, meta), null);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes a still as PNG. */
    public static void writePng(BufferedImage img, Path out) throws IOException {
        ImageIO.write(img, "png", out.toFile());
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
