package eu.danubia.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.danubia.api.NationalId;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.SizeClass;
import eu.danubia.api.Visibility;
import eu.danubia.api.security.Role;

/**
 * The demo tenants and their directory, as written in {@code demo/demo-data.json}. Records refer
 * to each other by name within an association (a cluster's managing organisation and members).
 */
public record DemoDataSet(List<DemoAssociation> associations) {

    public static final String RESOURCE = "demo/demo-data.json";

    public DemoDataSet {
        associations = List.copyOf(associations);
    }

    public record DemoAssociation(String slug, String name, String country, String website, List<DemoUser> users,
            List<DemoOrganisation> organisations, List<DemoCluster> clusters) {
        public DemoAssociation {
            users = users == null ? List.of() : List.copyOf(users);
            organisations = organisations == null ? List.of() : List.copyOf(organisations);
            clusters = clusters == null ? List.of() : List.copyOf(clusters);
        }
    }

    /** A user; the password is never in the file (see {@link DemoPasswords}). */
    public record DemoUser(String email, String name, Set<Role> roles) {
        public DemoUser {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }

    public record DemoOrganisation(String name, OrganisationType type, String country, String nutsCode, String city,
            List<String> naceCodes, SizeClass sizeClass, List<NationalId> nationalIds, String website,
            String description, Visibility visibility) {
        public DemoOrganisation {
            naceCodes = naceCodes == null ? List.of() : List.copyOf(naceCodes);
            nationalIds = nationalIds == null ? List.of() : List.copyOf(nationalIds);
        }
    }

    /** A cluster; {@code managedBy} and the members name organisations of the same association. */
    public record DemoCluster(String name, String managedBy, String country, String nutsCode, List<String> sectors,
            String description, String website, Visibility visibility, List<DemoMember> members) {
        public DemoCluster {
            sectors = sectors == null ? List.of() : List.copyOf(sectors);
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    /** @param since ISO date ({@code 2019-03-01}) the organisation joined */
    public record DemoMember(String organisation, String since) {
    }

    public static DemoDataSet read(InputStream json) {
        // unknown fields fail, so a typo in the file cannot silently drop data
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try (InputStream in = json) {
            return mapper.readValue(in, DemoDataSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo data set", e);
        }
    }

    public static DemoDataSet fromClasspath(ClassLoader loader) {
        InputStream in = loader.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("demo data set missing from the bundle: " + RESOURCE);
        }
        return read(in);
    }
}
