package dev.switchboard.workflow;

import dev.switchboard.testkit.AbstractArchitectureTest;

/** The shared rules: model, spi and engine stay free of JavaFX; other capabilities only through events. */
class ArchitectureTest extends AbstractArchitectureTest {

    ArchitectureTest() {
        super("dev.switchboard.workflow");
    }
}
