package dev.switchboard.studio.engine.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ai.ImageJob;
import dev.switchboard.ai.ImageRequest;
import dev.switchboard.ai.JobState;
import dev.switchboard.ai.VideoSpec;
import dev.switchboard.ai.WorkerCapability;
import dev.switchboard.ai.engine.worker.ApiFlavour;
import dev.switchboard.ai.engine.worker.DemoWorker;
import dev.switchboard.ai.engine.worker.Worker;
import dev.switchboard.ai.engine.worker.WorkerConfig;
import dev.switchboard.ai.engine.worker.WorkerPool;
import dev.switchboard.ai.engine.worker.WorkerRegistry;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.studio.TestDatabases;
import dev.switchboard.studio.model.generation.GalleryItem;
import dev.switchboard.studio.model.generation.GalleryItemUsed;
import dev.switchboard.studio.model.generation.GalleryUse;
import dev.switchboard.studio.model.generation.GenerationSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generation through the real queue and a demo worker on loopback, into the gallery and out of it. */
class GenerationServiceTest {

    @TempDir
    Path dir;

    private DemoWorker gpu;
    private Database db;
    private WorkerRegistry registry;
    private WorkerPool pool;
    private EventBus bus;
    private GenerationService service;

    @BeforeEach
    void open() {
        gpu = DemoWorker.start(Duration.ofMillis(5));
        db = TestDatabases.open(DataDir.of(dir.resolve("data")));
        registry = new WorkerRegistry(db, WorkerConfig.defaults().withHealthInterval(Duration.ofMillis(50)));
        pool = new WorkerPool(db, registry, dir.resolve("data/images"));
        bus = new EventBus();
        service = new GenerationService(pool, new Gallery(db.jdbi()), bus, Clock.systemUTC());
        service.start();
        registry.add(Worker.image("demo-images", gpu.url(), ApiFlavour.A1111_TXT2IMG));
        registry.add(Worker.image("demo-video", gpu.url(), ApiFlavour.COMFYUI)
                .withCapabilities(EnumSet.of(WorkerCapability.VIDEO)));
    }

    @AfterEach
    void close() {
        service.close();
        pool.close();
        registry.close();
        bus.close();
        db.close();
        gpu.close();
    }

    @Test
    void aStyledBatchBecomesOneJobPerSeedAndLandsInTheGallery() {
        GenerationSettings s = new GenerationSettings("a flooded underpass", "people", "hdr", 0, 0, 8, 0, 100, 3, null,
                null, 5, "aiko");

        List<ImageJob> jobs = service.generate(s);

        assertThat(jobs).hasSize(3);
        assertThat(jobs).extracting(j -> j.request().seed()).containsExactly(100L, 101L, 102L);
        ImageRequest r = jobs.get(0).request();
        assertThat(r.prompt()).startsWith("a flooded underpass, HDR photograph");
        assertThat(r.negativePrompt()).contains("washed out").endsWith(", people");
        assertThat(r.width()).isEqualTo(768);
        assertThat(r.steps()).isEqualTo(8);
        assertThat(r.guidance()).isEqualTo(7.0);
        awaitGallery(3);
        GalleryItem item = service.gallery().find(jobs.get(1).id()).orElseThrow();
        assertThat(item.style()).isEqualTo("hdr");
        assertThat(item.seed()).isEqualTo(101);
        assertThat(item.worker()).isEqualTo("demo-images");
        assertThat(item.model()).isEqualTo(DemoWorker.MODEL);
        assertThat(item.sha256()).hasSize(64).isEqualTo(GenerationService.sha256(item.file()));
        assertThat(service.gallery().search(new GalleryQuery("underpass hdr", null, null, null, null, null, 10)))
                .hasSize(3);
        assertThat(service.gallery().search(new GalleryQuery("tunnel", null, null, null, null, null, 10))).isEmpty();
        assertThat(GenerationService.compare(item, service.gallery().find(jobs.get(0).id()).orElseThrow()))
                .extracting(GenerationService.Difference::setting).contains("seed");
    }

