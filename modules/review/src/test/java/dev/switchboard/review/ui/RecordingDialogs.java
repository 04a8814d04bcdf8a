package dev.switchboard.review.ui;

import dev.switchboard.uikit.DialogService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Dialogs that record what they were asked to show and answer confirmations with yes. */
final class RecordingDialogs implements DialogService {

    final List<String> errors = new ArrayList<>();
    final List<String> infos = new ArrayList<>();

    @Override
    public void showError(String title, Throwable error) {
        errors.add(title + ": " + error.getMessage());
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message) {
        return true;
    }

    @Override
    public Optional<String> ask(String title, String prompt) {
        return Optional.empty();
    }
}
