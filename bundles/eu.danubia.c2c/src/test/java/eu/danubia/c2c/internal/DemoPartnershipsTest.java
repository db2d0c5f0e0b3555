package eu.danubia.c2c.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.danubia.api.Cluster;
import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.PageRequest;
import eu.danubia.api.Visibility;
import eu.danubia.api.security.Caller;
import eu.danubia.directory.internal.DirectoryServiceImpl;
import eu.danubia.store.Database;
import eu.danubia.store.DemoSeeding;
import eu.danubia.store.Jdbc;
import eu.danubia.store.testing.MutableClock;
import eu.danubia.store.testing.RecordingNotifications;

/** The demo file, checked against the demo bundle's data set, and seeding it on H2 and PostgreSQL. */
class DemoPartnershipsTest {

    /** The demo bundle's data set, as the build leaves it beside this module. */
    private static final Path DEMO_DATA = Path.of("../eu.danubia.demo/src/main/resources/demo/demo-data.json");

    @Test
    void everyDemoEntryNamesAClusterOfTheDemoDataSetAndLeavesTheTestedFlowFree() throws IOException {
        DemoPartnerships.DemoFile file = DemoPartnerships.read(DemoPartnerships.class.getClassLoader());
        JsonNode demo = new ObjectMapper().readTree(DEMO_DATA.toFile());
        Set<String> clusters = new HashSet<>();
        for (JsonNode a : demo.get("associations")) {
            for (JsonNode k : a.get("clusters")) {
                clusters.add(a.get("slug").asText() + "/" + k.get("name").asText());
            }
        }
        assertThat(file.profiles()).hasSizeGreaterThanOrEqualTo(8);
        for (DemoPartnerships.DemoProfile p : file.profiles()) {
            assertThat(clusters).contains(p.association() + "/" + p.cluster());
        }
        assertThat(file.proposals()).hasSizeGreaterThanOrEqualTo(3);
        for (DemoPartnerships.DemoProposal p : file.proposals()) {
            assertThat(clusters).contains(p.from().association() + "/" + p.from().cluster(),
                    p.to().association() + "/" + p.to().cluster());
            // the browser test proposes Someș Digital → Pannon Health: no demo proposal may be in its way
            assertThat(Set.of(p.from().cluster(), p.to().cluster()))
                    .doesNotContain("Someș Digital Cluster", "Pannon Health Technology Cluster");
            // nor a pending one in the inbox of the Hungarian admin who answers it
            if (p.to().association().equals("pannon-innovation")) {
                assertThat(p.status()).isNotEqualTo(ProposalStatus.PROPOSED);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void theDemoIsLoadedOnceWithTheStatusesItNames(Database database) throws IOException {
        DirectoryServiceImpl directory = new DirectoryServiceImpl(database);
        Map<String, UUID> associations = loadDemoClusters(database, directory);
        C2cService c2c = new C2cService(database, directory, new MutableClock(Instant.parse("2026-03-02T09:00:00Z")),
                id -> List.of());
        RecordingNotifications sent = new RecordingNotifications();
        c2c.notifications = sent;
        DemoPartnerships demo = new DemoPartnerships(c2c, directory, slug -> Optional.ofNullable(associations.get(slug)));
        DemoPartnerships.DemoFile file = DemoPartnerships.read(DemoPartnerships.class.getClassLoader());

        DemoSeeding.Result profiles = demo.seedProfiles(file.profiles());
        DemoSeeding.Result proposals = demo.seedProposals(file.proposals());
        assertThat(profiles).isEqualTo(new DemoSeeding.Result(file.profiles().size(), 0, 0));
        assertThat(proposals).isEqualTo(new DemoSeeding.Result(file.proposals().size(), 0, 0));
        assertThat(demo.seedProfiles(file.profiles())).isEqualTo(new DemoSeeding.Result(0, file.profiles().size(), 0));
        assertThat(demo.seedProposals(file.proposals())).isEqualTo(new DemoSeeding.Result(0, file.proposals().size(), 0));
        assertThat(sent.all).isEmpty();

        List<Proposal> all = c2c.proposals(Caller.SYSTEM, null);
        Map<String, ProposalStatus> byTitle = new HashMap<>();
        all.forEach(p -> byTitle.put(p.title(), p.status()));
        for (DemoPartnerships.DemoProposal p : file.proposals()) {
            assertThat(byTitle).containsEntry(p.proposal().title(), p.status());
        }
        // the embedded default shows something: public profiles with emerging industries, complementary clusters
        List<ClusterProfile> shown = c2c.profiles(Caller.ANONYMOUS, null, null, null, "DIGITAL_HEALTH", false,
                new PageRequest(0, 50)).items();
        assertThat(shown).extracting(ClusterProfile::name)
                .contains("Pannon Health Technology Cluster", "Someș Digital Cluster");
        UUID somes = shown.stream().filter(x -> x.name().equals("Someș Digital Cluster")).findFirst().orElseThrow().clusterId();
        assertThat(c2c.complementary(Caller.ANONYMOUS, somes, 3)).extracting(x -> x.cluster().name())
                .first().isEqualTo("Pannon Health Technology Cluster");
    }

    /** The demo bundle's associations, organisations and clusters, written through the real directory. */
    private static Map<String, UUID> loadDemoClusters(Database db, DirectoryServiceImpl directory) throws IOException {
        JsonNode demo = new ObjectMapper().readTree(DEMO_DATA.toFile());
        Map<String, UUID> associations = new HashMap<>();
        for (JsonNode a : demo.get("associations")) {
            UUID id = UUID.randomUUID();
            associations.put(a.get("slug").asText(), id);
            db.transaction(c -> Jdbc.update(c, "INSERT INTO associations (id, slug, name, country, created_at) "
                    + "VALUES (?, ?, ?, ?, ?)", id, a.get("slug").asText(), a.get("name").asText(),
                    a.get("country").asText(), Instant.now()));
            Map<String, UUID> orgs = new HashMap<>();
            for (JsonNode o : a.get("organisations")) {
                List<String> nace = new ArrayList<>();
                o.get("naceCodes").forEach(n -> nace.add(n.asText()));
                Organisation created = directory.createOrganisation(Caller.SYSTEM, new Organisation(null, id,
                        o.get("name").asText(), OrganisationType.valueOf(o.get("type").asText()), o.get("country").asText(),
                        o.get("nutsCode").isNull() ? null : o.get("nutsCode").asText(), null, nace, null, List.of(), null,
                        null, Visibility.valueOf(o.get("visibility").asText()), null, null));
                orgs.put(created.name(), created.id());
            }
            for (JsonNode k : a.get("clusters")) {
                List<String> sectors = new ArrayList<>();
                k.get("sectors").forEach(n -> sectors.add(n.asText()));
                Cluster created = directory.createCluster(Caller.SYSTEM, new Cluster(null, id, k.get("name").asText(),
                        orgs.get(k.get("managedBy").asText()), k.get("country").asText(),
                        k.get("nutsCode").isNull() ? null : k.get("nutsCode").asText(), sectors,
                        k.get("description").asText(), null, Visibility.valueOf(k.get("visibility").asText()), 0, null,
                        null));
                for (JsonNode m : k.get("members")) {
                    UUID org = orgs.get(m.get("organisation").asText());
                    if (org != null) {
                        directory.addMember(Caller.SYSTEM, created.id(), org, LocalDate.of(2020, 1, 1));
                    }
                }
            }
        }
        return associations;
    }
}
