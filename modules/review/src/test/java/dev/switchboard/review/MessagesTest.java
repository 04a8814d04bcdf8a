package dev.switchboard.review;

import dev.switchboard.testkit.MessageBundleCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void everyKeyUsedExistsAndEveryKeyIsUsed() {
        // Only the UI shows text; engine strings such as setting keys (review.target.score) are not messages.
        MessageBundleCheck.assertKeysMatch(Path.of("src/main/java/dev/switchboard/review/ui"),
                Path.of("src/main/resources/dev/switchboard/review/messages.properties"), "review");
    }
}
