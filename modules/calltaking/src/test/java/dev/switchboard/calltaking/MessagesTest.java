package dev.switchboard.calltaking;

import dev.switchboard.testkit.MessageBundleCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void everyKeyUsedExistsAndEveryKeyIsUsed() {
        // Only the console shows text; event-log types ("call.utterance") live in the engine and model.
        MessageBundleCheck.assertKeysMatch(Path.of("src/main/java/dev/switchboard/calltaking/ui"),
                Path.of("src/main/resources/dev/switchboard/calltaking/messages.properties"), "call");
    }
}
