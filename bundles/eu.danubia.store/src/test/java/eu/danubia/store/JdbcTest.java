package eu.danubia.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The search helpers every module's list queries use. */
class JdbcTest {

    @Test
    void queryWordsAreLowerCasedDistinctCutAndCapped() {
        assertThat(Jdbc.queryWords(null)).isEmpty();
        assertThat(Jdbc.queryWords(" \t ")).isEmpty();
        assertThat(Jdbc.queryWords("  Laser\tSENSOR laser  Ştiinţă ")).containsExactly("laser", "sensor", "ştiinţă");
        assertThat(Jdbc.queryWords("x".repeat(150))).containsExactly("x".repeat(100));
        assertThat(Jdbc.queryWords("a b c d e f g h i j k l m")).hasSize(Jdbc.QUERY_WORDS_MAX)
                .startsWith("a", "b").endsWith("j");
    }

    @Test
    void likePatternsMatchTheTextLiterally() {
        assertThat(Jdbc.likeContains("100%_a\\b")).isEqualTo("%100\\%\\_a\\\\b%");
        assertThat(Jdbc.likeContains("GDPR")).isEqualTo("%gdpr%");
    }
}
