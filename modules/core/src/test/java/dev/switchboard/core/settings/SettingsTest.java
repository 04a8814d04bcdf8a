package dev.switchboard.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.settings.CoreSettings.ThemeChoice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsUntilSetThenPersistsThroughTheStore() {
        SettingsStore store = SettingsStore.inMemory();
        Settings settings = new Settings(store);
        assertThat(settings.get(CoreSettings.IDLE_LOCK_MINUTES)).isEqualTo(15);
        assertThat(settings.get(CoreSettings.THEME)).isEqualTo(ThemeChoice.DARK);

        settings.set(CoreSettings.IDLE_LOCK_MINUTES, 5);
        settings.set(CoreSettings.THEME, ThemeChoice.LIGHT);

        Settings reopened = new Settings(store);
        assertThat(reopened.get(CoreSettings.IDLE_LOCK_MINUTES)).isEqualTo(5);
        assertThat(reopened.get(CoreSettings.THEME)).isEqualTo(ThemeChoice.LIGHT);
        assertThat(store.loadAll()).containsEntry("ui.theme", "LIGHT");
    }

    @Test
    void outOfRangeValuesAreRefusedWithTheSettingNameAndNothingIsStored() {
        SettingsStore store = SettingsStore.inMemory();
        Settings settings = new Settings(store);
        assertThatThrownBy(() -> settings.set(CoreSettings.IDLE_LOCK_MINUTES, 0))
                .hasMessageContaining("security.idleLockMinutes")
                .hasMessageContaining("between 1 and 480");
        assertThat(store.loadAll()).isEmpty();
    }

    @Test
    void anInvalidStoredValueFallsBackToTheDefault() {
        SettingsStore store = SettingsStore.inMemory();
        store.save("security.idleLockMinutes", "forever");
        store.save("ui.theme", "purple");
        Settings settings = new Settings(store);
        assertThat(settings.get(CoreSettings.IDLE_LOCK_MINUTES)).isEqualTo(15);
        assertThat(settings.get(CoreSettings.THEME)).isEqualTo(ThemeChoice.DARK);
    }

    @Test
    void listenersHearTheChangedKey() {
        Settings settings = new Settings(SettingsStore.inMemory());
        List<String> changed = new ArrayList<>();
        settings.addListener(changed::add);
        settings.set(CoreSettings.THEME, ThemeChoice.LIGHT);
        assertThat(changed).containsExactly("ui.theme");
    }

    @Test
    void booleanSettingsAcceptOnlyTrueOrFalse() {
        Setting<Boolean> online = Setting.ofBoolean("map.onlineTiles", false);
        SettingsStore store = SettingsStore.inMemory();
        store.save("map.onlineTiles", "yes");
        assertThat(new Settings(store).get(online)).isFalse();
        store.save("map.onlineTiles", "TRUE");
        assertThat(new Settings(store).get(online)).isTrue();
    }
}
