package dev.switchboard.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.calltaking.engine.session.CallSettings;
import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.account.AuditRecord.Outcome;
import dev.switchboard.core.settings.CoreSettings;
import dev.switchboard.store.BackupInfo;
import dev.switchboard.store.audit.AuditQuery;
import dev.switchboard.testkit.HeadlessFx;
import dev.switchboard.uikit.FxDialogService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.application.Application;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Clicks through the real shell, headless: the paths a newcomer takes on the first day. */
@ExtendWith(HeadlessFx.class)
class ShellSmokeTest {

    @TempDir
    Path temp;

    private WindowHarness ui;

    @AfterEach
    void close() {
        if (ui != null) {
            ui.close();
        }
    }

    private List<AuditRecord> audit(AuditAction action) {
        return ui.workstation().auditLog().query(new AuditQuery(null, Set.of(action), Set.of(), null, null, null, 100));
    }

    @Test
    void firstStartCreatesTheInstructorWhoThenSignsIn() {
        ui = new WindowHarness(temp.resolve("data")).start(false);
        ui.type("#username", "sato");
        ui.type("#displayName", "Sato Haruki");
        ui.type("#password", "first-day-pw");
        ui.type("#confirmation", "first-day-pw");
        ui.click("#create");

        // Back on the login screen with the name filled in.
        ui.await("#signIn");
        ui.type("#password", "first-day-pw");
        ui.click("#signIn");

        Label greeting = ui.await("#home-greeting");
        assertThat(greeting.getText()).contains("Sato Haruki");
        assertThat(ui.find("#nav-accounts")).isPresent();
        assertThat(ui.find("#nav-audit")).isPresent();
        assertThat(audit(AuditAction.ACCOUNT_CREATE)).extracting(AuditRecord::target).containsExactly("sato");
        assertThat(audit(AuditAction.LOGON)).extracting(AuditRecord::outcome).containsExactly(Outcome.SUCCESS);
    }

