package dev.switchboard.surveillance;

import dev.switchboard.testkit.MessageBundleCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void everyKeyUsedExistsAndEveryKeyIsUsed() {
        // Only the UI shows text from the bundle; the engine writes answers in English from templates.
        MessageBundleCheck.assertKeysMatch(Path.of("src/main/java/dev/switchboard/surveillance/ui"),
                Path.of("src/main/resources/dev/switchboard/surveillance/messages.properties"), "surveillance");
    }
}
