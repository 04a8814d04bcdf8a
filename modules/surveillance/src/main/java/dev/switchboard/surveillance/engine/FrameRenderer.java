package dev.switchboard.surveillance.engine;

import dev.switchboard.surveillance.model.Behaviour;
import dev.switchboard.surveillance.model.Camera;
import dev.switchboard.surveillance.model.CameraEvent;
import dev.switchboard.surveillance.model.CityTime;
import dev.switchboard.surveillance.model.ObjectType;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws CCTV-style frames of a camera event with Java2D (no display needed): a procedural scene for the camera's
 * kind of view (street, junction, plaza, arcade, park, school gate, car park, riverside), darker at night, the
 * detected objects moving through it with labelled boxes, and the camera's name, the time and a recording mark
 * overlaid. The same event and frame always give the same picture. Thread-safe (no shared mutable state).
 */
public final class FrameRenderer {

    public static final int WIDTH = 480;
    public static final int HEIGHT = 270;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(CityTime.ZONE);
    private static final Map<String, Color> COLOURS = Map.of("red", new Color(200, 40, 40), "blue",
            new Color(40, 80, 200), "white", new Color(235, 235, 235), "black", new Color(25, 25, 28), "grey",
            new Color(120, 120, 125), "silver", new Color(180, 185, 190), "yellow", new Color(230, 200, 40),
            "green", new Color(40, 150, 70));
    private static final Font OVERLAY = new Font(Font.MONOSPACED, Font.BOLD, 12);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.BOLD, 10);

    /**
     * Frame {@code frame} of a clip in which the event happens at frame {@code eventFrame}, {@code fps} frames a
     * second.
     */
    public BufferedImage render(CameraEvent e, Camera.Scene scene, int frame, int eventFrame, int fps) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int hour = CityTime.hour(e.at());
            boolean night = hour < 6 || hour >= 19;
            scene(g, scene, e.camera());
            double t = (frame - eventFrame) / (double) fps;
            objects(g, e, t, frame);
            if (night) {
                g.setColor(new Color(0, 0, 20, hour >= 22 || hour < 5 ? 150 : 100));
                g.fillRect(0, 0, WIDTH, HEIGHT);
                // Street lights.
                g.setPaint(new GradientPaint(0, 0, new Color(255, 220, 150, 60), 0, 120, new Color(0, 0, 0, 0)));
                g.fillOval(60, -40, 120, 180);
                g.fillOval(300, -40, 120, 180);
            }
            grain(g, e.id() * 31 + frame);
            overlay(g, e, t);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void scene(Graphics2D g, Camera.Scene scene, int camera) {
        SplittableRandom r = new SplittableRandom(camera);
        g.setColor(new Color(70, 74, 80));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        switch (scene) {
            case STREET, SCHOOL_GATE -> {
                buildings(g, r, 0, 95);
                g.setColor(new Color(150, 150, 145));
                g.fillRect(0, 95, WIDTH, 25);
                road(g, 120, 110);
                g.setColor(new Color(150, 150, 145));
                g.fillRect(0, 230, WIDTH, 40);
                if (scene == Camera.Scene.SCHOOL_GATE) {
                    g.setColor(new Color(160, 130, 100));
                    g.fillRect(0, 60, WIDTH, 36);
                    g.setColor(new Color(60, 60, 60));
                    for (int x = 180; x < 300; x += 8) {
                        g.fillRect(x, 56, 3, 40);
                    }
                    g.setColor(Color.WHITE);
                    g.drawString("SCHOOL", 215, 52);
                }
            }
            case JUNCTION -> {
                g.setColor(new Color(130, 130, 128));
                g.fillRect(0, 0, WIDTH, HEIGHT);
                road(g, 100, 100);
                g.setColor(new Color(55, 55, 60));
                g.fillRect(190, 0, 100, HEIGHT);
                g.setColor(new Color(230, 230, 230));
                for (int x = 195; x < 285; x += 12) {
                    g.fillRect(x, 88, 7, 10);
                    g.fillRect(x, 202, 7, 10);
                }
            }
            case STATION_PLAZA -> {
                g.setColor(new Color(110, 100, 95));
                g.fillRect(0, 0, WIDTH, 80);
                g.setColor(new Color(20, 90, 40));
                g.fillRect(150, 20, 180, 24);
                g.setColor(Color.WHITE);
                g.setFont(OVERLAY);
                g.drawString("STATION", 210, 37);
                g.setColor(new Color(165, 160, 150));
                g.fillRect(0, 80, WIDTH, HEIGHT - 80);
                g.setColor(new Color(145, 140, 130));
                for (int x = 0; x < WIDTH; x += 30) {
                    g.drawLine(x, 80, x - 60, HEIGHT);
                }
            }
            case SHOPPING_ARCADE -> {
                g.setColor(new Color(90, 80, 70));
                g.fillRect(0, 0, WIDTH, 60);
                for (int x = 0; x < WIDTH; x += 80) {
                    g.setColor(Color.getHSBColor((float) r.nextDouble(), 0.5f, 0.7f));
                    g.fillRect(x + 4, 60, 72, 60);
                    g.setColor(new Color(250, 240, 200));
                    g.fillRect(x + 12, 75, 56, 40);
                }
                g.setColor(new Color(175, 165, 150));
                g.fillRect(0, 120, WIDTH, HEIGHT - 120);
            }
            case PARK -> {
                g.setColor(new Color(70, 120, 60));
                g.fillRect(0, 0, WIDTH, HEIGHT);
                g.setColor(new Color(180, 165, 130));
                g.fillRect(0, 150, WIDTH, 45);
                for (int i = 0; i < 7; i++) {
                    int x = r.nextInt(WIDTH);
                    int y = 20 + r.nextInt(100);
                    g.setColor(new Color(40, 90, 40));
                    g.fillOval(x, y, 50, 45);
                    g.setColor(new Color(90, 60, 40));
                    g.fillRect(x + 22, y + 40, 6, 18);
                }
            }
            case PARKING -> {
                g.setColor(new Color(85, 85, 88));
                g.fillRect(0, 0, WIDTH, HEIGHT);
                g.setColor(new Color(230, 230, 230));
                for (int x = 20; x < WIDTH; x += 55) {
                    g.drawLine(x, 30, x, 110);
                    g.drawLine(x, 170, x, 250);
                }
            }
            case RIVERSIDE -> {
                g.setColor(new Color(50, 90, 130));
                g.fillRect(0, 0, WIDTH, 110);
                g.setColor(new Color(70, 110, 150));
                for (int y = 10; y < 110; y += 14) {
                    g.drawLine(0, y, WIDTH, y + 4);
                }
                g.setColor(new Color(170, 160, 140));
                g.fillRect(0, 110, WIDTH, 70);
                g.setColor(new Color(80, 120, 70));
                g.fillRect(0, 180, WIDTH, 90);
            }
        }
    }

    private static void buildings(Graphics2D g, SplittableRandom r, int top, int bottom) {
        for (int x = 0; x < WIDTH; x += 60 + r.nextInt(30)) {
            int h = 40 + r.nextInt(bottom - top - 40);
            g.setColor(new Color(90 + r.nextInt(60), 90 + r.nextInt(50), 95 + r.nextInt(50)));
            g.fillRect(x, bottom - h, 58, h);
            g.setColor(new Color(200, 210, 170));
            for (int wy = bottom - h + 6; wy < bottom - 8; wy += 12) {
                for (int wx = x + 6; wx < x + 52; wx += 12) {
                    g.fillRect(wx, wy, 6, 6);
                }
            }
        }
    }

    private static void road(Graphics2D g, int y, int height) {
        g.setColor(new Color(55, 55, 60));
        g.fillRect(0, y, WIDTH, height);
        g.setColor(new Color(220, 220, 180));
        g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {18, 14}, 0));
        g.drawLine(0, y + height / 2, WIDTH, y + height / 2);
        g.setStroke(new BasicStroke(1));
    }

    private static void objects(Graphics2D g, CameraEvent e, double t, int frame) {
        ObjectType type = e.type();
        Behaviour b = e.behaviour();
        Color c = COLOURS.getOrDefault(e.attributes().colour(), new Color(60, 60, 70));
        double speed = switch (b) {
            case RUNNING, SPEEDING -> 110;
            case PARKED, LOITERING, ABANDONED, BURNING, FALL -> 0;
            default -> 45;
        };
        int dir = "west".equals(e.attributes().direction()) || "south".equals(e.attributes().direction()) ? -1 : 1;
        double cx = WIDTH / 2.0 + dir * speed * t;
        double cy = switch (type) {
            case CAR, TRUCK, MOTORCYCLE -> 160;
            default -> 190;
        };
        int bw;
        int bh;
        switch (type) {
            case PERSON -> {
                bw = 22;
                bh = 50;
                if (b == Behaviour.FIGHTING) {
                    double j = Math.sin(frame * 1.7) * 4;
                    person(g, cx - 14 + j, cy, c, false);
                    person(g, cx + 14 - j, cy, new Color(90, 90, 100), false);
                    bw = 52;
                } else {
                    person(g, cx, cy, c, b == Behaviour.FALL && t > 0);
                    if (b == Behaviour.WEAPON) {
                        g.setColor(new Color(220, 220, 230));
                        g.fillRect((int) cx + 9, (int) cy - 30, 3, 16);
                    }
                }
            }
            case CAR, TRUCK -> {
                bw = type == ObjectType.TRUCK ? 110 : 80;
                bh = type == ObjectType.TRUCK ? 50 : 36;
                if (b == Behaviour.CRASH) {
                    double gap = Math.max(0, -t) * 60;
                    vehicle(g, cx - bw / 2.0 - gap, cy, bw, bh, c, t > 0 ? 0.15 : 0);
                    vehicle(g, cx + bw / 2.0 + gap, cy, 80, 36, new Color(200, 200, 205), t > 0 ? -0.2 : 0);
                    bw *= 2;
                } else {
                    vehicle(g, cx, cy, bw, bh, c, 0);
                }
            }
            case MOTORCYCLE, BICYCLE -> {
                bw = 40;
                bh = 34;
                g.setColor(Color.DARK_GRAY);
                g.setStroke(new BasicStroke(3));
                g.drawOval((int) cx - 20, (int) cy - 8, 16, 16);
                g.drawOval((int) cx + 4, (int) cy - 8, 16, 16);
                g.setColor(c);
                g.drawLine((int) cx - 12, (int) cy, (int) cx + 12, (int) cy - 10);
                g.setStroke(new BasicStroke(1));
                person(g, cx, cy - 14, new Color(70, 70, 80), false);
            }
            case BAG -> {
                bw = 22;
                bh = 20;
                g.setColor(c);
                g.fillRoundRect((int) cx - 10, (int) cy - 18, 20, 18, 5, 5);
            }
            case ANIMAL -> {
                bw = 30;
                bh = 18;
                g.setColor(new Color(120, 90, 60));
                g.fillOval((int) cx - 14, (int) cy - 14, 28, 14);
                g.fillOval((int) cx + 10, (int) cy - 20, 10, 10);
            }
            case CROWD -> {
                bw = 200;
                bh = 70;
                SplittableRandom r = new SplittableRandom(e.id());
                int n = Math.min(25, 5 + e.attributes().count() / 3);
                double spread = b == Behaviour.CROWD_FORMING ? Math.max(0.4, 1 - Math.max(0, t) * 0.15) : 1;
                for (int i = 0; i < n; i++) {
                    double px = cx + (r.nextDouble() - 0.5) * 180 * spread + (b == Behaviour.RUNNING
                            ? (r.nextDouble() - 0.5) * 80 * t : 0);
                    double py = cy + (r.nextDouble() - 0.5) * 40;
                    person(g, px, py, COLOURS.values().toArray(new Color[0])[r.nextInt(COLOURS.size())], false);
                }
            }
            case FIRE_SMOKE -> {
                bw = 140;
                bh = 120;
                SplittableRandom r = new SplittableRandom(frame * 7L + e.id());
                g.setColor(new Color(90, 90, 90, 150));
                for (int i = 0; i < 6; i++) {
                    g.fillOval((int) cx - 60 + r.nextInt(100), (int) cy - 150 + r.nextInt(60) - frame % 10, 60, 40);
                }
                if (b == Behaviour.BURNING) {
                    for (int i = 0; i < 9; i++) {
                        g.setColor(i % 2 == 0 ? new Color(255, 140, 0, 200) : new Color(255, 220, 60, 200));
                        int h = 30 + r.nextInt(50);
                        g.fillPolygon(new int[] {(int) cx - 60 + i * 14, (int) cx - 52 + i * 14,
                                (int) cx - 44 + i * 14},
                                new int[] {(int) cy, (int) cy - h, (int) cy}, 3);
                    }
                }
            }
            default -> {
                bw = 30;
                bh = 30;
            }
        }
        // The detector's box, at the event's moment and near it.
        if (Math.abs(t) < 2.2) {
            boolean alert = b.notable();
            g.setColor(alert ? new Color(255, 70, 70) : new Color(80, 255, 120));
            g.setStroke(new BasicStroke(2));
            int x = (int) (cx - bw / 2.0) - 4;
            int y = (int) (cy - bh) - 4;
            g.drawRect(x, y, bw + 8, bh + 8);
            String label = String.format(Locale.ROOT, "%s %.2f%s", type.label(), e.confidence(),
                    alert ? " · " + b.label() : "");
            g.setFont(LABEL);
            int lw = g.getFontMetrics().stringWidth(label) + 6;
            g.fillRect(x, y - 14, lw, 14);
            g.setColor(Color.BLACK);
            g.drawString(label, x + 3, y - 3);
            g.setStroke(new BasicStroke(1));
        }
    }

    private static void person(Graphics2D g, double x, double y, Color body, boolean fallen) {
        AffineTransform saved = g.getTransform();
        if (fallen) {
            g.rotate(Math.PI / 2, x, y - 5);
        }
        g.setColor(body);
        g.fillRoundRect((int) x - 7, (int) y - 36, 14, 24, 6, 6);
        g.setColor(new Color(40, 40, 50));
        g.fillRect((int) x - 6, (int) y - 12, 5, 12);
        g.fillRect((int) x + 1, (int) y - 12, 5, 12);
        g.setColor(new Color(225, 190, 160));
        g.fillOval((int) x - 6, (int) y - 48, 12, 12);
        g.setTransform(saved);
    }

    private static void vehicle(Graphics2D g, double cx, double cy, int w, int h, Color c, double angle) {
        AffineTransform saved = g.getTransform();
        g.rotate(angle, cx, cy - h / 2.0);
        g.setColor(c);
        g.fillRoundRect((int) (cx - w / 2.0), (int) (cy - h), w, h, 12, 12);
        g.setColor(new Color(150, 200, 230));
        g.fillRect((int) (cx - w / 4.0), (int) (cy - h + 4), w / 2, h / 3);
        g.setColor(Color.BLACK);
        g.fillOval((int) (cx - w / 2.0) + 6, (int) cy - 8, 14, 14);
        g.fillOval((int) (cx + w / 2.0) - 20, (int) cy - 8, 14, 14);
        g.setTransform(saved);
    }

    private static void grain(Graphics2D g, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 900; i++) {
            int v = r.nextInt(256);
            g.setColor(new Color(v, v, v, 28));
            g.fillRect(r.nextInt(WIDTH), r.nextInt(HEIGHT), 1 + r.nextInt(2), 1);
        }
    }

    private static void overlay(Graphics2D g, CameraEvent e, double t) {
        g.setFont(OVERLAY);
        g.setColor(new Color(0, 0, 0, 140));
        g.fillRect(0, 0, WIDTH, 18);
        g.fillRect(WIDTH - 170, HEIGHT - 18, 170, 18);
        g.setColor(Color.WHITE);
        g.drawString(e.cameraName(), 6, 13);
        g.drawString(STAMP.format(e.at().plusMillis(Math.round(t * 1000))), WIDTH - 164, HEIGHT - 5);
        g.setColor(new Color(230, 30, 30));
        g.fillOval(WIDTH - 44, 4, 10, 10);
        g.setColor(Color.WHITE);
        g.drawString("REC", WIDTH - 32, 13);
    }
}
