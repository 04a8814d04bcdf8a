package dev.switchboard.review.ui;

import dev.switchboard.review.engine.Waveform;
import dev.switchboard.review.model.Note;
import java.util.List;
import java.util.function.LongConsumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * The recording's outline: the caller's channel above the middle line, the call-taker's below, the
 * playback cursor, and a tick for each note. Click or drag to seek. One Canvas, redrawn on change.
 */
final class WaveformCanvas extends Pane {

    private final Canvas canvas = new Canvas();
    private Waveform waveform;
    private final LongConsumer seek;
    private long positionMs;
    private List<Note> notes = List.of();

    WaveformCanvas(Waveform waveform, LongConsumer seek) {
        this.waveform = waveform;
        this.seek = seek;
        getChildren().add(canvas);
        setMinHeight(70);
        setPrefHeight(90);
        getStyleClass().add("sb-review-waveform");
        canvas.setOnMousePressed(e -> seek.accept(msAt(e.getX())));
        canvas.setOnMouseDragged(e -> seek.accept(msAt(e.getX())));
    }

    /** Draws {@code now} instead, e.g. when the recording arrives from the server. */
    void setWaveform(Waveform now) {
        this.waveform = now;
        draw();
    }

    void show(long ms, List<Note> pinned) {
        positionMs = ms;
        notes = pinned;
        draw();
    }

    private long msAt(double x) {
        double w = Math.max(1, canvas.getWidth());
        return Math.round(Math.max(0, Math.min(1, x / w)) * waveform.durationMs());
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.web("#1b1f24"));
        g.fillRect(0, 0, w, h);
        int buckets = waveform.buckets();
        if (buckets > 0 && w > 0) {
            double mid = h / 2;
            for (int c = 0; c < Math.min(2, waveform.channels()); c++) {
                g.setStroke(c == 0 ? Color.web("#e8a33d") : Color.web("#4fa3e0"));
                double half = waveform.channels() == 1 ? h / 2 : h / 4;
                double centre = waveform.channels() == 1 ? mid : (c == 0 ? h / 4 : 3 * h / 4);
                for (int x = 0; x < (int) w; x++) {
                    int from = (int) ((long) x * buckets / (long) w);
                    int to = Math.max(from + 1, (int) ((long) (x + 1) * buckets / (long) w));
                    float lo = 0;
                    float hi = 0;
                    for (int b = from; b < Math.min(to, buckets); b++) {
                        lo = Math.min(lo, waveform.min()[c][b]);
                        hi = Math.max(hi, waveform.max()[c][b]);
                    }
                    g.strokeLine(x + 0.5, centre - hi * half, x + 0.5, centre - lo * half);
                }
            }
        }
        double duration = Math.max(1, waveform.durationMs());
        g.setFill(Color.web("#b48ead"));
        for (Note n : notes) {
            double x = n.atMs() / duration * w;
            g.fillRect(x - 1, 0, 3, 8);
        }
        double cursor = positionMs / duration * w;
        g.setStroke(Color.WHITE);
        g.strokeLine(cursor + 0.5, 0, cursor + 0.5, h);
    }
}
