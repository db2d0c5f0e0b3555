package eu.danubia.c2b.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.danubia.api.Cluster;
import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.SizeClass;
import eu.danubia.api.Visibility;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.directory.internal.DirectoryServiceImpl;
import eu.danubia.store.Database;
import eu.danubia.store.DemoSeeding;
import eu.danubia.store.Jdbc;

/** The demo services and requests, loaded twice into the demo bundle's real data set, on H2 and PostgreSQL. */
class DemoServicesTest {

    /** The demo bundle's data set, as the build leaves it beside this module. */
    private static final Path DEMO_DATA = Path.of("../eu.danubia.demo/src/main/resources/demo/demo-data.json");

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void theDemoDataLoadsOnceAndShowsInTheCatalogueAndTheInbox(Database db) throws IOException {
        DirectoryServiceImpl directory = new DirectoryServiceImpl(db);
        Map<String, UUID> associations = loadDemoDirectory(db, directory);
        C2bService c2b = new C2bService(db, directory);
        DemoServices demo = new DemoServices(c2b, directory, slug -> Optional.ofNullable(associations.get(slug)));
        DemoServices.DemoFile file = DemoServices.read(DemoServices.class.getClassLoader());

        DemoSeeding.Result first = demo.seed(file);
        assertThat(first).isEqualTo(new DemoSeeding.Result(file.services().size() + file.requests().size(), 0, 0));
        assertThat(demo.seed(file)).isEqualTo(new DemoSeeding.Result(0, first.created(), 0));

        List<ClusterService> catalogue = c2b.services(Caller.ANONYMOUS, null, false);
        assertThat(catalogue).hasSize(file.services().size()).allMatch(s -> s.status() == ServiceStatus.PUBLISHED);
        assertThat(catalogue).extracting(ClusterService::category).contains(ServiceCategory.TRAINING,
                ServiceCategory.INTERNATIONALISATION, ServiceCategory.TESTING_FACILITY, ServiceCategory.INNOVATION_VOUCHER,
                ServiceCategory.MATCHMAKING, ServiceCategory.CONSULTING);
        Caller somesAdmin = new Caller(UUID.randomUUID(), "admin@somes-clusters.demo.danubia.eu",
                associations.get("somes-clusters"), null, Set.of(Role.ASSOCIATION_ADMIN));
        assertThat(c2b.requests(somesAdmin, ServiceRequest.Box.IN)).hasSize(2)
                .allMatch(r -> r.status() == RequestStatus.SUBMITTED && r.canAnswer());
        // the membership application is one the directory accepts: the applicant is public
        ServiceRequest application = c2b.requests(somesAdmin, ServiceRequest.Box.IN).stream()
                .filter(r -> r.kind() == RequestKind.MEMBERSHIP_APPLICATION).findFirst().orElseThrow();
        assertThat(c2b.accept(somesAdmin, application.id(), null).status()).isEqualTo(RequestStatus.ACCEPTED);
    }

    /** Associations, organisations and clusters with their members, as the demo bundle creates them. */
    static Map<String, UUID> loadDemoDirectory(Database db, DirectoryServiceImpl directory) throws IOException {
        JsonNode demo = new ObjectMapper().readTree(DEMO_DATA.toFile());
        Map<String, UUID> associations = new HashMap<>();
        for (JsonNode a : demo.get("associations")) {
            UUID id = UUID.randomUUID();
            String slug = a.get("slug").asText();
            associations.put(slug, id);
            db.transaction(c -> Jdbc.update(c, "INSERT INTO associations (id, slug, name, country, created_at) "
                    + "VALUES (?, ?, ?, ?, ?)", id, slug, a.get("name").asText(), a.get("country").asText(), Instant.now()));
            Map<String, UUID> orgs = new HashMap<>();
            for (JsonNode o : a.get("organisations")) {
                Organisation created = directory.createOrganisation(Caller.SYSTEM, new Organisation(null, id,
                        o.get("name").asText(), OrganisationType.valueOf(o.get("type").asText()), o.get("country").asText(),
                        o.hasNonNull("nutsCode") ? o.get("nutsCode").asText() : null, null, List.of(),
                        SizeClass.valueOf(o.get("sizeClass").asText()), List.of(), null, null,
                        Visibility.valueOf(o.get("visibility").asText()), null, null));
                orgs.put(created.name(), created.id());
            }
            for (JsonNode k : a.get("clusters")) {
                List<String> sectors = new ArrayList<>();
                k.get("sectors").forEach(s -> sectors.add(s.asText()));
                Cluster cluster = directory.createCluster(Caller.SYSTEM, new Cluster(null, id, k.get("name").asText(),
                        orgs.get(k.get("managedBy").asText()), k.get("country").asText(), null, sectors, null, null,
                        Visibility.valueOf(k.get("visibility").asText()), 0, null, null));
                for (JsonNode m : k.get("members")) {
                    directory.addMember(Caller.SYSTEM, cluster.id(), orgs.get(m.get("organisation").asText()),
                            LocalDate.parse(m.get("since").asText()));
                }
            }
        }
        return associations;
    }
}
