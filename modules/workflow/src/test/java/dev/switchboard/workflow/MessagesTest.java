package dev.switchboard.workflow;

import dev.switchboard.testkit.MessageBundleCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void everyKeyUsedExistsAndEveryKeyIsUsed() {
        MessageBundleCheck.assertKeysMatch(Path.of("src/main/java/dev/switchboard/workflow/ui"),
                Path.of("src/main/resources/dev/switchboard/workflow/messages.properties"), "workflow");
    }
}
