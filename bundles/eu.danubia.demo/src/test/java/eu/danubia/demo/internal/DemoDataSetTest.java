package eu.danubia.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import eu.danubia.api.NationalId;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.Validator;
import eu.danubia.api.Visibility;
import eu.danubia.api.security.Role;
import eu.danubia.demo.internal.DemoDataSet.DemoAssociation;
import eu.danubia.demo.internal.DemoDataSet.DemoCluster;
import eu.danubia.demo.internal.DemoDataSet.DemoMember;
import eu.danubia.demo.internal.DemoDataSet.DemoOrganisation;
import eu.danubia.demo.internal.DemoDataSet.DemoUser;
import eu.danubia.demo.internal.ReferenceData.NaceCode;
import eu.danubia.demo.internal.ReferenceData.NutsRegion;

/** The shipped demo data set (demo/demo-data.json) against the real NUTS and NACE reference data. */
class DemoDataSetTest {

    private static DemoDataSet data;
    private static Map<String, NutsRegion> nuts;
    private static Set<String> nace;

    @BeforeAll
    static void load() {
        data = DemoDataSet.fromClasspath(DemoDataSetTest.class.getClassLoader());
        ReferenceData reference = ReferenceData.fromClasspath(DemoDataSetTest.class.getClassLoader());
        nuts = reference.nuts().stream().collect(Collectors.toMap(NutsRegion::code, Function.identity()));
        nace = reference.nace().stream().map(NaceCode::code).collect(Collectors.toSet());
    }

