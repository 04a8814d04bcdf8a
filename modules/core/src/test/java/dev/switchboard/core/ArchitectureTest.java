package dev.switchboard.core;

import dev.switchboard.testkit.AbstractArchitectureTest;

/** core stays free of JavaFX, of every other module and of package cycles. */
class ArchitectureTest extends AbstractArchitectureTest {

    ArchitectureTest() {
        super("dev.switchboard.core");
    }
}
