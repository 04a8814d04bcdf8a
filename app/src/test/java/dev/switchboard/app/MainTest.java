package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void onlyTheWindowsOwnOptionsTakeTheFastPath() {
        assertThat(Main.opensWindowOnly(new String[] {})).isTrue();
        assertThat(Main.opensWindowOnly(new String[] {"--demo"})).isTrue();
        assertThat(Main.opensWindowOnly(new String[] {"--data-dir", "/tmp/x", "--demo", "--measure-startup"}))
                .isTrue();
        assertThat(Main.opensWindowOnly(new String[] {"--data-dir=/tmp/x", "--smoke"})).isTrue();

        assertThat(Main.opensWindowOnly(new String[] {"--help"})).isFalse();
        assertThat(Main.opensWindowOnly(new String[] {"--version"})).isFalse();
        assertThat(Main.opensWindowOnly(new String[] {"db", "check"})).isFalse();
        assertThat(Main.opensWindowOnly(new String[] {"--data-dir", "/tmp/x", "db", "check"})).isFalse();
        assertThat(Main.opensWindowOnly(new String[] {"--data-dir"})).isFalse();
        assertThat(Main.opensWindowOnly(new String[] {"--dmeo"})).isFalse();
    }

    @Test
    void theFullCommandLineListsEveryCommandAndTheWindowOneNone() {
        assertThat(Main.commandLine().getSubcommands().keySet()).contains("db", "log", "ai", "workers", "city",
                "bench", "review", "speech", "call", "help");
        assertThat(Main.windowCommandLine().getSubcommands()).isEmpty();
    }
}
