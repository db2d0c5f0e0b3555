package eu.danubia.connector.eurostat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import eu.danubia.api.ingest.ImportRun;
import eu.danubia.api.ingest.IngestService;
import eu.danubia.api.ingest.RegionStat;
import eu.danubia.connector.sdk.ConnectorRoutes;
import eu.danubia.connector.sdk.ConnectorSettings;
import eu.danubia.connector.sdk.ProgressListener;
import eu.danubia.connector.sdk.testing.ConnectorTestKit;
import eu.danubia.connector.sdk.testing.Fixture;

/**
 * The Eurostat connector through the SDK's standard checks: two real rows and six years of the real excerpt
 * ({@code shared/data/eurostat}), cut down here so that every record can be listed, and the hand-written
 * structural business statistics excerpt of the test resources.
 */
class EurostatConnectorTest extends ConnectorTestKit {

    static final List<String> YEARS = List.of("2009", "2010", "2011", "2020", "2021", "2022");
    static final List<String> ROWS = List.of("A,THS,SAL,F,DE234", "A,THS,EMP,B-E,EL514");
    static final String SAL = "nama_10r_3empers.wstatus.SAL";
    static final String EMP = "nama_10r_3empers.wstatus.EMP";
    static final String SBS = "sbs_r_nuts06_r2";

    @Override
    protected List<Fixture> fixtures() {
        return List.of(
                new Fixture("nama_10r_3empers-excerpt.tsv", realRowsAndYears(), List.of(
                        stat(SAL, "DE234", "F", "THS", 2009, "2.6", ""), stat(SAL, "DE234", "F", "THS", 2010, "2.68", ""),
                        stat(SAL, "DE234", "F", "THS", 2011, "2.72", ""), stat(SAL, "DE234", "F", "THS", 2020, "3.16", "p"),
                        stat(SAL, "DE234", "F", "THS", 2021, "3.1", "p"), stat(SAL, "DE234", "F", "THS", 2022, null, ""),
                        stat(EMP, "EL514", "B-E", "THS", 2009, "4.27", ""), stat(EMP, "EL514", "B-E", "THS", 2010, "3.58", "b"),
                        stat(EMP, "EL514", "B-E", "THS", 2011, "3.33", ""), stat(EMP, "EL514", "B-E", "THS", 2020, "3.33", ""),
                        stat(EMP, "EL514", "B-E", "THS", 2021, "3.45", ""), stat(EMP, "EL514", "B-E", "THS", 2022, null, "")),
                        List.of()),
                Fixture.resource(getClass(), "/sbs_r_nuts06_r2-excerpt.tsv",
                        stat(SBS, "RO11", "C", "V11210", 2019, "9523", ""), stat(SBS, "RO11", "C", "V11210", 2020, "9381", ""),
                        stat(SBS, "RO11", "C", "V11210", 2021, "9650", "p"),
                        stat(SBS, "HU11", "C", "V11210", 2019, null, "c"), stat(SBS, "HU11", "C", "V11210", 2020, null, "c"),
                        stat(SBS, "HU11", "C", "V11210", 2021, "10402", ""),
                        stat(SBS, "RO11", "C", "V16110", 2019, "214034", ""), stat(SBS, "RO11", "C", "V16110", 2020, "205120", "b"),
                        stat(SBS, "RO11", "C", "V16110", 2021, null, ""),
                        stat(SBS, "AT13", "F", "V16110", 2019, "72011", ""), stat(SBS, "AT13", "F", "V16110", 2020, "71980", ""),
                        stat(SBS, "AT13", "F", "V16110", 2021, "74002", "e")));
    }

    @Override
    protected ConnectorRoutes routes(IngestService ingest, ConnectorSettings settings) {
        return new EurostatRoutes(ingest, settings, EurostatRoutes.datasets(new String[] {"nama_10r_3empers sbs_r_nuts06_r2"}));
    }

    @Override
    protected boolean recordPerLine() {
        return true;
    }

    @Test
    void theScheduledPullDownloadsEachDatasetCompressed() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(Files.readAllBytes(EurostatTsvReaderTest.EXCERPT));
        }
        server.serve("/nama_10r_3empers?format=TSV&compressed=true", zipped.toByteArray());
        server.serve("/sbs_r_nuts06_r2?format=TSV&compressed=true", Fixture.resource(getClass(), "/sbs_r_nuts06_r2-excerpt.tsv").content());

        List<ImportRun> runs = routes.importNow(null, ProgressListener.NONE);

        assertThat(runs).extracting(ImportRun::state).containsExactly("DONE", "DONE");
        assertThat(runs).extracting(ImportRun::stored).containsExactly(20L * 28, 12L);
        assertThat(server.requestedPaths())
                .containsExactly("/nama_10r_3empers?format=TSV&compressed=true", "/sbs_r_nuts06_r2?format=TSV&compressed=true");
    }

    @Test
    void aFileOfADatasetThatIsNotConfiguredFailsItsRun() throws IOException {
        dropFile("lfst_r_lfe2emp.tsv", "unit,geo\\TIME_PERIOD\t2021 \nTHS,RO11\t1 \n".getBytes(StandardCharsets.UTF_8));

        ImportRun run = awaitRuns(1).get(0);

        assertThat(run.state()).isEqualTo("FAILED");
        assertThat(run.error()).contains("no configured dataset matches").contains("lfst_r_lfe2emp.tsv");
        assertThat(drop.resolve(".failed").resolve("lfst_r_lfe2emp.tsv")).exists();
    }

    @Test
    void documentsAreMatchedToTheLongestConfiguredCode() {
        EurostatReader reader = new EurostatReader(EurostatRoutes.datasets(new String[] {"nama_10r_3empers; nama_10r_3empers_x"}));

        assertThat(reader.datasetOf("/data/nama_10r_3empers?format=TSV").code()).isEqualTo("nama_10r_3empers");
        assertThat(reader.datasetOf("nama_10r_3empers_x.tsv.gz").code()).isEqualTo("nama_10r_3empers_x");
        assertThat(reader.datasetOf("NAMA_10R_3EMPERS-2024.tsv").code()).isEqualTo("nama_10r_3empers");
        assertThat(reader.datasetOf("nama_10r_3empersx.tsv")).isNull();
    }

    /** The header and the two rows of {@link #ROWS}, with only the {@link #YEARS} columns, cells as they are. */
    private static byte[] realRowsAndYears() {
        try {
            List<String> lines = Files.readAllLines(EurostatTsvReaderTest.EXCERPT, StandardCharsets.UTF_8);
            List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
            List<Integer> columns = new ArrayList<>();
            YEARS.forEach(y -> columns.add(header.indexOf(y)));
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                String[] cells = lines.get(i).split("\t", -1);
                if (i == 0 || ROWS.contains(cells[0])) {
                    out.append(cells[0]);
                    columns.forEach(c -> out.append('\t').append(cells[c]));
                    out.append('\n');
                }
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RegionStat stat(String dataset, String nuts, String nace, String unit, int year, String value, String flag) {
        return new RegionStat(dataset, nuts, nace, unit, year, value == null ? null : new BigDecimal(value), flag);
    }
}