    @Test
    void aWrongPasswordIsRefusedOnScreenAndAudited() {
        ui = new WindowHarness(temp.resolve("data")).start(true);
        ui.signIn("instructor", "not-the-password");

        Label error = ui.await("#error");
        assertThat(error.getText()).isEqualTo("Wrong user name or password.");
        assertThat(ui.find("#home-greeting")).isEmpty();
        List<AuditRecord> logons = audit(AuditAction.LOGON);
        assertThat(logons).hasSize(1);
        assertThat(logons.get(0).outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(logons.get(0).actor()).isEqualTo("instructor");
        assertThat(logons.get(0).toString()).doesNotContain("not-the-password");
    }

    @Test
    void theWindowLocksWhenIdleAndOnlyThePasswordOpensIt() {
        ui = new WindowHarness(temp.resolve("data")).start(true);
        ui.signIn("trainee", "trainee-demo");
        ui.await("#home-greeting");
        assertThat(ui.find("#nav-accounts")).as("trainees do not manage accounts").isEmpty();

        int minutes = ui.workstation().settings().get(CoreSettings.IDLE_LOCK_MINUTES);
        ui.clock.advance(Duration.ofMinutes(minutes).plusSeconds(1));
        ui.await("#unlock");
        assertThat(ui.find("#home-greeting")).as("the shell is hidden while locked").isEmpty();

        ui.type("#password", "wrong-password");
        ui.click("#unlock");
        ui.await("#error");
        ui.type("#password", "trainee-demo");
        ui.click("#unlock");
        ui.await("#home-greeting");

        assertThat(audit(AuditAction.LOCK)).extracting(AuditRecord::detail).containsExactly("idle for 15 min");
        assertThat(audit(AuditAction.UNLOCK)).extracting(AuditRecord::outcome)
                .containsExactly(Outcome.SUCCESS, Outcome.FAILURE);
    }

    @Test
    void aTraineesHomeListsTheirOwnCallsAsTheyHappen() {
        ui = new WindowHarness(temp.resolve("data")).start(true);
        ui.signIn("trainee", "trainee-demo");
        ui.await("#home-greeting");
        // Home's list must not depend on objects only the garbage collector decides about.
        System.gc();

        // A call taken while Home is showing (e.g. the demo's recorded calls) appears without a visit elsewhere.
        var ws = ui.workstation();
        var trainee = ((dev.switchboard.core.account.LogonResult.Accepted) ws.accounts()
                .logon("trainee", "trainee-demo".toCharArray())).account();
        var scenario = dev.switchboard.calltaking.engine.scenario.ScenarioLibrary.bundled()
                .find("ems-elderly-fall").orElseThrow();
        var clock = new dev.switchboard.calltaking.engine.session.ManualCallClock();
        var call = ws.newCall(new dev.switchboard.calltaking.engine.session.CallConfig(scenario, 3, trainee.id(),
                trainee.displayName(), false, false),
                new dev.switchboard.calltaking.engine.caller.OfflineCaller(scenario, 3), clock, null);
        call.ring();
        // The demo's exercise workflow may list a session of its own for the trainee: look for this call's row.
        TableView<dev.switchboard.store.session.SessionSummary> table = ui.await("#home-sessions");
        java.util.function.Supplier<java.util.Optional<dev.switchboard.store.session.SessionSummary>> row =
                () -> HeadlessFx.callOnFx(() -> table.getItems().stream()
                        .filter(r -> r.id().equals(call.session())).findFirst());
        WindowHarness.waitUntil(() -> row.get().isPresent());
        assertThat(row.get().orElseThrow().score()).isNull();
        clock.advance(4_000);
        call.answer();
        clock.advance(20_000);
        call.end("completed");
        WindowHarness.waitUntil(() -> row.get().map(r -> r.score() != null).orElse(false));
        assertThat(ui.find("#home-sessions-empty")).isEmpty();
    }

    @Test
    void aRefusedNewAccountKeepsWhatWasTypedAndSaysWhy() {
        ui = new WindowHarness(temp.resolve("data")).start(true);
        ui.signIn("instructor", "instructor-demo");
        ui.await("#home-greeting");
        ui.click("#nav-accounts");
        ui.click("#accounts-add");
        ui.type("#new-username", "kato");
        ui.type("#new-display-name", "Kato Ren");
        ui.type("#new-password", "x");
        ui.click("#new-account-create");
        Label refused = ui.await("#new-account-error");
        WindowHarness.waitUntil(() -> !HeadlessFx.callOnFx(refused::getText).isBlank());
        javafx.scene.control.TextField username = ui.await("#new-username");
        javafx.scene.control.TextField name = ui.await("#new-display-name");
        assertThat(HeadlessFx.<String>callOnFx(() -> username.getText())).isEqualTo("kato");
        assertThat(HeadlessFx.<String>callOnFx(() -> name.getText())).isEqualTo("Kato Ren");

        ui.type("#new-password", "a-long-enough-password");
        ui.click("#new-account-create");
        WindowHarness.waitUntil(() -> ui.find("#new-username").isEmpty());
        assertThat(ui.workstation().accounts().list(((dev.switchboard.core.account.LogonResult.Accepted) ui
                .workstation().accounts().logon("instructor", "instructor-demo".toCharArray())).account()))
                .extracting(dev.switchboard.core.account.Account::username).contains("kato");
    }

    @Test
    void theThemeSwitchesAtOnceAndIsRemembered() {
        ui = new WindowHarness(temp.resolve("data")).start(true);
        ui.signIn("supervisor", "supervisor-demo");
        ui.await("#home-greeting");
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("dark");

        ui.click("#nav-settings");
        ui.click("#theme-light");

        WindowHarness.waitUntil(() -> Application.getUserAgentStylesheet().toLowerCase().contains("light"));
        assertThat(ui.workstation().settings().get(CoreSettings.THEME)).isEqualTo(CoreSettings.ThemeChoice.LIGHT);
        ui.click("#theme-dark");
        WindowHarness.waitUntil(() -> Application.getUserAgentStylesheet().toLowerCase().contains("dark"));
        Spinner<Integer> longestCall = ui.await("#max-call-minutes");
        assertThat(HeadlessFx.callOnFx(longestCall::isDisabled)).as("only instructors set the longest call").isTrue();
    }

    @Test
    void anInstructorSetsTheLongestCallAndAWrongValueIsRefusedNamingTheField() {
        ui = new WindowHarness(temp.resolve("data")).start(true);
        ui.signIn("instructor", "instructor-demo");
        ui.await("#home-greeting");
        ui.click("#nav-settings");
        Spinner<Integer> minutes = ui.await("#max-call-minutes");
        assertThat(HeadlessFx.callOnFx(() -> minutes.getEditor().getText())).isEqualTo("30");

        typeInto(minutes, "45");
        WindowHarness.waitUntil(() -> ui.workstation().settings().get(CallSettings.MAX_LENGTH_MINUTES) == 45);

        typeInto(minutes, "500");
        DialogPane refusal = shownDialog();
        assertThat(HeadlessFx.callOnFx(refusal::getHeaderText)).isEqualTo("Longest call (minutes)");
        assertThat(HeadlessFx.callOnFx(refusal::getContentText)).contains("Longest call (minutes)")
                .contains("from 1 to 240").contains("\"500\"");
        closeDialogs();
        assertThat(ui.workstation().settings().get(CallSettings.MAX_LENGTH_MINUTES)).isEqualTo(45);
        assertThat(HeadlessFx.callOnFx(() -> minutes.getEditor().getText())).isEqualTo("45");

        typeInto(minutes, "an hour");
        assertThat(HeadlessFx.callOnFx(shownDialog()::getContentText)).contains("\"an hour\"");
        closeDialogs();
        assertThat(ui.workstation().settings().get(CallSettings.MAX_LENGTH_MINUTES)).isEqualTo(45);
    }

    /** Types into an editable spinner as a user does, then Enter. */
    private void typeInto(Spinner<Integer> spinner, String text) {
        WindowHarness.scrollTo(spinner);
        ui.robot.clickOn(spinner.getEditor());
        HeadlessFx.runOnFx(() -> spinner.getEditor().clear());
        ui.robot.write(text);
        ui.robot.type(KeyCode.ENTER);
        HeadlessFx.waitForFx();
    }

    private DialogPane shownDialog() {
        WindowHarness.waitUntil(() -> openDialog().isPresent());
        return openDialog().orElseThrow();
    }

    private Optional<DialogPane> openDialog() {
        return HeadlessFx.callOnFx(() -> ui.robot.lookup("." + FxDialogService.STYLE_CLASS).<DialogPane>tryQuery()
                .filter(pane -> pane.getScene() != null && pane.getScene().getWindow().isShowing()));
    }

    private void closeDialogs() {
        HeadlessFx.runOnFx(() -> ui.robot.lookup("." + FxDialogService.STYLE_CLASS).queryAll()
                .forEach(pane -> pane.getScene().getWindow().hide()));
        HeadlessFx.waitForFx();
    }

    @Test
    void aBackupTakenInSettingsIsListedThere() {
        ui = new WindowHarness(temp.resolve("data")).start(true);
        ui.signIn("instructor", "instructor-demo");
        ui.await("#home-greeting");
        ui.click("#nav-settings");
        TableView<BackupInfo> table = ui.await("#backups-table");

        ui.click("#backup-now");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(
                () -> table.getItems().stream().anyMatch(b -> b.reason().equals("manual"))));
        assertThat(ui.find("#backup-restore")).as("instructors may restore").isPresent();
        assertThat(audit(AuditAction.DATABASE_BACKUP)).extracting(AuditRecord::actor).containsExactly("instructor");
    }

