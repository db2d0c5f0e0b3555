package eu.danubia.demo.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import eu.danubia.api.Cluster;
import eu.danubia.api.ConflictException;
import eu.danubia.api.Membership;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.Organisation;
import eu.danubia.api.Page;
import eu.danubia.api.PageRequest;
import eu.danubia.api.ValidationException;
import eu.danubia.api.Validator;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.security.Caller;

/**
 * A DirectoryService in memory. Pages hold at most {@value #PAGE_CAP} items whatever is asked,
 * so callers must really page; duplicates by name within an association and duplicate memberships
 * are refused, as a strict implementation would.
 */
class InMemoryDirectory implements DirectoryService {

    static final int PAGE_CAP = 3;

    final Map<UUID, Organisation> organisations = new LinkedHashMap<>();
    final Map<UUID, Cluster> clusters = new LinkedHashMap<>();
    final Map<UUID, Map<UUID, LocalDate>> members = new LinkedHashMap<>();
    final Set<String> refuseOrganisations = new HashSet<>();
    int writes;

    private final Set<UUID> knownAssociations;

    /** @param knownAssociations the associations that exist (a live view), as the real service checks */
    InMemoryDirectory(Set<UUID> knownAssociations) {
        this.knownAssociations = knownAssociations;
    }

    @Override
    public Page<Organisation> organisations(Caller caller, OrganisationFilter filter, PageRequest page) {
        return page(organisations.values(), o -> filter.associationId() == null
                || filter.associationId().equals(o.associationId()), page);
    }

    @Override
    public Optional<Organisation> organisation(Caller caller, UUID id) {
        return Optional.ofNullable(organisations.get(id));
    }

    @Override
    public Organisation createOrganisation(Caller caller, Organisation o) {
        writes++;
        if (!caller.administers(o.associationId())) {
            throw new eu.danubia.api.ForbiddenException("not an admin");
        }
        if (refuseOrganisations.contains(o.name())) {
            throw new ValidationException("name", "refused by the test");
        }
        new Validator().required("name", o.name()).required("type", o.type()).required("visibility", o.visibility())
                .country("country", o.country()).nuts("nutsCode", o.nutsCode()).nace("naceCodes", o.naceCodes())
                .url("website", o.website())
                .that(knownAssociations.contains(o.associationId()), "associationId", "unknown association")
                .that(o.nutsCode() == null || o.nutsCode().startsWith(o.country()), "nutsCode", "not in the country")
                .check();
        boolean duplicate = organisations.values().stream()
                .anyMatch(x -> x.associationId().equals(o.associationId()) && x.name().equals(o.name()));
        if (duplicate) {
            throw new ConflictException("organisation exists: " + o.name());
        }
        Instant now = Instant.now();
        Organisation stored = new Organisation(UUID.randomUUID(), o.associationId(), o.name(), o.type(), o.country(),
                o.nutsCode(), o.city(), o.naceCodes(), o.sizeClass(), o.nationalIds(), o.website(), o.description(),
                o.visibility(), now, now);
        organisations.put(stored.id(), stored);
        return stored;
    }

    @Override
    public Organisation updateOrganisation(Caller caller, UUID id, Organisation organisation) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Cluster> clusters(Caller caller, ClusterFilter filter, PageRequest page) {
        return page(clusters.values(), c -> filter.associationId() == null
                || filter.associationId().equals(c.associationId()), page);
    }

    @Override
    public Optional<Cluster> cluster(Caller caller, UUID id) {
        return Optional.ofNullable(clusters.get(id));
    }

    @Override
    public Cluster createCluster(Caller caller, Cluster c) {
        writes++;
        new Validator().required("name", c.name()).country("country", c.country()).nuts("nutsCode", c.nutsCode())
                .nace("sectors", c.sectors())
                .that(knownAssociations.contains(c.associationId()), "associationId", "unknown association")
                .that(c.managingOrganisationId() == null || organisations.containsKey(c.managingOrganisationId()),
                        "managingOrganisationId", "unknown organisation")
                .check();
        if (clusters.values().stream().anyMatch(x -> x.associationId().equals(c.associationId())
                && x.name().equals(c.name()))) {
            throw new ConflictException("cluster exists: " + c.name());
        }
        Instant now = Instant.now();
        Cluster stored = new Cluster(UUID.randomUUID(), c.associationId(), c.name(), c.managingOrganisationId(),
                c.country(), c.nutsCode(), c.sectors(), c.description(), c.website(), c.visibility(), 0, now, now);
        clusters.put(stored.id(), stored);
        members.put(stored.id(), new LinkedHashMap<>());
        return stored;
    }

    @Override
    public Cluster updateCluster(Caller caller, UUID id, Cluster cluster) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Membership> members(Caller caller, UUID clusterId) {
        Map<UUID, LocalDate> m = members.get(clusterId);
        if (m == null) {
            throw new NotFoundException("no cluster " + clusterId);
        }
        List<Membership> out = new ArrayList<>();
        m.forEach((org, since) -> out.add(new Membership(clusterId, org, organisations.get(org).name(), since)));
        return out;
    }

    @Override
    public void addMember(Caller caller, UUID clusterId, UUID organisationId, LocalDate since) {
        writes++;
        Map<UUID, LocalDate> m = members.get(clusterId);
        if (m == null || !organisations.containsKey(organisationId)) {
            throw new NotFoundException("no such cluster or organisation");
        }
        if (m.containsKey(organisationId)) {
            throw new ConflictException("already a member");
        }
        m.put(organisationId, since);
    }

    @Override
    public void removeMember(Caller caller, UUID clusterId, UUID organisationId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Cluster> clustersOf(Caller caller, UUID organisationId) {
        throw new UnsupportedOperationException();
    }

    private static <T> Page<T> page(Iterable<T> all, Predicate<T> filter, PageRequest request) {
        List<T> matching = new ArrayList<>();
        all.forEach(t -> {
            if (filter.test(t)) {
                matching.add(t);
            }
        });
        int size = Math.min(request.size(), PAGE_CAP);
        int from = Math.min(request.page() * size, matching.size());
        int to = Math.min(from + size, matching.size());
        return new Page<>(matching.subList(from, to), request.page(), size, matching.size());
    }
}
