package dev.switchboard.testkit;

class ArchitectureTest extends AbstractArchitectureTest {

    ArchitectureTest() {
        super("dev.switchboard.testkit");
    }
}
