package dev.switchboard.surveillance.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.error.InputException;
import dev.switchboard.surveillance.model.CityTime;
import dev.switchboard.surveillance.model.EventQuery;
import dev.switchboard.surveillance.model.Insight;
import dev.switchboard.surveillance.model.Turn;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Time expressions, the token budget, insights on seeded anomalies, and clips. */
class PartsTest {

    // Sunday 8 June 2025, 12:00 in Tokyo.
    private static final Instant NOW = Instant.parse("2025-06-08T03:00:00Z");

    @Test
    void timeExpressions() {
        var last20 = TimeExpressions.parse("in the last 20 minutes", NOW);
        assertThat(last20.from()).isEqualTo(NOW.minus(Duration.ofMinutes(20)));
        assertThat(last20.to()).isEqualTo(NOW);
        var night = TimeExpressions.parse("between 22:00 and 06:00 over the last two weeks", NOW);
        assertThat(night.hours()).isEqualTo(new EventQuery.HourWindow(22 * 60, 6 * 60));
        assertThat(night.from()).isEqualTo(NOW.minus(Duration.ofDays(14)));
        var yesterday = TimeExpressions.parse("what happened yesterday", NOW);
        assertThat(yesterday.from().atZone(CityTime.ZONE).toLocalDate().toString()).isEqualTo("2025-06-07");
        assertThat(Duration.between(yesterday.from(), yesterday.to())).isEqualTo(Duration.ofDays(1));
        var week = TimeExpressions.parse("this week", NOW);
        assertThat(week.from().atZone(CityTime.ZONE).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(TimeExpressions.parse("at night", NOW).hours().wraps()).isTrue();
        assertThat(TimeExpressions.parse("after 10pm", NOW).from().atZone(CityTime.ZONE).getHour()).isEqualTo(22);
        assertThat(TimeExpressions.parse("cars on camera 12", NOW).any()).isFalse();
        assertThatThrownBy(() -> TimeExpressions.parse("from tomorrow to yesterday", NOW))
                .isInstanceOf(InputException.class).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> TimeExpressions.parse("from 2025-06-05 to 2025-06-01", NOW))
                .hasMessageContaining("ends before it starts");
    }

    @Test
    void theTokenBudgetFoldsOlderTurnsIntoASummary() {
        List<Turn> turns = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            turns.add(new Turn(i, i % 2 == 1 ? Turn.Role.USER : Turn.Role.ASSISTANT, ("turn " + i + " ").repeat(200),
                    null, List.of(), NOW));
        }
        ContextWindow.Window w = ContextWindow.build(turns, "", ContextWindow.DEFAULT_BUDGET, 2_500);
        assertThat(w.estimatedTokens()).isLessThanOrEqualTo(ContextWindow.DEFAULT_BUDGET - 2_500);
        assertThat(w.summary()).contains("#1 Q: turn 1");
        assertThat(w.messages().get(w.messages().size() - 1).text()).startsWith("turn 60");
    }

    @Test
    void insightsFindTheSeededAnomaliesAndTheTrackedPlates(@TempDir Path temp) {
        try (Harness h = new Harness(temp).generated(7, 14_000)) {
            var plan = new EventGenerator(Harness.CAMERAS, 5).plan(Harness.NOW.minus(Duration.ofDays(7)), Harness.NOW);
            List<Insight> found = h.surveillance.insights();
            for (var a : plan.anomalies()) {
                assertThat(found).anyMatch(i -> i.kind() == Insight.Kind.CAMERA_ANOMALY
                        && i.detail().startsWith("Camera " + a.camera() + " ") && i.significance() > 0.5
                        && !i.evidence().isEmpty());
            }
            var plated = plan.tracks().stream().filter(t -> !t.attributes().plate().isEmpty()
                    && t.cameras().size() >= 3).toList();
            assertThat(plated).isNotEmpty();
            long plateInsights = found.stream().filter(i -> i.kind() == Insight.Kind.REPEATED_PLATE).count();
            assertThat(plateInsights).isGreaterThanOrEqualTo(Math.min(10, plated.size()) - 1);
        }
    }

    @Test
    void insightsFollowTheSamePersonAcrossCameras(@TempDir Path temp) {
        try (Harness h = new Harness(temp).generated(7, 14_000)) {
            var plan = new EventGenerator(Harness.CAMERAS, 5).plan(Harness.NOW.minus(Duration.ofDays(7)), Harness.NOW);
            var walkers = plan.tracks().stream().filter(t -> t.type() == dev.switchboard.surveillance.model.ObjectType
                    .PERSON && t.cameras().size() >= 3).toList();
            assertThat(walkers).isNotEmpty();
            java.util.Map<String, Integer> trackOf = new java.util.HashMap<>();
            for (var t : walkers) {
                h.surveillance.store().tagged("track:" + t.id()).forEach(id -> trackOf.put(
                        dev.switchboard.surveillance.model.CameraEvent.ref(id), t.id()));
            }
            List<Insight> people = h.surveillance.insights().stream()
                    .filter(i -> i.kind() == Insight.Kind.REPEATED_PERSON).toList();
            // Every reported walk is one planted person's (most of its steps are that track's events).
            long right = people.stream().filter(i -> i.evidence().stream().filter(trackOf::containsKey).count() * 2
                    > i.evidence().size()).count();
            java.util.Set<Integer> walkersFound = new java.util.HashSet<>();
            people.forEach(i -> i.evidence().stream().map(trackOf::get).filter(java.util.Objects::nonNull)
                    .forEach(walkersFound::add));
            System.out.printf("same person: %d insights, %d of them a planted walker's; %d of %d walkers found%n",
                    people.size(), right, walkersFound.size(), walkers.size());
            assertThat(people).isNotEmpty();
            assertThat(right).isEqualTo(people.size());
            assertThat(walkersFound.size()).isGreaterThanOrEqualTo(Math.min(10, walkers.size()) - 1);
            assertThat(people.get(0).detail()).startsWith("A person in a ").contains("passed cameras");
        }
    }

    @Test
    void clipsRenderOnDemandAndExportAsAnimatedGif(@TempDir Path temp) throws Exception {
        try (Harness h = new Harness(temp).generated(1, 300)) {
            var event = h.surveillance.event(10);
            ClipService.Clip clip = h.surveillance.clip(10, "trainee");
            assertThat(clip.frames()).hasSize(ClipService.FRAMES);
            assertThat(clip.eventFrame()).isEqualTo(ClipService.EVENT_FRAME);
            BufferedImage still = h.surveillance.still(event);
            assertThat(still.getWidth()).isEqualTo(FrameRenderer.WIDTH);
            BufferedImage again = new FrameRenderer().render(event, Harness.CAMERAS.camera(event.camera())
                    .orElseThrow().scene(), ClipService.EVENT_FRAME, ClipService.EVENT_FRAME, ClipService.FPS);
            assertThat(again.getRGB(100, 100)).isEqualTo(still.getRGB(100, 100));
            Path gif = temp.resolve("clip.gif");
            ClipService.writeGif(clip, gif);
            try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
                ImageReader reader = ImageIO.getImageReaders(in).next();
                reader.setInput(in);
                assertThat(reader.getNumImages(true)).isEqualTo(ClipService.FRAMES);
            }
            assertThat(Files.size(gif)).isGreaterThan(10_000);
            assertThat(h.audits).anyMatch(a -> a.target().equals("clip E10"));
        }
    }
}
