package dev.switchboard.uikit;

import dev.switchboard.testkit.AbstractArchitectureTest;

class ArchitectureTest extends AbstractArchitectureTest {

    ArchitectureTest() {
        super("dev.switchboard.uikit");
    }
}
