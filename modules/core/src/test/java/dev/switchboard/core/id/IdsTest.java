package dev.switchboard.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsSortByCreationTimeAndAreUnique() {
        String earlier = Ids.next(1_700_000_000_000L);
        String later = Ids.next(1_700_000_000_001L);
        assertThat(earlier).isLessThan(later);

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(Ids.next())).isTrue();
        }
        assertThat(seen).allMatch(Ids::isValid);
    }

    @Test
    void validityCheck() {
        assertThat(Ids.isValid("01ARZ3NDEKTSV4RRFFQ69G5FAV")).isTrue();
        assertThat(Ids.isValid("01ARZ3NDEKTSV4RRFFQ69G5FAU")).isFalse();
        assertThat(Ids.isValid("short")).isFalse();
        assertThat(Ids.isValid(null)).isFalse();
    }

    @Test
    void sessionIdsRejectCharactersThatCouldBreakAPathOrQuery() {
        assertThat(SessionId.random().value()).hasSize(26);
        assertThat(new SessionId("drill-2026_11")).hasToString("drill-2026_11");
        assertThatThrownBy(() -> new SessionId("../etc")).hasMessageContaining("../etc");
        assertThatThrownBy(() -> new SessionId(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionId("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }
}
