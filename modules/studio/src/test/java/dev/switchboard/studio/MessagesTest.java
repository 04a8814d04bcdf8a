package dev.switchboard.studio;

import dev.switchboard.testkit.MessageBundleCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void everyKeyUsedExistsAndEveryKeyIsUsed() {
        // Only the UI shows text.
        MessageBundleCheck.assertKeysMatch(Path.of("src/main/java/dev/switchboard/studio/ui"),
                Path.of("src/main/resources/dev/switchboard/studio/messages.properties"), "studio");
    }
}
