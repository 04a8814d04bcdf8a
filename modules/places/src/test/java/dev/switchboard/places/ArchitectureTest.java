package dev.switchboard.places;

import dev.switchboard.testkit.AbstractArchitectureTest;

/** Places is shared reference geography: no JavaFX, and no capability module's code. */
class ArchitectureTest extends AbstractArchitectureTest {

    ArchitectureTest() {
        super("dev.switchboard.places");
    }
}
