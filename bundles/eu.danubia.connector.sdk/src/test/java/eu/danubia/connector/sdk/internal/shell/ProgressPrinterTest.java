package eu.danubia.connector.sdk.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.danubia.api.ingest.ImportRun;
import eu.danubia.connector.sdk.ImportProgress;

class ProgressPrinterTest {

    private static final UUID RUN = UUID.fromString("7d0f3c1e-0000-4000-8000-000000000001");
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void withoutATerminalOneLinePerTenPercent() {
        ProgressPrinter printer = new ProgressPrinter(out, false, 80);
        for (int done = 0; done <= 1000; done += 25) {
            printer.progress(progress(done, 1000, done / 10, false));
        }
        printer.progress(progress(1000, 1000, 100, true));

        List<String> lines = text().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Importing /data/drop/companies.csv");
        assertThat(lines.subList(1, lines.size())).hasSize(10)
                .allMatch(l -> !l.contains("\r"))
                .first().asString().startsWith("[##......................]  10%");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("[########################] 100%  100 read, 90 stored, 5 unchanged, 5 rejected");
    }

    @Test
    void withoutATerminalAndWithoutASizeOneLinePerTenThousandItems() {
        ProgressPrinter printer = new ProgressPrinter(out, false, 80);
        for (int read = 0; read <= 25_000; read += 1000) {
            printer.progress(progress(read * 10L, -1, read, false));
        }
        printer.progress(progress(250_000, -1, 25_000, true));

        List<String> lines = text().lines().skip(1).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("[                        ]  97.7 KB  10,000 read, 9,000 stored, 500 unchanged, 500 rejected");
        assertThat(lines.get(2)).startsWith("[########################] 100%  25,000 read");
    }

    @Test
    void onATerminalOneLineUpdatesInPlace() {
        ProgressPrinter printer = new ProgressPrinter(out, true, 100);
        printer.progress(progress(0, 1000, 0, false));
        printer.progress(progress(500, 1000, 50, false));
        printer.progress(progress(1000, 1000, 100, true));

        String text = text();
        assertThat(text).startsWith("Importing /data/drop/companies.csv\n\r[");
        assertThat(text.chars().filter(c -> c == '\r').count()).isEqualTo(3);
        assertThat(text.chars().filter(c -> c == '\n').count()).as("the header line and the end of the bar").isEqualTo(2);
        assertThat(text).contains(" 50%").endsWith("\n");
    }

    @Test
    void theSummarySaysStateCountsAndError() {
        ImportRun failed = new ImportRun(RUN, "cz-ares", "https://ares.gov.cz/x", Instant.parse("2026-03-10T03:00:00Z"),
                Instant.parse("2026-03-10T03:00:02.500Z"), "FAILED", 0, 0, 0, 1, "HTTP 503 from https://ares.gov.cz/x (5 attempts)");

        assertThat(ProgressPrinter.summary(failed)).isEqualTo("FAILED in 2.5 s: 0 read, 0 stored, 0 unchanged, 1 rejected"
                + "  (run " + RUN + ")\n  error: HTTP 503 from https://ares.gov.cz/x (5 attempts)");
    }

    @Test
    void theRunListShowsLiveCountsForRunningImports() {
        ImportRun running = new ImportRun(RUN, "cz-ares", "/data/drop/companies.csv", Instant.parse("2026-03-10T03:00:00Z"),
                null, "RUNNING", 0, 0, 0, 0, null);
        ImportRun done = new ImportRun(UUID.randomUUID(), "example-csv", "/data/a.csv", Instant.parse("2026-03-09T03:00:00Z"),
                Instant.parse("2026-03-09T03:00:01Z"), "DONE", 1234, 1200, 30, 4, null);

        String table = ImportsCommand.render(List.of(running, done), Map.of(RUN, progress(500, 1000, 42, false)), ZoneOffset.UTC);

        assertThat(table.lines()).hasSize(3);
        assertThat(table.lines().skip(1).findFirst().orElseThrow())
                .startsWith("2026-03-10 03:00:00  cz-ares         RUN 50%")
                .contains("       42 ")
                .endsWith("/data/drop/companies.csv");
        assertThat(table.lines().skip(2).findFirst().orElseThrow()).contains("DONE").contains("1,234").contains("1,200");
        assertThat(ImportsCommand.render(List.of(), Map.of(), ZoneOffset.UTC)).isEqualTo("No imports yet.\n");
    }

    private static ImportProgress progress(long bytes, long total, long read, boolean finished) {
        long rejected = read / 20;
        long unchanged = read / 20;
        return new ImportProgress(RUN, "example-csv", "/data/drop/companies.csv", bytes, total, read,
                read - rejected - unchanged, unchanged, rejected, finished);
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