    @Test
    void instructorsBrowseTheAuditLogAndFilterIt() {
        ui = new WindowHarness(temp.resolve("data")).start(true);
        ui.signIn("instructor", "wrong-password");
        ui.await("#error");
        ui.signIn("instructor", "instructor-demo");
        ui.await("#home-greeting");
        ui.click("#nav-audit");
        TableView<AuditRecord> table = ui.await("#audit-table");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(() -> table.getItems().size()) >= 5);

        ui.type("#audit-actor", "instructor");
        HeadlessFx.runOnFx(() -> ((javafx.scene.control.ComboBox<?>) ui.find("#audit-outcome").orElseThrow())
                .getSelectionModel().select(2));
        ui.click("#audit-search");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(() -> table.getItems().size()) == 1);
        assertThat(HeadlessFx.callOnFx(() -> table.getItems().get(0).action())).isEqualTo(AuditAction.LOGON);
        Label chain = ui.await("#audit-chain");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(chain::getText).startsWith("Audit chain verified"));
    }

    @Test
    void anUnreadableDatabaseLeadsToTheRestorePathNotAStackTrace() throws Exception {
        Path data = temp.resolve("data");
        ui = new WindowHarness(data).start(true);
        ui.await("#signIn");
        ui.workstation().backups().create("manual");
        ui.close();

        Path db = data.resolve("switchboard.db");
        java.nio.file.Files.deleteIfExists(data.resolve("switchboard.db-wal"));
        java.nio.file.Files.deleteIfExists(data.resolve("switchboard.db-shm"));
        byte[] whole = java.nio.file.Files.readAllBytes(db);
        java.nio.file.Files.write(db, java.util.Arrays.copyOf(whole, whole.length / 3));

        ui = new WindowHarness(data).start(false);
        Label file = ui.await("#recovery-file");
        assertThat(file.getText()).contains(db.toString());
        ui.click("#recovery-restore");

        ui.signIn("trainee", "trainee-demo");
        ui.await("#home-greeting");
        try (var broken = java.nio.file.Files.list(data.resolve("broken"))) {
            assertThat(broken.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".db"));
        }
        assertThat(audit(AuditAction.DATABASE_RESTORE)).extracting(AuditRecord::actor).contains("recovery");
    }

    @Test
    void instructorsSeeTheAiPageWithEveryUseOfflineUntilAProviderIsSet() {
        ui = new WindowHarness(temp.resolve("data")).start(true);
        ui.signIn("instructor", "instructor-demo");
        ui.await("#home-greeting");
        ui.click("#nav-ai");
        javafx.scene.control.ComboBox<String> caller = ui.await("#ai-use-caller");
        WindowHarness.waitUntil(() -> "offline".equals(HeadlessFx.callOnFx(caller::getValue)));
        Label availability = ui.await("#ai-image-availability");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(availability::getText).contains("no image workers"));
        Label status = ui.await("#status-ai");
        assertThat(status.getText()).isEqualTo("AI offline");
    }

    @Test
    void traineesDoNotSeeTheAiPage() {
        ui = new WindowHarness(temp.resolve("data")).start(true);
        ui.signIn("trainee", "trainee-demo");
        ui.await("#home-greeting");
        assertThat(ui.find("#nav-ai")).isEmpty();
    }

    @Test
    void theControlRoomRunsOnAnOfflineMapWhoseTilesAreNotBlank() {
        ui = new WindowHarness(temp.resolve("data")).start(true);
        ui.signIn("trainee", "trainee-demo");
        ui.await("#home-greeting");
        ui.click("#nav-control-room");
        javafx.scene.control.ToggleButton play = ui.await("#city-play");
        WindowHarness.waitUntil(() -> !HeadlessFx.callOnFx(play::isDisabled));
        // Opening the control room is no exercise yet: nothing is listed until it plays.
        assertThat(ui.workstation().sessions().recent(20)).noneMatch(s -> s.kind().equals("control-room")
                && s.traineeName().equals("Yui Trainee"));
        ui.click("#city-play");
        Label generated = ui.await("#city-figure-0");
        WindowHarness.waitUntil(() -> !HeadlessFx.callOnFx(generated::getText).equals("—")
                && !HeadlessFx.callOnFx(generated::getText).equals("0"));
        javafx.scene.Node map = ui.await("#city-map");
        // Tiles render on their own threads; wait until the map shows land, water, roads and labels.
        WindowHarness.waitUntil(() -> distinctColours(map) > 40);
        ui.click("#city-play");
        // The exercise is recorded as the trainee's session, so Home lists it.
        assertThat(ui.workstation().sessions().recent(5))
                .anySatisfy(session -> {
                    assertThat(session.kind()).isEqualTo("control-room");
                    assertThat(session.traineeName()).isEqualTo("Yui Trainee");
                });
    }

    private static int distinctColours(javafx.scene.Node node) {
        javafx.scene.image.WritableImage image = HeadlessFx.callOnFx(() -> node.snapshot(null, null));
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        javafx.scene.image.PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(pixels.getArgb(x, y));
            }
        }
        return colours.size();
    }
}
