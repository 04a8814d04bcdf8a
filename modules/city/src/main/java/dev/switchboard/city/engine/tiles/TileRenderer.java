package dev.switchboard.city.engine.tiles;

import dev.switchboard.places.CityPack;
import dev.switchboard.places.RoadClass;
import dev.switchboard.places.RoadNetwork;
import dev.switchboard.places.Ward;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.core.geo.WebMercator;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;
import javax.imageio.ImageIO;

/**
 * Draws 256-pixel map tiles of a city pack with java.awt, so the map works with no tile server and no
 * network: water, land, ward areas with subtle borders, roads by class (arterials from zoom 12, streets from
 * zoom 13) and ward labels (English; Japanese too from zoom 13). Immutable and thread-safe; each call draws
 * into its own image. A tile outside the pack is plain water.
 */
public final class TileRenderer implements TileSource {

    /** Bumped when the drawing changes, so cached tiles of an older look are not reused. */
    private static final int STYLE_VERSION = 2;
    private static final int SIZE = WebMercator.TILE_SIZE;
    private static final int LABEL_MIN_ZOOM = 11;
    private static final int ARTERIAL_MIN_ZOOM = 12;
    private static final int STREET_MIN_ZOOM = 13;
    private static final int JAPANESE_MIN_ZOOM = 13;

    private final CityPack pack;
    private final TilePalette palette;
    private final List<Ring> land = new ArrayList<>();
    private final List<List<Ring>> wardRings = new ArrayList<>();
    /** Roads by their box, so a tile looks only at the roads near it (an imported city has hundreds of thousands). */
    private final STRtree arterials = new STRtree();
    private final STRtree streets = new STRtree();
    private final double[] boundsBox;
    private final Font latinFont;
    private final Font japaneseFont;
    private final String cacheKey;
    private volatile boolean labelsWork = true;

    /** A renderer with the dark control-room palette. */
    public TileRenderer(CityPack pack) {
        this(pack, TilePalette.DARK);
    }

    public TileRenderer(CityPack pack, TilePalette palette) {
        this.pack = pack;
        this.palette = palette;
        Fingerprint print = new Fingerprint();
        for (List<LatLon> ring : pack.land()) {
            land.add(Ring.of(ring, print));
        }
        for (Ward ward : pack.wards()) {
            List<Ring> rings = new ArrayList<>();
            for (List<LatLon> ring : ward.area()) {
                rings.add(Ring.of(ring, print));
            }
            wardRings.add(rings);
            print.add(ward.id().hashCode());
            print.add(ward.nameEn().hashCode());
            print.add(ward.nameJa().hashCode());
            print.add(Double.doubleToLongBits(ward.centre().lat()));
            print.add(Double.doubleToLongBits(ward.centre().lon()));
        }
        for (RoadNetwork.Road road : pack.roads().roads()) {
            Ring ring = Ring.of(road.points(), print);
            // Motorways are drawn like arterials (the map has two road styles).
            (road.roadClass() == RoadClass.STREET ? streets : arterials)
                    .insert(new Envelope(ring.box()[0], ring.box()[2], ring.box()[1], ring.box()[3]), ring);
        }
        arterials.build();
        streets.build();
        double[] nw = norm(new LatLon(pack.bounds().north(), pack.bounds().west()));
        double[] se = norm(new LatLon(pack.bounds().south(), pack.bounds().east()));
        boundsBox = new double[] {nw[0], nw[1], se[0], se[1]};
        latinFont = new Font(Font.SANS_SERIF, Font.BOLD, 12);
        japaneseFont = findJapaneseFont(pack);
        this.cacheKey = pack.id() + "-" + Long.toHexString(print.value()) + "-" + palette.name() + "-s" + STYLE_VERSION;
    }

    @Override
    public String cacheKey() {
        return cacheKey;
    }

    @Override
    public Optional<byte[]> tile(int zoom, int x, int y) {
        return Optional.of(renderPng(zoom, x, y));
    }

