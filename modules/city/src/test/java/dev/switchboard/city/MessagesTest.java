package dev.switchboard.city;

import dev.switchboard.testkit.MessageBundleCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void everyKeyUsedExistsAndEveryKeyIsUsed() {
        // Only the UI shows text; engine strings such as event-log types ("city.incident.created") are not keys.
        MessageBundleCheck.assertKeysMatch(Path.of("src/main/java/dev/switchboard/city/ui"),
                Path.of("src/main/resources/dev/switchboard/city/messages.properties"), "city");
    }
}