    @Test
    void coversAtLeastFiveCountries() {
        assertThat(data.associations()).hasSizeBetween(4, 5);
        assertThat(data.associations().stream().map(DemoAssociation::country).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("RO", "HU", "CZ", "SK", "UA");
    }

    @Test
    void associationsHaveValidUniqueSlugs() {
        assertThat(data.associations()).extracting(DemoAssociation::slug).doesNotHaveDuplicates()
                .allMatch(s -> s.matches("[a-z0-9]+(-[a-z0-9]+)*") && s.length() <= 64);
        for (DemoAssociation a : data.associations()) {
            assertThatCode(() -> new Validator().required("name", a.name()).country("country", a.country())
                    .url("website", a.website()).check()).as(a.slug()).doesNotThrowAnyException();
        }
    }

    @Test
    void everyAssociationHasExactlyOneAdminAndEmailsAreUnique() {
        List<String> emails = new ArrayList<>();
        for (DemoAssociation a : data.associations()) {
            List<DemoUser> admins = a.users().stream().filter(u -> u.roles().contains(Role.ASSOCIATION_ADMIN)).toList();
            assertThat(admins).as(a.slug()).hasSize(1);
            assertThat(admins.get(0).email()).isEqualTo("admin@" + a.slug() + ".demo.danubia.eu");
            assertThat(a.users()).as(a.slug()).noneMatch(u -> u.roles().contains(Role.PLATFORM_ADMIN))
                    .allMatch(u -> u.name() != null && !u.name().isBlank());
            a.users().forEach(u -> emails.add(u.email()));
        }
        assertThat(emails).doesNotHaveDuplicates();
    }

    @Test
    void everyNaceCodeExistsInTheReference() {
        for (DemoAssociation a : data.associations()) {
            a.organisations().forEach(o -> assertThat(o.naceCodes()).as(o.name()).isNotEmpty().allMatch(nace::contains));
            a.clusters().forEach(c -> assertThat(c.sectors()).as(c.name()).isNotEmpty().allMatch(nace::contains));
        }
    }

    @Test
    void everyNutsCodeExistsAndLiesInTheRecordsCountry() {
        for (DemoAssociation a : data.associations()) {
            for (DemoOrganisation o : a.organisations()) {
                checkNuts(o.name(), o.country(), o.nutsCode());
            }
            for (DemoCluster c : a.clusters()) {
                checkNuts(c.name(), c.country(), c.nutsCode());
            }
        }
    }

    private static void checkNuts(String what, String country, String code) {
        if (country.equals("UA")) {
            assertThat(code).as(what + ": Ukraine is not in NUTS").isNull();
            return;
        }
        assertThat(nuts).as(what).containsKey(code);
        assertThat(nuts.get(code).country()).as(what).isEqualTo(country);
        assertThat(nuts.get(code).level()).as(what).isBetween(2, 3);
    }

    @Test
    void organisationsAreValidAndCoverTheQuadrupleHelix() {
        for (DemoAssociation a : data.associations()) {
            assertThat(a.organisations()).as(a.slug()).hasSizeBetween(5, 8)
                    .extracting(DemoOrganisation::name).doesNotHaveDuplicates();
            Set<OrganisationType> types = a.organisations().stream().map(DemoOrganisation::type)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(OrganisationType.class)));
            assertThat(types).as(a.slug()).containsExactlyInAnyOrder(OrganisationType.values());
            assertThat(a.organisations().stream().filter(o -> o.type() == OrganisationType.BUSINESS)).hasSizeGreaterThan(1);
            assertThat(a.organisations()).as(a.slug()).anyMatch(o -> o.visibility() == Visibility.PUBLIC)
                    .anyMatch(o -> o.visibility() == Visibility.ASSOCIATION);
            for (DemoOrganisation o : a.organisations()) {
                assertThat(o.country()).as(o.name()).isEqualTo(a.country());
                assertThatCode(() -> new Validator().required("name", o.name()).maxLength("name", o.name(), 200)
                        .required("type", o.type()).required("visibility", o.visibility())
                        .required("sizeClass", o.sizeClass()).country("country", o.country())
                        .nuts("nutsCode", o.nutsCode()).nace("naceCodes", o.naceCodes()).url("website", o.website())
                        .required("city", o.city()).required("description", o.description()).check())
                        .as(o.name()).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void nationalIdsAreWellFormedForTheirCountry() {
        Map<String, String> schemeOf = Map.of("RO", "RO-CUI", "HU", "HU-ADOSZAM", "CZ", "CZ-ICO", "SK", "SK-ICO",
                "UA", "UA-EDRPOU");
        Set<String> seen = new HashSet<>();
        for (DemoAssociation a : data.associations()) {
            for (DemoOrganisation o : a.organisations()) {
                assertThat(o.nationalIds()).as(o.name()).hasSize(1);
                NationalId id = o.nationalIds().get(0);
                assertThat(id.scheme()).as(o.name()).isEqualTo(schemeOf.get(o.country()));
                assertThat(NationalIds.valid(id)).as(o.name() + " " + id).isTrue();
                assertThat(seen.add(id.scheme() + ":" + id.value())).as("unique " + id).isTrue();
            }
        }
    }

    @Test
    void clustersReferToOrganisationsOfTheirAssociation() {
        for (DemoAssociation a : data.associations()) {
            assertThat(a.clusters()).as(a.slug()).hasSizeBetween(2, 3).extracting(DemoCluster::name).doesNotHaveDuplicates();
            Map<String, DemoOrganisation> orgs = a.organisations().stream()
                    .collect(Collectors.toMap(DemoOrganisation::name, Function.identity()));
            for (DemoCluster c : a.clusters()) {
                assertThat(c.country()).as(c.name()).isEqualTo(a.country());
                assertThat(orgs.get(c.managedBy())).as(c.name() + " manager").isNotNull()
                        .extracting(DemoOrganisation::type).isEqualTo(OrganisationType.CLUSTER_ORGANISATION);
                assertThat(c.visibility()).as(c.name()).isNotNull();
                assertThat(c.members()).as(c.name()).hasSizeGreaterThanOrEqualTo(3)
                        .extracting(DemoMember::organisation).doesNotHaveDuplicates().allMatch(orgs::containsKey);
                for (DemoMember m : c.members()) {
                    assertThat(LocalDate.parse(m.since())).as(c.name() + " " + m.organisation())
                            .isBefore(LocalDate.of(2025, 1, 1));
                }
            }
        }
    }

    @Test
    void aTypoInTheFileFailsInsteadOfDroppingData() {
        String json = "{\"associations\":[{\"slug\":\"x\",\"name\":\"X\",\"country\":\"RO\",\"websit\":\"https://x.example\"}]}";
        assertThatThrownBy(() -> DemoDataSet.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void nationalIdCheckDigitsAgreeWithRealRegisterNumbers() {
        // real numbers from shared/data/registers (cz-ares, sk-ruz, ua-edr)
        assertThat(NationalIds.valid(new NationalId("CZ-ICO", "26168685"))).isTrue();
        assertThat(NationalIds.valid(new NationalId("SK-ICO", "50826042"))).isTrue();
        assertThat(NationalIds.valid(new NationalId("SK-ICO", "00156621"))).isTrue();
        assertThat(NationalIds.valid(new NationalId("UA-EDRPOU", "38949117"))).isTrue();
        assertThat(NationalIds.valid(new NationalId("UA-EDRPOU", "44660866"))).isTrue();
        assertThat(NationalIds.valid(new NationalId("CZ-ICO", "26168686"))).isFalse();
        assertThat(NationalIds.valid(new NationalId("UA-EDRPOU", "38949118"))).isFalse();
        assertThat(NationalIds.valid(new NationalId("RO-CUI", "18547291"))).isFalse();
        assertThat(NationalIds.valid(new NationalId("HU-ADOSZAM", "12892312-2-41"))).isTrue();
        assertThat(NationalIds.valid(new NationalId("HU-ADOSZAM", "12892313-2-41"))).isFalse();
        assertThat(NationalIds.valid(new NationalId("HU-ADOSZAM", "12892312-7-41"))).isFalse();
    }
}
