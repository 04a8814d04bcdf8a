package dev.switchboard.app;

import dev.switchboard.testkit.AbstractArchitectureTest;

/** The app sees every module, so it checks the rules across all of Switchboard's production classes. */
class ArchitectureTest extends AbstractArchitectureTest {

    ArchitectureTest() {
        super("dev.switchboard");
    }
}
