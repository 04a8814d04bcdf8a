package dev.switchboard.ai.engine.worker;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * The demo worker's pictures: a gradient and shapes drawn from the seed and the prompt, the prompt's words and
 * a "DEMO" mark, so a demo shows which request made which picture without any model. Clips are animated GIFs
 * (which ImageIO writes and JavaFX plays). Deterministic: the same prompt and seed give the same bytes.
 */
final class DemoPictures {

    private DemoPictures() {
    }

    /** The finished picture, or at {@code progress} below 1 a noisy preview of it. */
    static BufferedImage render(String prompt, long seed, int width, int height, double progress, double phase) {
        SplittableRandom random = new SplittableRandom(seed * 31 + prompt.hashCode());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            float hue = random.nextInt(360) / 360f;
            g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.55f, 0.35f), width, height,
                    Color.getHSBColor((hue + 0.35f) % 1f, 0.6f, 0.85f)));
            g.fillRect(0, 0, width, height);
            int shapes = 5 + random.nextInt(6);
            for (int i = 0; i < shapes; i++) {
                float h = (hue + random.nextFloat() * 0.5f) % 1f;
                g.setColor(new Color(Color.HSBtoRGB(h, 0.7f, 0.95f) & 0xFFFFFF | 0x90000000, true));
                int size = (int) (Math.min(width, height) * (0.12 + random.nextDouble() * 0.3));
                double drift = Math.sin(phase * 2 * Math.PI + i) * width * 0.08;
                int x = (int) (random.nextInt(Math.max(1, width - size)) + drift);
                int y = random.nextInt(Math.max(1, height - size));
                if (i % 3 == 0) {
                    g.fillOval(x, y, size, size);
                } else if (i % 3 == 1) {
                    g.fillRoundRect(x, y, size, (int) (size * 0.6), 18, 18);
                } else {
                    g.setStroke(new BasicStroke(Math.max(2, size / 14f)));
                    g.drawOval(x, y, size, size);
                }
            }
            drawWords(g, prompt, width, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, height / 18)));
            g.setColor(new Color(255, 255, 255, 200));
            g.drawString("DEMO · seed " + seed, 10, height - 10);
        } finally {
            g.dispose();
        }
        if (progress < 1) {
            noise(image, 1 - progress, random);
        }
        return image;
    }

    /** A PNG of {@link #render}. */
    static byte[] png(String prompt, long seed, int width, int height, double progress) {
        return encode(render(prompt, seed, width, height, progress, 0), "png");
    }

    /**
     * An animated GIF of {@code frames} frames at {@code fps}, at most 320 pixels wide (a demo need not be
     * large), looping.
     */
    static byte[] gif(String prompt, long seed, int width, int height, int frames, int fps) {
        double scale = Math.min(1, 320.0 / width);
        int w = Math.max(16, (int) (width * scale));
        int h = Math.max(16, (int) (height * scale));
        int count = Math.max(1, Math.min(frames, 48));
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < count; i++) {
                BufferedImage frame = render(prompt, seed, w, h, 1, (double) i / count);
                ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(frame);
                IIOMetadata meta = writer.getDefaultImageMetadata(type, null);
                frameMetadata(meta, Math.max(2, 100 / Math.max(1, fps)), i == 0);
                writer.writeToSequence(new IIOImage(frame, null, meta), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static void frameMetadata(IIOMetadata meta, int delayCentis, boolean first) throws IOException {
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentis));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});
            apps.appendChild(loop);
        }
        meta.setFromTree(format, root);
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

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void drawWords(Graphics2D g, String prompt, int width, int height) {
        int size = Math.max(11, Math.min(width, height) / 16);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        FontMetrics fm = g.getFontMetrics();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : prompt.split("\\s+")) {
            if (!line.isEmpty() && fm.stringWidth(line + " " + word) > width - 24) {
                lines.add(line.toString());
                line.setLength(0);
                if (lines.size() == 4) {
                    break;
                }
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty() && lines.size() < 4) {
            lines.add(line.toString());
        }
        int y = height / 2 - lines.size() * fm.getHeight() / 2 + fm.getAscent();
        for (String l : lines) {
            g.setColor(new Color(0, 0, 0, 120));
            g.drawString(l, 13, y + 2);
            g.setColor(Color.WHITE);
            g.drawString(l, 12, y);
            y += fm.getHeight();
        }
    }

    private static void noise(BufferedImage image, double amount, SplittableRandom random) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (random.nextDouble() < amount) {
                    int v = random.nextInt(256);
                    image.setRGB(x, y, (v << 16) | (v << 8) | v);
                }
            }
        }
    }
}
