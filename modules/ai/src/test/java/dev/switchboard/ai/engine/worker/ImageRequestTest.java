package dev.switchboard.ai.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ai.ImageRequest;
import dev.switchboard.core.error.InputException;
import org.junit.jupiter.api.Test;

class ImageRequestTest {

    @Test
    void invalidRequestsAreRefusedNamingTheField() {
        assertRefused("prompt", () -> new ImageRequest(" ", "", 512, 512, 20, -1, null, "ann", 5));
        assertRefused("width", () -> new ImageRequest("a fire", "", 500, 512, 20, -1, null, "ann", 5));
        assertRefused("height", () -> new ImageRequest("a fire", "", 512, 4096, 20, -1, null, "ann", 5));
        assertRefused("steps", () -> new ImageRequest("a fire", "", 512, 512, 0, -1, null, "ann", 5));
        assertRefused("seed", () -> new ImageRequest("a fire", "", 512, 512, 20, -2, null, "ann", 5));
        assertRefused("initImage", () -> new ImageRequest("a fire", "", 512, 512, 20, -1, new byte[0], "ann", 5));
        assertRefused("requestedBy", () -> new ImageRequest("a fire", "", 512, 512, 20, -1, null, "", 5));
        assertRefused("priority", () -> new ImageRequest("a fire", "", 512, 512, 20, -1, null, "ann", 10));
    }

    @Test
    void requestsWithTheSameImageBytesAreEqual() {
        ImageRequest a = new ImageRequest("a fire", null, 64, 64, 1, 7, new byte[] {1, 2}, " ann ", 0);
        ImageRequest b = new ImageRequest("a fire", "", 64, 64, 1, 7, new byte[] {1, 2}, "ann", 0);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.imageToImage()).isTrue();
        assertThat(ImageRequest.textToImage("a fire", "ann").imageToImage()).isFalse();
    }

    private static void assertRefused(String field, Runnable construction) {
        assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
