package dev.switchboard.workflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The run view shows a task's output in words, without the session and run ids it refers to. */
class ReadableOutputTest {

    @Test
    void anOutputReadsAsNamedValuesWithoutItsReferences() {
        assertThat(WorkflowsViewModel.readableOutput(
                "{\"session\":\"01M98ZA6PG6VFPTV8FTFZBHA31\",\"score\":70,\"matched\":true,\"items\":[1,2,3,4],"
                        + "\"detail\":{\"a\":1},\"note\":null}"))
                .isEqualTo("score: 70, matched: true, items: 4, detail: …, note: –");
        assertThat(WorkflowsViewModel.readableOutput("{\"items\":[{\"session\":\"x\"}]}")).isEqualTo("items: 1");
    }

    @Test
    void textThatIsNoObjectStaysAsItIs() {
        assertThat(WorkflowsViewModel.readableOutput("[1, 2]")).isEqualTo("[1, 2]");
        assertThat(WorkflowsViewModel.readableOutput("not json {")).isEqualTo("not json {");
        assertThat(WorkflowsViewModel.readableOutput("")).isEmpty();
    }
}
