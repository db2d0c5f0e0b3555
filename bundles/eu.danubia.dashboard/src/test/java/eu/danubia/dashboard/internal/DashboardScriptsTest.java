package eu.danubia.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the web shell and the browser get from this bundle: the menu entry, the page scripts and
 * everything they load (relative imports, ECharts, map geometry), and the scripts' own tests run
 * with node when it is installed.
 */
class DashboardScriptsTest {

    private static final Path UI = Path.of("src/main/resources/ui/dashboard");
    private static final List<String> SCRIPTS = List.of("dashboard.js", "charts.js", "export.js");

    @Test
    void contributionIsTheDashboardsEntryForEveryone() {
        DashboardUi ui = new DashboardUi();
        assertThat(ui.id()).isEqualTo("dashboards");
        assertThat(ui.label()).isEqualTo("Dashboards");
        assertThat(ui.order()).isEqualTo(40);
        assertThat(ui.roles()).isEmpty();
        assertThat(ui.script()).isEqualTo("/ui/dashboard/dashboard.js");
        assertThat(resource("ui/dashboard/dashboard.js")).contains("export async function render(el, ctx)");
    }

    @Test
    void everyRelativeImportOfTheScriptsExists() throws IOException {
        Pattern relative = Pattern.compile("(?:from\\s+|import\\()\\s*'(\\./[^']+)'");
        for (String script : SCRIPTS) {
            String text = Files.readString(UI.resolve(script));
            Matcher m = relative.matcher(text);
            while (m.find()) {
                String target = m.group(1).substring(2);
                Path file = target.startsWith("vendor/")
                        ? Path.of("target/echarts").resolve(target.substring("vendor/".length()))
                        : UI.resolve(target);
                assertThat(file).as("%s imports %s", script, m.group(1)).exists();
            }
        }
    }

    @Test
    void scriptsNeverWriteHtml() throws IOException {
        for (String script : SCRIPTS) {
            assertThat(Files.readString(UI.resolve(script))).as(script)
                    .doesNotContain(".innerHTML").doesNotContain(".outerHTML").doesNotContain("insertAdjacentHTML");
        }
    }

    @Test
    void echartsAndItsLicenceAreUnpacked() throws IOException {
        Path echarts = Path.of("target/echarts");
        assertThat(Files.readString(echarts.resolve("echarts.esm.min.js"))).contains("registerMap");
        assertThat(Files.readString(echarts.resolve("LICENSE"))).contains("Apache License");
        assertThat(Files.readString(echarts.resolve("NOTICE"))).contains("Apache ECharts");
    }

    @Test
    void mapGeometryCoversNutsLevelsAndTheThreeCountriesWithoutNuts() {
        assertThat(nutsIds("NUTS_RG_60M_2021_4326_LEVL_2.geojson")).contains("RO11", "AT13", "SK02").doesNotContain("RO113");
        assertThat(nutsIds("NUTS_RG_60M_2021_4326_LEVL_3.geojson")).contains("RO113", "SI041", "HU110").doesNotContain("RO11");
        assertThat(nutsIds("ua-md-ba.geojson")).containsExactlyInAnyOrder("UA", "MD", "BA");
        // simplified: small enough to load with every map
        assertThat(resource("ui/dashboard/geo/ua-md-ba.geojson").length()).isLessThan(50_000);
    }

    @Test
    void scriptsParseAndTheirTestsPass(@TempDir Path tmp) throws Exception {
        assumeTrue(nodeAvailable(), "node is not installed: the JavaScript checks are skipped");
        for (String script : SCRIPTS) {
            // .mjs: parsed as an ES module whatever node's defaults are
            Path copy = tmp.resolve(script.replace(".js", ".mjs"));
            Files.copy(UI.resolve(script), copy);
            assertThat(run("node", "--check", copy.toString())).as("node --check %s", script).isEmpty();
        }
        assertThat(run("node", "--test", "src/test/js/")).isEmpty();
    }

    private static Set<String> nutsIds(String file) {
        Matcher m = Pattern.compile("\"NUTS_ID\"\\s*:\\s*\"([A-Z0-9]+)\"").matcher(resource("ui/dashboard/geo/" + file));
        Set<String> ids = new HashSet<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String resource(String name) {
        try (InputStream in = DashboardScriptsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(name, e);
        }
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command; returns "" on success, else its output (so a failure shows why). */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", String.join(" ", command)).isTrue();
        return p.exitValue() == 0 ? "" : out;
    }
}
