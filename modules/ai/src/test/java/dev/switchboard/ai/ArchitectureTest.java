package dev.switchboard.ai;

import dev.switchboard.testkit.AbstractArchitectureTest;

/** ai stays free of JavaFX, of other capabilities' engines and views, and of package cycles. */
class ArchitectureTest extends AbstractArchitectureTest {

    ArchitectureTest() {
        super("dev.switchboard.ai");
    }
}