    @Test
    void aClipComesWithItsPoster() {
        List<ImageJob> jobs = service.generate(new GenerationSettings("traffic on a bridge", "", "cinematic", 320,
                192, 4, 0, 7, 1, null, new VideoSpec(1, 8), 5, "aiko"));

        awaitGallery(1);
        GalleryItem clip = service.gallery().find(jobs.get(0).id()).orElseThrow();
        assertThat(clip.kind()).isEqualTo(GalleryItem.Kind.CLIP);
        assertThat(clip.mediaType()).isEqualTo("image/gif");
        assertThat(clip.poster()).isRegularFile();
        assertThat(clip.seconds()).isEqualTo(1.0);
        assertThat(clip.worker()).isEqualTo("demo-video");
        assertThat(service.gallery().search(new GalleryQuery("", GalleryItem.Kind.CLIP, null, null, null, null, 5)))
                .hasSize(1);
    }

    @Test
    void usingAnItemPostsAnEventAndExportNeverOverwrites() throws Exception {
        List<GalleryItemUsed> heard = new CopyOnWriteArrayList<>();
        bus.subscribe(GalleryItemUsed.class, heard::add);
        ImageJob job = service.generate(GenerationSettings.of("an overturned truck", "cctv", "aiko")).get(0);
        awaitGallery(1);

        GalleryItemUsed used = service.useAs(job.id(), GalleryUse.INCIDENT_ATTACHMENT, "INC-42", "aiko");

        assertThat(heard).containsExactly(used);
        assertThat(used.target()).isEqualTo("INC-42");
        assertThat(used.sha256()).isEqualTo(service.gallery().find(job.id()).orElseThrow().sha256());
        assertThat(service.gallery().uses(job.id())).singleElement()
                .satisfies(u -> assertThat(u.use()).isEqualTo(GalleryUse.INCIDENT_ATTACHMENT));
        assertThatThrownBy(() -> service.useAs(job.id(), GalleryUse.INCIDENT_ATTACHMENT, " ", "aiko"))
                .isInstanceOf(InputException.class).hasMessageContaining("target");

        Path out = dir.resolve("export");
        List<Path> first = service.export(List.of(job.id()), out);
        List<Path> second = service.export(List.of(job.id()), out);
        assertThat(first).hasSize(2);
        assertThat(second).doesNotContainAnyElementsOf(first);
        assertThat(Files.readString(second.get(1))).contains("\"prompt\"").contains("\"sha256\"");
        try (var files = Files.list(out)) {
            assertThat(files.count()).isEqualTo(4);
        }
    }

    @Test
    void aResultThatFinishedWhileTheStudioWasNotListeningIsAddedAtStart() {
        service.close();
        ImageJob job = pool.submit(ImageRequest.textToImage("a quiet street", "aiko"));
        long deadline = System.currentTimeMillis() + 20_000;
        while (pool.job(job.id()).orElseThrow().state() != JobState.SUCCEEDED) {
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.onSpinWait();
        }
        assertThat(service.gallery().contains(job.id())).isFalse();

        GenerationService again = new GenerationService(pool, new Gallery(db.jdbi()), bus, Clock.systemUTC());
        again.start();

        assertThat(again.gallery().contains(job.id())).isTrue();
        again.close();
    }

    @Test
    void badSettingsNameTheField() {
        assertThatThrownBy(() -> service.generate(GenerationSettings.of(" ", "", "aiko")))
                .isInstanceOf(InputException.class).hasMessageContaining("prompt");
        assertThatThrownBy(() -> service.generate(GenerationSettings.of("x", "watercolour", "aiko")))
                .isInstanceOf(InputException.class).hasMessageContaining("style").hasMessageContaining("hdr");
        assertThatThrownBy(() -> service.generate(new GenerationSettings("x", "", "", 0, 0, 0, 0, -1, 9, null, null,
                5, "aiko"))).isInstanceOf(InputException.class).hasMessageContaining("batch");
    }

    private void awaitGallery(int n) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (service.gallery().count() < n) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the gallery has " + service.gallery().count() + " of " + n + " items");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
