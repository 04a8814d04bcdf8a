package dev.switchboard.surveillance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.surveillance.model.Behaviour;
import dev.switchboard.surveillance.model.CameraEvent;
import dev.switchboard.surveillance.model.CityTime;
import dev.switchboard.surveillance.model.EventQuery;
import dev.switchboard.surveillance.model.ObjectType;
import dev.switchboard.surveillance.model.SearchHit;
import dev.switchboard.surveillance.model.SearchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generation, the store, the index, filters and fusion over 3 days of 6,000 events. */
class SearchTest {

    @TempDir
    static Path temp;
    static Harness h;

    @BeforeAll
    static void generate() {
        h = new Harness(temp).generated(3, 6_000);
    }

    @AfterAll
    static void close() {
        h.close();
    }

    @Test
    void generationIsDeterministicAndNotRepeated(@TempDir Path other) {
        try (Harness second = new Harness(other)) {
            second.surveillance.generate(3, 6_000, 5, Harness.NOW, Progress.NONE);
            List<CameraEvent> a = h.surveillance.store().byIds(range(1, 400));
            List<CameraEvent> b = second.surveillance.store().byIds(range(1, 400));
            assertThat(b).isEqualTo(a);
            assertThat(second.surveillance.generate(3, 6_000, 5, Harness.NOW, Progress.NONE).alreadyThere()).isTrue();
        }
        assertThat(h.surveillance.store().count()).isBetween(5_990L, 6_000L);
        // Each distinct description embedded once, and far fewer of them than events.
        assertThat(h.embedder.calls).isEqualTo((int) h.surveillance.store().phraseCount());
        assertThat(h.surveillance.store().phraseCount()).isLessThan(2_000);
    }

    private static List<Long> range(long from, long to) {
        List<Long> ids = new ArrayList<>();
        for (long i = from; i < to; i++) {
            ids.add(i);
        }
        return ids;
    }

    @Test
    void filtersHoldForEveryResult() {
        EventQuery q = EventQuery.all().withTypes(Set.of(ObjectType.PERSON)).withBehaviours(Set.of(Behaviour.LOITERING))
                .withHours(EventQuery.HourWindow.hours(22, 6)).withWards(List.of("taito", "shinjuku")).withLimit(200);
        SearchResult r = h.surveillance.search().search(q);
        assertThat(r.hits()).isNotEmpty();
        for (SearchHit hit : r.hits()) {
            CameraEvent e = hit.event();
            assertThat(e.type()).isEqualTo(ObjectType.PERSON);
            assertThat(e.behaviour()).isEqualTo(Behaviour.LOITERING);
            assertThat(e.wardId()).isIn("taito", "shinjuku");
            int minute = CityTime.minuteOfDay(e.at());
            assertThat(minute >= 22 * 60 || minute < 6 * 60).as("%s at %s", e.ref(), e.at()).isTrue();
        }
        assertThat(r.totalMatches()).isEqualTo(h.surveillance.search().aggregate(q).total());
    }

    @Test
    void radiusAndTimeRangeHold() {
        var centre = FakePlaces.PLACES.get(0).position();
        EventQuery q = EventQuery.all().withNear(new EventQuery.Near("Shibuya Station", centre, 800))
                .withRange(Harness.NOW.minus(Duration.ofHours(30)), Harness.NOW.minus(Duration.ofHours(6)))
                .withLimit(100);
        List<SearchHit> hits = h.surveillance.search().search(q).hits();
        assertThat(hits).isNotEmpty();
        for (SearchHit hit : hits) {
            assertThat(hit.event().position().distanceMeters(centre)).isLessThanOrEqualTo(801);
            assertThat(hit.event().at()).isBetween(q.from(), q.to());
        }
        // Filters only: newest first.
        for (int i = 1; i < hits.size(); i++) {
            assertThat(hits.get(i).event().at()).isBeforeOrEqualTo(hits.get(i - 1).event().at());
        }
    }

    @Test
    void semanticSearchFindsParaphrasesThatKeywordsMiss() {
        EventQuery q = EventQuery.all().withText("brawl").withLimit(20);
        List<SearchHit> keyword = h.surveillance.search().search(q.withMode(EventQuery.Mode.KEYWORD)).hits();
        List<SearchHit> vector = h.surveillance.search().search(q.withMode(EventQuery.Mode.VECTOR)).hits();
        List<SearchHit> hybrid = h.surveillance.search().search(q).hits();
        assertThat(keyword).allMatch(x -> x.event().description().toLowerCase().contains("brawl"));
        assertThat(vector).anyMatch(x -> !x.event().description().toLowerCase().contains("brawl")
                && x.event().behaviour() == Behaviour.FIGHTING);
        // Fusion keeps the exact matches near the top and adds the paraphrases.
        assertThat(hybrid.subList(0, 2)).allMatch(x -> x.event().behaviour() == Behaviour.FIGHTING);
        assertThat(hybrid).anyMatch(x -> !x.event().description().toLowerCase().contains("brawl"));
    }

    @Test
    void plateSearchFindsTheTrackedCar() {
        var plan = new EventGenerator(Harness.CAMERAS, 5).plan(Harness.NOW.minus(Duration.ofDays(3)), Harness.NOW);
        var track = plan.tracks().stream().filter(t -> !t.attributes().plate().isEmpty()).findFirst().orElseThrow();
        String serial = track.attributes().plate().substring(track.attributes().plate().length() - 5);
        List<SearchHit> hits = h.surveillance.search().search(EventQuery.all().withPlate(serial).withLimit(50)).hits();
        assertThat(hits).extracting(x -> x.event().camera()).containsAll(track.cameras());
    }

    @Test
    void aCorruptIndexIsRebuiltFromTheStore(@TempDir Path other) throws IOException {
        Harness small = new Harness(other).generated(1, 800);
        long count = small.surveillance.search().indexed();
        Path index = small.surveillance.search().indexDir();
        small.close();
        try (var files = Files.list(index)) {
            for (Path p : files.toList()) {
                if (p.getFileName().toString().startsWith("segments")) {
                    Files.write(p, new byte[] {1, 2, 3});
                }
            }
        }
        try (Harness reopened = new Harness(other)) {
            assertThat(reopened.surveillance.search().indexed()).isEqualTo(count);
            assertThat(reopened.surveillance.search().search(EventQuery.all().withText("car")).hits()).isNotEmpty();
        }
    }
}
