package dev.switchboard.calltaking.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.calltaking.engine.cad.CadField;
import dev.switchboard.core.error.InputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorScriptTest {

    private static final Path FILE = Path.of("scripts", "fire.script");

    private static OperatorScript parse(String... lines) {
        return OperatorScript.parse(FILE, List.of(lines));
    }

    @Test
    void readsEveryKindOfStepWithItsLine() {
        OperatorScript script = parse(
                "# a kitchen fire",
                "@5",
                "911, what is the address of your emergency?",
                "",
                "@20.5 Is anyone still inside?",
                "/wait 10",
                "/hold 3",
                "/cad nature_code FIRE-STRUCT",
                "/cad UNITS FIRE, AMBULANCE",
                "/confirm ADDRESS",
                "/dispatch",
                "/transfer EMS",
                "/mute",
                "/unmute",
                "/end");
        assertThat(script.steps()).containsExactly(
                new OperatorScript.At(2, 5_000),
                new OperatorScript.Say(3, "911, what is the address of your emergency?"),
                new OperatorScript.At(5, 20_500),
                new OperatorScript.Say(5, "Is anyone still inside?"),
                new OperatorScript.Wait(6, 10_000),
                new OperatorScript.Hold(7, 3_000),
                new OperatorScript.Cad(8, CadField.NATURE_CODE, "FIRE-STRUCT"),
                new OperatorScript.Cad(9, CadField.UNITS, "FIRE, AMBULANCE"),
                new OperatorScript.Confirm(10, CadField.ADDRESS),
                new OperatorScript.Dispatch(11),
                new OperatorScript.Transfer(12, "ems"),
                new OperatorScript.Mute(13, true),
                new OperatorScript.Mute(14, false),
                new OperatorScript.End(15));
    }

    @Test
    void aBadLineNamesTheFileTheLineAndWhatIsWrong() {
        assertThatThrownBy(() -> parse("Hello?", "/hold ten"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(FILE + ":2: ")
                .hasMessageContaining("'ten' is not a number of seconds");
        assertThatThrownBy(() -> parse("Hello?", "", "/cad COLOUR red"))
                .hasMessageContaining(":3: ").hasMessageContaining("'COLOUR' is not a CAD field");
        assertThatThrownBy(() -> parse("/dance", "Hello?"))
                .hasMessageContaining(":1: ").hasMessageContaining("unknown command '/dance'");
        assertThatThrownBy(() -> parse("Hello?", "/transfer coastguard"))
                .hasMessageContaining(":2: ").hasMessageContaining("fire, ems or police");
        assertThatThrownBy(() -> parse("Hello?", "/dispatch now"))
                .hasMessageContaining(":2: ").hasMessageContaining("takes no argument");
        assertThatThrownBy(() -> parse("Hello?", "/cad ADDRESS"))
                .hasMessageContaining(":2: ").hasMessageContaining("missing argument");
        assertThatThrownBy(() -> parse("# only a comment", "/wait 3"))
                .hasMessageContaining("no line for the trainee to say");
        InputException e = (InputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> parse("Hello?", "@-3 hi"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.file()).isEqualTo(FILE);
    }
}