    /** The PNG of XYZ tile {@code zoom/x/y}: 256 × 256 pixels, opaque. */
    public byte[] renderPng(int zoom, int x, int y) {
        BufferedImage image = render(zoom, x, y);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(16_384)) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode tile " + zoom + "/" + x + "/" + y, e);
        }
    }

    /** The image of XYZ tile {@code zoom/x/y}. */
    public BufferedImage render(int zoom, int x, int y) {
        WebMercator.Tile tile = new WebMercator.Tile(zoom, x, y);
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(palette.water());
            g.fillRect(0, 0, SIZE, SIZE);
            double scale = SIZE * Math.pow(2, zoom);
            View view = new View(scale, (double) tile.x() * SIZE, (double) tile.y() * SIZE);
            if (!view.overlaps(boundsBox, 0)) {
                return image;
            }
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            drawLand(g, view);
            drawWards(g, view, zoom);
            drawRoads(g, view, zoom);
            if (zoom >= LABEL_MIN_ZOOM && labelsWork) {
                try {
                    drawLabels(g, view, zoom);
                } catch (RuntimeException | InternalError e) {
                    // A machine without a usable font: keep drawing the map, without labels.
                    labelsWork = false;
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private void drawLand(Graphics2D g, View view) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);
        for (Ring ring : land) {
            if (view.overlaps(ring.box(), 2)) {
                ring.appendTo(path, view, true);
            }
        }
        g.setColor(palette.land());
        g.fill(path);
        g.setColor(palette.coast());
        g.setStroke(new BasicStroke(1f));
        g.draw(path);
    }

    private void drawWards(Graphics2D g, View view, int zoom) {
        List<Tinted> borders = new ArrayList<>();
        for (int i = 0; i < wardRings.size(); i++) {
            Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);
            boolean any = false;
            for (Ring ring : wardRings.get(i)) {
                if (view.overlaps(ring.box(), 4)) {
                    ring.appendTo(path, view, true);
                    any = true;
                }
            }
            if (any) {
                g.setColor(palette.wardTints().get(i % palette.wardTints().size()));
                g.fill(path);
                borders.add(new Tinted(path, i));
            }
        }
        float width = zoom >= 13 ? 1.6f : zoom >= 11 ? 1.2f : 0.8f;
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(palette.wardBorder());
        for (Tinted b : borders) {
            g.draw(b.shape());
        }
    }

    private void drawRoads(Graphics2D g, View view, int zoom) {
        if (zoom >= STREET_MIN_ZOOM) {
            float width = zoom >= 15 ? 3.5f : zoom >= 14 ? 2.2f : 1.2f;
            g.setColor(palette.street());
            g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(lines(streets, view, width));
        }
        if (zoom >= ARTERIAL_MIN_ZOOM) {
            float width = zoom >= 15 ? 6f : zoom >= 14 ? 4.5f : zoom >= 13 ? 3.2f : 2.2f;
            Shape shape = lines(arterials, view, width + 2);
            g.setColor(palette.arterialCasing());
            g.setStroke(new BasicStroke(width + 1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(shape);
            g.setColor(palette.arterial());
            g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(shape);
        }
    }

    private static Shape lines(STRtree roads, View view, float margin) {
        Path2D.Double path = new Path2D.Double();
        double pad = margin / view.scale();
        Envelope tile = new Envelope(view.originX() / view.scale() - pad, (view.originX() + SIZE) / view.scale() + pad,
                view.originY() / view.scale() - pad, (view.originY() + SIZE) / view.scale() + pad);
        @SuppressWarnings("unchecked")
        List<Ring> near = roads.query(tile);
        // The tree gives no order; drawing in a fixed order keeps tiles byte-identical from run to run.
        near.sort(java.util.Comparator.comparingInt(Ring::order));
        for (Ring road : near) {
            if (view.overlaps(road.box(), margin)) {
                road.appendTo(path, view, false);
            }
        }
        return path;
    }

    private void drawLabels(Graphics2D g, View view, int zoom) {
        float size = zoom >= 14 ? 16f : zoom >= 13 ? 15f : zoom >= 12 ? 13f : 10f;
        Font latin = latinFont.deriveFont(size);
        Font japanese = japaneseFont == null ? null : japaneseFont.deriveFont(size - 1);
        FontRenderContext frc = g.getFontRenderContext();
        for (int i = 0; i < pack.wards().size(); i++) {
            Ward ward = pack.wards().get(i);
            double[] p = norm(ward.centre());
            double px = view.x(p[0]);
            double py = view.y(p[1]);
            if (px < -200 || px > SIZE + 200 || py < -60 || py > SIZE + 60) {
                continue;
            }
            boolean withJapanese = japanese != null && zoom >= JAPANESE_MIN_ZOOM;
            String text = ward.nameEn();
            double baseline = withJapanese ? py - 2 : py + size / 3;
            drawHaloText(g, new TextLayout(text, latin, frc), px, baseline);
            if (withJapanese) {
                drawHaloText(g, new TextLayout(ward.nameJa(), japanese, frc), px, py + size);
            }
        }
    }

    private void drawHaloText(Graphics2D g, TextLayout layout, double centreX, double baseline) {
        double left = centreX - layout.getAdvance() / 2;
        Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(left, baseline));
        g.setColor(palette.labelHalo());
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
        g.setColor(palette.label());
        g.fill(outline);
    }

    /** A font that shows every Japanese ward name, or null when this computer has none. */
    private static Font findJapaneseFont(CityPack pack) {
        String sample = pack.wards().stream().map(Ward::nameJa).reduce("", String::concat);
        Font logical = new Font(Font.SANS_SERIF, Font.BOLD, 12);
        if (logical.canDisplayUpTo(sample) < 0) {
            return logical;
        }
        String[] preferred = {"Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAGothic", "Yu Gothic",
            "Meiryo", "MS Gothic", "Hiragino Sans", "Droid Sans Fallback"};
        try {
            List<String> families = List.of(GraphicsEnvironment.getLocalGraphicsEnvironment()
                    .getAvailableFontFamilyNames(Locale.ROOT));
            for (String name : preferred) {
                if (families.contains(name)) {
                    Font f = new Font(name, Font.BOLD, 12);
                    if (f.canDisplayUpTo(sample) < 0) {
                        return f;
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            // No font configuration at all (a bare server): labels stay English only.
            return null;
        }
        return null;
    }

    /** Normalised Web-Mercator position (0..1 on both axes, y southward). */
    private static double[] norm(LatLon p) {
        WebMercator.Pixel px = WebMercator.toPixel(p, 0);
        return new double[] {px.x() / SIZE, px.y() / SIZE};
    }

    /** A 64-bit running hash of everything drawn, so any change of the pack changes the cache key. */
    private static final class Fingerprint {
        private long h = 0xcbf29ce484222325L;

        void add(long v) {
            h = (h ^ v) * 0x100000001b3L;
            h ^= h >>> 29;
        }

        long value() {
            return h;
        }
    }

    private record Tinted(Shape shape, int index) {
    }

    /** Tile-local pixel transform of normalised coordinates. */
    private record View(double scale, double originX, double originY) {
        double x(double nx) {
            return nx * scale - originX;
        }

        double y(double ny) {
            return ny * scale - originY;
        }

        /** Whether a normalised box {minX, minY, maxX, maxY} comes within {@code marginPx} of the tile. */
        boolean overlaps(double[] box, double marginPx) {
            return x(box[2]) >= -marginPx && x(box[0]) <= SIZE + marginPx
                    && y(box[3]) >= -marginPx && y(box[1]) <= SIZE + marginPx;
        }
    }

    /** A ring or polyline pre-projected to normalised coordinates, with its bounding box. */
    private record Ring(double[] xs, double[] ys, double[] box, int order) {
        private static final java.util.concurrent.atomic.AtomicInteger COUNTER =
                new java.util.concurrent.atomic.AtomicInteger();

        static Ring of(List<LatLon> points, Fingerprint print) {
            double[] xs = new double[points.size()];
            double[] ys = new double[points.size()];
            double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (int i = 0; i < xs.length; i++) {
                double[] n = norm(points.get(i));
                xs[i] = n[0];
                ys[i] = n[1];
                box[0] = Math.min(box[0], n[0]);
                box[1] = Math.min(box[1], n[1]);
                box[2] = Math.max(box[2], n[0]);
                box[3] = Math.max(box[3], n[1]);
                print.add(Double.doubleToLongBits(points.get(i).lat()));
                print.add(Double.doubleToLongBits(points.get(i).lon()));
            }
            return new Ring(xs, ys, box, COUNTER.getAndIncrement());
        }

        void appendTo(Path2D.Double path, View view, boolean close) {
            path.moveTo(view.x(xs[0]), view.y(ys[0]));
            for (int i = 1; i < xs.length; i++) {
                path.lineTo(view.x(xs[i]), view.y(ys[i]));
            }
            if (close) {
                path.closePath();
            }
        }
    }
}
