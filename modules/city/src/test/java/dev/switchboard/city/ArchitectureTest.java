package dev.switchboard.city;

import dev.switchboard.testkit.AbstractArchitectureTest;

/** model and engine stay free of JavaFX; the city uses only the AI module's published API. */
class ArchitectureTest extends AbstractArchitectureTest {

    ArchitectureTest() {
        super("dev.switchboard.city");
    }
}
