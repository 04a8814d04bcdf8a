package dev.switchboard.studio.ui.predict;

import dev.switchboard.uikit.DialogService;
import java.util.List;
import java.util.Optional;

/** Dialogs that remember errors instead of showing them. */
public record RecordingDialogs(List<String> errors) implements DialogService {
    @Override
    public void showError(String title, Throwable error) {
        errors.add(title + ": " + error);
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void showInfo(String title, String message) {
    }

    @Override
    public boolean confirm(String title, String message) {
        return false;
    }

    @Override
    public Optional<String> ask(String title, String prompt) {
        return Optional.empty();
    }
}
