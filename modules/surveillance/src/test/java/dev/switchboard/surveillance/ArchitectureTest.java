package dev.switchboard.surveillance;

import dev.switchboard.testkit.AbstractArchitectureTest;

/** The shared rules: model and engine stay free of JavaFX; other capabilities only through their model. */
class ArchitectureTest extends AbstractArchitectureTest {

    ArchitectureTest() {
        super("dev.switchboard.surveillance");
    }
}
