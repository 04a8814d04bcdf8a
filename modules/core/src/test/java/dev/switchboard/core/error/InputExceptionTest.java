package dev.switchboard.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InputExceptionTest {

    @Test
    void messageNamesFileLineAndField() {
        InputException e = new InputException(Path.of("scenarios/fire.yaml"), 12, "caller.age", "must be a number");
        assertThat(e.getMessage()).isEqualTo("scenarios/fire.yaml:12: caller.age: must be a number");
        assertThat(e.userText()).contains("Correct the input");
    }

    @Test
    void aFormFieldWithoutAFile() {
        assertThat(InputException.field("password", "use at least 8 characters.").getMessage())
                .isEqualTo("field password: use at least 8 characters.");
    }
}
