package eu.danubia.b2b.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

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
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.PageRequest;
import eu.danubia.api.SizeClass;
import eu.danubia.api.Visibility;
import eu.danubia.api.cooperation.ProfileStatus;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Database;
import eu.danubia.store.DemoSeeding;
import eu.danubia.store.Jdbc;

/** The demo profiles file, checked against the demo bundle's data set, and seeding it on H2 and PostgreSQL. */
class DemoProfilesTest {

    /** The demo bundle's data set, as the build leaves it beside this module. */
    private static final Path DEMO_DATA = Path.of("../eu.danubia.demo/src/main/resources/demo/demo-data.json");
    private static final Set<String> SLUGS = Set.of("somes-clusters", "pannon-innovation", "jihomoravske-klastry",
            "kosice-clusters", "odesa-clusters");

    @Test
    void everyDemoProfileIsValidAndNamesABusinessOrResearchOrganisationOfTheDemoDataSet() throws IOException {
        List<DemoProfiles.DemoProfile> profiles = DemoProfiles.read(DemoProfiles.class.getClassLoader());
        JsonNode demo = new ObjectMapper().readTree(DEMO_DATA.toFile());
        Map<String, String> typeBySlugAndName = new HashMap<>();
        for (JsonNode a : demo.get("associations")) {
            for (JsonNode o : a.get("organisations")) {
                typeBySlugAndName.put(a.get("slug").asText() + "/" + o.get("name").asText(), o.get("type").asText());
            }
        }

        assertThat(profiles).hasSizeBetween(8, 14);
        Set<String> titles = new HashSet<>();
        for (DemoProfiles.DemoProfile d : profiles) {
            assertThat(d.association()).as(d.title()).isIn(SLUGS);
            assertThat(typeBySlugAndName.get(d.association() + "/" + d.organisation()))
                    .as("type of '%s' in %s", d.organisation(), d.association()).isIn("BUSINESS", "RESEARCH");
            assertThat(d.status()).as(d.title())
                    .isIn(ProfileStatus.DRAFT, ProfileStatus.SUBMITTED, ProfileStatus.PUBLISHED);
            assertThatCode(() -> ProfileInputs.content(d.profile(), LocalDate.of(2026, 3, 2), 12))
                    .as(d.title()).doesNotThrowAnyException();
            assertThat(d.profile().naceCodes()).as(d.title()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c).matches("\\d{2}\\.\\d{2}"));
            assertThat(d.profile().technologyKeywords()).as(d.title()).isNotEmpty();
            assertThat(d.profile().partnershipTypes()).as(d.title()).isNotEmpty();
            assertThat(d.profile().targetCountries()).as(d.title()).isNotEmpty();
            assertThat(d.profile().contactEmail()).as(d.title()).endsWith(".example");
            assertThat(d.profile().organisationId()).as("the owner is named, not given by id").isNull();
            assertThat(titles.add(d.title())).as("unique title " + d.title()).isTrue();
        }
        assertThat(profiles).extracting(d -> d.association()).containsAll(SLUGS);
        assertThat(profiles).extracting(d -> ProfileType.valueOf(d.profile().type()))
                .contains(ProfileType.values());
        assertThat(profiles).filteredOn(d -> d.status() == ProfileStatus.SUBMITTED).hasSize(1);
        assertThat(profiles).filteredOn(d -> d.status() == ProfileStatus.DRAFT).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void seedingCreatesEachProfileInItsStatusOnceAndNotifiesNobody(Database database) {
        Fixture f = new Fixture(database);
        Map<String, UUID> slugs = demoDirectory(f);
        List<DemoProfiles.DemoProfile> profiles = DemoProfiles.read(DemoProfiles.class.getClassLoader());
        DemoProfiles seeder = new DemoProfiles(f.b2b, f.directory, slug -> Optional.ofNullable(slugs.get(slug)));

        assertThat(seeder.seed(profiles)).isEqualTo(new DemoSeeding.Result(profiles.size(), 0, 0));

        Map<String, Profile> byTitle = f.b2b.mine(f.platformAdmin).stream()
                .collect(Collectors.toMap(Profile::title, Function.identity()));
        assertThat(byTitle).hasSize(profiles.size());
        for (DemoProfiles.DemoProfile d : profiles) {
            Profile p = byTitle.get(d.title());
            assertThat(p.status()).as(d.title()).isEqualTo(d.status());
            assertThat(p.owner().organisationName()).isEqualTo(d.organisation());
            assertThat(p.owner().associationId()).isEqualTo(slugs.get(d.association()));
            assertThat(p.owner().contactEmail()).isEqualTo(d.profile().contactEmail());
        }
        long published = profiles.stream().filter(d -> d.status() == ProfileStatus.PUBLISHED).count();
        assertThat(f.b2b.list(Caller.ANONYMOUS, ProfileFilter.none(), PageRequest.of(0, 50)).total())
                .isEqualTo(published);
        assertThat(f.b2b.moderation(f.platformAdmin)).extracting(Profile::status)
                .containsExactly(ProfileStatus.SUBMITTED);
        assertThat(f.sent.all).as("demo content tells nobody").isEmpty();

        assertThat(seeder.seed(profiles)).isEqualTo(new DemoSeeding.Result(0, profiles.size(), 0));
        assertThat(f.count("SELECT COUNT(*) FROM b2b_profiles")).isEqualTo(profiles.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void aProfileThatCannotBeLoadedIsCountedAndTheOthersAreStillCreated(Database database) {
        Fixture f = new Fixture(database);
        Map<String, UUID> slugs = demoDirectory(f);
        List<DemoProfiles.DemoProfile> all = DemoProfiles.read(DemoProfiles.class.getClassLoader());
        DemoProfiles.DemoProfile good = all.get(0);
        List<DemoProfiles.DemoProfile> profiles = new ArrayList<>();
        profiles.add(new DemoProfiles.DemoProfile(good.association(), "No Such Organisation SRL",
                ProfileStatus.PUBLISHED, Fixture.offer("Orphan offer")));
        profiles.add(new DemoProfiles.DemoProfile("no-such-association", good.organisation(),
                ProfileStatus.PUBLISHED, Fixture.offer("Homeless offer")));
        profiles.add(new DemoProfiles.DemoProfile(good.association(), good.organisation(), ProfileStatus.PUBLISHED,
                Fixture.profile().title("Invalid offer").stage(null).build()));
        profiles.add(good);

        DemoSeeding.Result r = new DemoProfiles(f.b2b, f.directory, slug -> Optional.ofNullable(slugs.get(slug)))
                .seed(profiles);

        assertThat(r).isEqualTo(new DemoSeeding.Result(1, 0, 3));
        assertThat(f.b2b.mine(f.platformAdmin)).extracting(Profile::title).containsExactly(good.title());
    }

    /**
     * The five demo associations and their business and research organisations, as the demo bundle
     * creates them, plus a decoy whose name contains a demo name, which the exact match must pass by.
     */
    private static Map<String, UUID> demoDirectory(Fixture f) {
        JsonNode demo;
        try {
            demo = new ObjectMapper().readTree(DEMO_DATA.toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Map<String, UUID> slugs = new HashMap<>();
        for (JsonNode a : demo.get("associations")) {
            UUID id = UUID.randomUUID();
            slugs.put(a.get("slug").asText(), id);
            f.db.transaction(c -> Jdbc.update(c,
                    "INSERT INTO associations (id, slug, name, country, created_at) VALUES (?, ?, ?, ?, ?)", id,
                    a.get("slug").asText(), a.get("name").asText(), a.get("country").asText(), Instant.now()));
            boolean decoy = true;
            for (JsonNode o : a.get("organisations")) {
                OrganisationType type = OrganisationType.valueOf(o.get("type").asText());
                if (type != OrganisationType.BUSINESS && type != OrganisationType.RESEARCH) {
                    continue;
                }
                if (decoy) {
                    organisation(f, id, o.get("name").asText() + " (former branch)", type, o);
                    decoy = false;
                }
                organisation(f, id, o.get("name").asText(), type, o);
            }
        }
        return slugs;
    }

    private static void organisation(Fixture f, UUID association, String name, OrganisationType type, JsonNode o) {
        List<String> nace = new ArrayList<>();
        o.get("naceCodes").forEach(n -> nace.add(n.asText()));
        f.directory.createOrganisation(Caller.SYSTEM, new Organisation(null, association, name, type,
                o.get("country").asText(), null, o.get("city").asText(), nace,
                SizeClass.valueOf(o.get("sizeClass").asText()), List.of(), null, null,
                Visibility.valueOf(o.get("visibility").asText()), null, null));
    }
}
