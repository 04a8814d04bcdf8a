package dev.switchboard.uikit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.MessageBundleCheck;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private final Messages messages = Messages.load("dev.switchboard.uikit.messages", Locale.ROOT);

    @Test
    void everyKeyTheCodeUsesExistsAndEveryKeyIsUsed() {
        MessageBundleCheck.assertKeysMatch(Path.of("src/main/java"),
                Path.of("src/main/resources/dev/switchboard/uikit/messages.properties"), "uikit");
    }

    @Test
    void fillsInArguments() {
        assertThat(messages.get("uikit.error.details", Path.of("/tmp/sb.log")))
                .isEqualTo("Details were written to " + Path.of("/tmp/sb.log"));
    }

    @Test
    void returnsTextWithoutArgumentsAsWritten() {
        assertThat(messages.get("uikit.dialog.cancel")).isEqualTo("Cancel");
    }

    @Test
    void marksAMissingKeyInsteadOfFailing() {
        assertThat(messages.get("uikit.no.such.key")).isEqualTo("!uikit.no.such.key!");
        assertThat(messages.get("uikit.no.such.key", 1)).isEqualTo("!uikit.no.such.key!");
    }
}
