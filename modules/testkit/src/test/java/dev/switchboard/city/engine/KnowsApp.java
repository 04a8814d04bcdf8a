package dev.switchboard.city.engine;

import dev.switchboard.app.Shell;

/** Architecture fixture: breaks ONLY_APP_SEES_EVERY_MODULE. */
public class KnowsApp {
    final Shell shell = new Shell();
}
