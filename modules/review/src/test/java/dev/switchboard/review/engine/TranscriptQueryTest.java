package dev.switchboard.review.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The search words as each database's query: only letters and digits reach the query syntax. */
class TranscriptQueryTest {

    @Test
    void everyWordIsAPrefixOnBothDatabases() {
        assertThat(TranscriptIndex.matchQuery("neighbour's 3rd floor")).isEqualTo(
                "\"neighbour\"* AND \"s\"* AND \"3rd\"* AND \"floor\"*");
        assertThat(TranscriptIndex.tsQuery("neighbour's 3rd floor")).isEqualTo(
                "neighbour:* & s:* & 3rd:* & floor:*");
    }

    @Test
    void querySyntaxInTheInputIsDroppedAndAccentsAreStrippedForTheServer() {
        assertThat(TranscriptIndex.tsQuery("a:* | !b & 'c' <-> (d)")).isEqualTo("a:* & b:* & c:* & d:*");
        assertThat(TranscriptIndex.tsQuery("Kabukichō Café")).isEqualTo("Kabukicho:* & Cafe:*");
        assertThat(TranscriptIndex.tsQuery("???")).isEmpty();
        // Japanese voiced kana keep their mark: it is not an accent.
        assertThat(TranscriptIndex.withoutAccents("が")).isEqualTo("が");
    }

    @Test
    void theServerIndexesTheWordsAsFts5SplitsThem() {
        assertThat(TranscriptIndex.searchable("Kabukicho 2-5, café! joe@example.com")).isEqualTo(
                "Kabukicho 2 5 cafe joe example com");
    }

    @Test
    void likeWildcardsInAFilterAreTakenAsText() {
        assertThat(ReviewStore.containing(" 100%_Fire! ")).isEqualTo("%100!%!_fire!!%");
    }
}
