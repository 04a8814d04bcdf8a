package dev.switchboard.city;

import dev.switchboard.testkit.MessageBundleCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void everyKeyUsedExistsAndEveryKeyIsUsed() {
        MessageBundleCheck.assertKeysMatch(Path.of("src/main"),
                Path.of("src/main/resources/dev/switchboard/city/messages.properties"), "city");
    }
}
