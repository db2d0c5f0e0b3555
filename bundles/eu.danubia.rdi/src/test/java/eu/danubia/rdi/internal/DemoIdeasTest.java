package eu.danubia.rdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.SizeClass;
import eu.danubia.api.Visibility;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Database;
import eu.danubia.store.DemoSeeding;
import eu.danubia.store.Jdbc;

/** The demo ideas load through the service with their applications, once. */
class DemoIdeasTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void demoIdeasLoadOnceWithTheirApplications(Database database) {
        Fixture f = new Fixture(database);
        Map<String, UUID> slugs = new HashMap<>();
        for (String slug : List.of("somes-clusters", "pannon-innovation", "kosice-clusters", "jihomoravske-klastry")) {
            UUID id = UUID.randomUUID();
            slugs.put(slug, id);
            f.db.transaction(c -> Jdbc.update(c, "INSERT INTO associations (id, slug, name, country, created_at) "
                    + "VALUES (?, ?, ?, ?, ?)", id, slug, slug, "RO", Instant.now()));
        }
        org(f, slugs.get("somes-clusters"), "Institutul de Inginerie Aplicată Cluj", OrganisationType.RESEARCH, "RO");
        org(f, slugs.get("pannon-innovation"), "Zöldmező Napenergia Kft.", OrganisationType.BUSINESS, "HU");
        org(f, slugs.get("pannon-innovation"), "Pesti Alkalmazott Tudományok Egyeteme", OrganisationType.RESEARCH, "HU");
        org(f, slugs.get("kosice-clusters"), "Technický inštitút Košice", OrganisationType.RESEARCH, "SK");
        org(f, slugs.get("jihomoravske-klastry"), "Jihomoravský institut aplikovaného výzkumu", OrganisationType.RESEARCH, "CZ");
        DemoIdeas demo = new DemoIdeas(f.rdi, f.directory, slug -> Optional.ofNullable(slugs.get(slug)));

        assertThat(demo.seed(DemoIdeas.read(DemoIdeas.class.getClassLoader()))).isEqualTo(new DemoSeeding.Result(3, 0, 0));
        assertThat(demo.seed(DemoIdeas.read(DemoIdeas.class.getClassLoader()))).isEqualTo(new DemoSeeding.Result(0, 3, 0));

        List<Idea> open = f.rdi.ideas(Caller.ANONYMOUS, IdeaStatus.OPEN, null, null, null, false, null).items();
        assertThat(open).hasSize(2);
        Idea pv = open.stream().filter(i -> i.callCode().startsWith("HORIZON-CL5")).findFirst().orElseThrow();
        Consortium c = f.rdi.consortium(Caller.ANONYMOUS, pv.id());
        assertThat(c.countries()).containsExactly("RO", "HU");
        assertThat(c.note()).isEqualTo("needs 1 more country (at least 3)");
        assertThat(f.count("SELECT COUNT(*) FROM rdi_applications WHERE status = 'PENDING'")).isEqualTo(1);
        assertThat(f.sent.all).isEmpty();
    }

    private static Organisation org(Fixture f, UUID association, String name, OrganisationType type, String country) {
        return f.directory.createOrganisation(Caller.SYSTEM, new Organisation(null, association, name, type, country, null,
                null, List.of(), SizeClass.SMALL, List.of(), null, null, Visibility.PUBLIC, null, null));
    }
}
