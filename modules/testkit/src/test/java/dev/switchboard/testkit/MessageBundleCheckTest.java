package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MessageBundleCheckTest {

    private static final Path FIXTURES = Path.of("src/test/resources/messagecheck");

    @Test
    void passesWhenCodeAndFileAgree() {
        Path root = FIXTURES.resolve("ok");
        assertThatCode(() -> MessageBundleCheck.assertKeysMatch(root, root.resolve("messages.properties"), "demo"))
                .doesNotThrowAnyException();
    }

    @Test
    void reportsMissingKeysWithTheirFilesAndUnusedKeys() {
        Path root = FIXTURES.resolve("broken");
        assertThatThrownBy(() -> MessageBundleCheck.assertKeysMatch(root, root.resolve("messages.properties"), "demo"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("demo.greeting.helo  (used in Broken.java)")
                .hasMessageContaining("demo.form.title  (used in " + Path.of("forms", "Form.fxml") + ")")
                .hasMessageContaining("Unused in messages.properties:\n  demo.greeting.unused")
                .hasMessageContaining("apostrophe would vanish (write it twice: '') in messages.properties:\n"
                        + "  demo.greeting.named")
                .hasMessageNotContaining("demo.greeting.hello");
    }

    @Test
    void keysOfAnotherPrefixAreNotReportedMissing() {
        Path root = FIXTURES.resolve("broken");
        assertThatThrownBy(() -> MessageBundleCheck.assertKeysMatch(root, root.resolve("messages.properties"), "other"))
                .hasMessageNotContaining("demo.greeting.helo")
                .hasMessageNotContaining("Missing from")
                .hasMessageContaining("demo.greeting.unused");
    }

    @Test
    void findsStringLiteralsButNotCommentsCharsOrTextBlocks() {
        String source = """
                // "in.comment"
                char c = '"'; String a = "first.key"; /* "in.block" */
                String b = \"""
                    "in.text.block"
                    \""";
                String d = "with \\" escape";
                """;
        assertThat(MessageBundleCheck.javaStringLiterals(source)).containsExactly("first.key", "with \\\" escape");
    }
}
