package dev.switchboard.calltaking.engine.cad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.calltaking.engine.entities.PlaceNames;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.core.incident.ResponderType;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CadFormTest {

    private final AtomicLong now = new AtomicLong();
    private final CadForm form = new CadForm(now::get, NatureCodes.standard());
    private final PlaceNames g = PlaceNames.tokyo();

    @Test
    void extractionNeverOverwritesWhatTheTraineeConfirmed() {
        form.set(CadField.WEAPONS, "knife", CadForm.BY_EXTRACTION);
        assertThat(form.confirmed(CadField.WEAPONS)).isFalse();
        form.confirm(CadField.WEAPONS);
        assertThat(form.set(CadField.WEAPONS, "gun", CadForm.BY_EXTRACTION)).isFalse();
        assertThat(form.get(CadField.WEAPONS)).isEqualTo("knife");
        form.set(CadField.CALLBACK, "09012345678", CadForm.BY_TRAINEE);
        assertThat(form.confirmed(CadField.CALLBACK)).isTrue();
        form.set(CadField.CALLBACK, "0000", CadForm.BY_EXTRACTION);
        assertThat(form.get(CadField.CALLBACK)).isEqualTo("09012345678");
        assertThat(form.setBy(CadField.CALLBACK)).isEqualTo(CadForm.BY_TRAINEE);
        assertThat(form.get(CadField.NOTES)).isNull();
    }

    @Test
    void everyEditIsKeptWithOldNewWhoAndWhen() {
        now.set(1200);
        form.set(CadField.ADDRESS, "Ebisu", CadForm.BY_EXTRACTION);
        now.set(5300);
        form.set(CadField.ADDRESS, "3-5-12 Ebisu", CadForm.BY_TRAINEE);
        form.set(CadField.ADDRESS, "3-5-12 Ebisu", CadForm.BY_TRAINEE);
        assertThat(form.history()).containsExactly(
                new CallLog.CadEdit(1200, "ADDRESS", null, "Ebisu", "extraction"),
                new CallLog.CadEdit(5300, "ADDRESS", "Ebisu", "3-5-12 Ebisu", "trainee"));
        assertThatThrownBy(() -> form.set(CadField.NOTES, "x", "robot")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("robot");
    }

    @Test
    void readyOnlyWithVerifiedLocationKnownCodeAndAUnit() {
        assertThat(form.readyToDispatch()).isFalse();
        assertThat(form.missing()).hasSize(3);
        form.set(CadField.ADDRESS, "2-21-1 Shibuya", CadForm.BY_EXTRACTION);
        form.set(CadField.WARD, "Shibuya", CadForm.BY_EXTRACTION);
        assertThat(form.verifyLocation(g)).isTrue();
        assertThat(form.verifiedLocation().orElseThrow().wardId()).isEqualTo("shibuya");
        form.set(CadField.NATURE_CODE, "fire-struct", CadForm.BY_TRAINEE);
        assertThat(form.get(CadField.NATURE_CODE)).isEqualTo("FIRE-STRUCT");
        assertThat(form.missing()).containsExactly("at least one unit");
        form.set(CadField.UNITS, "fire, ambulance", CadForm.BY_TRAINEE);
        assertThat(form.units()).containsExactly(ResponderType.FIRE, ResponderType.AMBULANCE);
        assertThat(form.readyToDispatch()).isTrue();
        form.set(CadField.ADDRESS, "3-5-12 Ebisu", CadForm.BY_TRAINEE);
        assertThat(form.verifiedLocation()).isEmpty();
        assertThat(form.readyToDispatch()).isFalse();
    }

    @Test
    void aWardAloneAPlaceOutsideOrTwoWardsDoNotVerify() {
        form.set(CadField.ADDRESS, "Shibuya", CadForm.BY_TRAINEE);
        assertThat(form.verifyLocation(g)).isFalse();
        assertThat(String.join(" ", form.missing())).contains("more precise");
        form.set(CadField.ADDRESS, "Kichijoji", CadForm.BY_TRAINEE);
        assertThat(form.verifyLocation(g)).isFalse();
        assertThat(String.join(" ", form.missing())).contains("transfer");
        form.set(CadField.ADDRESS, "Tokyo Tower", CadForm.BY_TRAINEE);
        form.set(CadField.WARD, "Shibuya", CadForm.BY_TRAINEE);
        assertThat(form.verifyLocation(g)).isFalse();
        assertThat(String.join(" ", form.missing())).contains("Minato");
        form.set(CadField.WARD, "Minato", CadForm.BY_TRAINEE);
        assertThat(form.verifyLocation(g)).isTrue();
    }

    @Test
    void unknownNatureCodeIsNamed() {
        form.set(CadField.NATURE_CODE, "FIRE-BIG", CadForm.BY_TRAINEE);
        assertThat(form.missing()).anyMatch(s -> s.contains("FIRE-BIG"));
    }
}
