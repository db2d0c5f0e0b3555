package eu.danubia.matching.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import eu.danubia.matching.internal.MatchingAdmin;

/** The progress display of {@code danubia:reindex}, on a terminal and in a script. */
class ReindexCommandTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void withoutATerminalPrintsOneLinePerTenth() {
        ReindexCommand.Display display = new ReindexCommand.Display(out, false);
        display.update(0, 1000);
        for (int done = 7; done <= 1000; done += 7) {
            display.update(done, 1000);
        }
        display.update(1000, 1000);
        display.finish();

        assertThat(printed()).doesNotContain("\r").hasLineCount(11).startsWith("Reindexing: 0 % (0/1000)\n")
                .contains("Reindexing: 50 % (504/1000)\n").endsWith("Reindexing: 100 % (1000/1000)\n");
    }

    @Test
    void onATerminalRewritesOneLineAndEndsIt() {
        ReindexCommand.Display display = new ReindexCommand.Display(out, true);
        display.update(0, 4);
        display.update(2, 4);
        display.update(4, 4);
        display.finish();

        String printed = printed();
        assertThat(printed).endsWith("100 % (4/4)\n");
        assertThat(printed.chars().filter(c -> c == '\n').count()).isEqualTo(1);
        assertThat(printed.split("\r", -1)).hasSize(4);
        assertThat(printed).contains("\rReindexing [###############               ]  50 % (2/4)");
    }

    @Test
    void nothingToIndexIsDoneAtOnce() {
        ReindexCommand.Display display = new ReindexCommand.Display(out, false);
        display.update(0, 0);
        display.finish();

        assertThat(printed()).isEqualTo("Reindexing: 100 % (0/0)\n");
        assertThat(ReindexCommand.done(new MatchingAdmin.Reindexed(12, 2345))).isEqualTo("Indexed 12 profiles in 2.3 s");
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
