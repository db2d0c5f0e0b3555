package eu.danubia.directory.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.danubia.api.Cluster;
import eu.danubia.api.ConflictException;
import eu.danubia.api.ForbiddenException;
import eu.danubia.api.Membership;
import eu.danubia.api.NationalId;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.Organisation;
import eu.danubia.api.Page;
import eu.danubia.api.PageRequest;
import eu.danubia.api.ValidationException;
import eu.danubia.api.Validator;
import eu.danubia.api.Visibility;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;

/**
 * The directory with its tenant rules. Reads go through the tenant scope in SQL; a record the
 * caller may not read is reported exactly like a missing one. Writes first check that the caller
 * may read the record (else not found), then that it may change it (else forbidden), then the input.
 */
@Component(service = DirectoryService.class, immediate = true)
public class DirectoryServiceImpl implements DirectoryService {

    static final String MODULE = "directory";

    private final Database db;
    private final OrganisationRepository organisations = new OrganisationRepository();
    private final ClusterRepository clusters = new ClusterRepository();

    @Activate
    public DirectoryServiceImpl(@Reference Database db) {
        this.db = db;
        db.migrate(MODULE, DirectoryServiceImpl.class.getClassLoader());
    }

    // ---- organisations ----------------------------------------------------------------------

    @Override
    public Page<Organisation> organisations(Caller caller, OrganisationFilter filter, PageRequest page) {
        OrganisationFilter f = filter == null ? new OrganisationFilter(null, null, null, null, null, null) : filter;
        OrganisationFilter clean = new OrganisationFilter(Validator.text(f.text()), Inputs.code(f.country()), f.type(),
                Inputs.code(f.nace()), Inputs.code(f.nuts()), f.associationId());
        Validator v = new Validator();
        Inputs.countryFilter(v, clean.country());
        Inputs.naceFilter(v, clean.nace());
        Inputs.nutsFilter(v, clean.nuts());
        v.check();
        PageRequest p = page == null ? PageRequest.of(null, null) : page;
        return db.read(c -> organisations.list(c, caller, clean, p));
    }

    @Override
    public Optional<Organisation> organisation(Caller caller, UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return db.read(c -> organisations.find(c, caller, id));
    }

    @Override
    public Organisation createOrganisation(Caller caller, Organisation in) {
        Organisation input = ValidationException.requireBody(in);
        return write(() -> db.transaction(c -> {
            UUID association = targetAssociation(c, caller, input.associationId());
            Instant created = now();
            Organisation o = cleanOrganisation(input, UUID.randomUUID(), association, input.visibility(), created, created);
            validate(c, o);
            checkNationalIds(c, o);
            organisations.insert(c, o);
            return organisations.find(c, caller, o.id()).orElseThrow();
        }));
    }

    @Override
    public Organisation updateOrganisation(Caller caller, UUID id, Organisation in) {
        Organisation input = ValidationException.requireBody(in);
        return write(() -> db.transaction(c -> {
            Organisation current = organisations.find(c, caller, id).orElseThrow(() -> new NotFoundException("Organisation"));
            boolean admin = caller.administers(current.associationId());
            boolean self = caller.canWriteIn(current.associationId()) && id.equals(caller.organisationId());
            if (!admin && !self) {
                throw new ForbiddenException("Only an admin of its association or the organisation itself may change it");
            }
            Visibility visibility = input.visibility() == null ? current.visibility() : input.visibility();
            if (!admin && visibility != current.visibility()) {
                throw new ForbiddenException("Only an association admin may change the visibility");
            }
            UUID association = movedAssociation(c, caller, current.associationId(), input.associationId());
            Organisation o = cleanOrganisation(input, id, association, visibility, current.createdAt(), now());
            validate(c, o);
            checkNationalIds(c, o);
            organisations.update(c, o);
            return organisations.find(c, caller, id).orElseThrow();
        }));
    }

    private static Organisation cleanOrganisation(Organisation in, UUID id, UUID association, Visibility visibility,
            Instant created, Instant updated) {
        return new Organisation(id, association, Validator.text(in.name()), in.type(), Inputs.code(in.country()),
                Inputs.code(in.nutsCode()), Validator.text(in.city()), Inputs.codes(in.naceCodes()), in.sizeClass(),
                Inputs.nationalIds(in.nationalIds()), Validator.text(in.website()), Validator.text(in.description()),
                visibility, created, updated);
    }

    private static void validate(Connection c, Organisation o) throws SQLException {
        Validator v = new Validator()
                .required("name", o.name()).maxLength("name", o.name(), Inputs.NAME_MAX)
                .required("type", o.type());
        Inputs.country(v, "country", o.country());
        Inputs.nuts(c, v, "nutsCode", o.nutsCode(), o.country());
        v.maxLength("city", o.city(), Inputs.CITY_MAX);
        Inputs.nace(v, "naceCodes", o.naceCodes());
        Inputs.nationalIds(v, o.nationalIds());
        Inputs.website(v, o.website());
        v.maxLength("description", o.description(), Inputs.DESCRIPTION_MAX)
                .required("visibility", o.visibility())
                .check();
    }

    private void checkNationalIds(Connection c, Organisation o) throws SQLException {
        for (NationalId id : o.nationalIds()) {
            if (organisations.nationalIdTaken(c, id, o.id())) {
                throw duplicateId(id);
            }
        }
    }

    private static ConflictException duplicateId(NationalId id) {
        return new ConflictException("The national id " + id.scheme() + " " + id.value() + " is already registered");
    }

    // ---- clusters ---------------------------------------------------------------------------

    @Override
    public Page<Cluster> clusters(Caller caller, ClusterFilter filter, PageRequest page) {
        ClusterFilter f = filter == null ? new ClusterFilter(null, null, null, null) : filter;
        ClusterFilter clean = new ClusterFilter(Validator.text(f.text()), Inputs.code(f.country()), Inputs.code(f.nace()),
                f.associationId());
        Validator v = new Validator();
        Inputs.countryFilter(v, clean.country());
        Inputs.naceFilter(v, clean.nace());
        v.check();
        PageRequest p = page == null ? PageRequest.of(null, null) : page;
        return db.read(c -> clusters.list(c, caller, clean, p));
    }

    @Override
    public Optional<Cluster> cluster(Caller caller, UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return db.read(c -> clusters.find(c, caller, id));
    }

    @Override
    public Cluster createCluster(Caller caller, Cluster in) {
        Cluster input = ValidationException.requireBody(in);
        return db.transaction(c -> {
            UUID association = targetAssociation(c, caller, input.associationId());
            Instant created = now();
            Cluster k = cleanCluster(input, UUID.randomUUID(), association, input.managingOrganisationId(), created, created);
            validate(c, caller, k);
            clusters.insert(c, k);
            return clusters.find(c, caller, k.id()).orElseThrow();
        });
    }

    @Override
    public Cluster updateCluster(Caller caller, UUID id, Cluster in) {
        Cluster input = ValidationException.requireBody(in);
        return db.transaction(c -> {
            Cluster current = clusters.find(c, caller, id).orElseThrow(() -> new NotFoundException("Cluster"));
            if (!caller.administers(current.associationId())) {
                throw new ForbiddenException("Only an admin of its association may change a cluster");
            }
            UUID association = movedAssociation(c, caller, current.associationId(), input.associationId());
            UUID manager = input.managingOrganisationId();
            if (manager == null && current.managingOrganisationId() == null) {
                // the caller could not see the stored manager; not sending it back does not remove it
                manager = clusters.managingOrganisation(c, id).orElse(null);
            }
            Cluster k = cleanCluster(input, id, association, manager, current.createdAt(), now());
            validate(c, caller, k);
            clusters.update(c, k);
            return clusters.find(c, caller, id).orElseThrow();
        });
    }

    private static Cluster cleanCluster(Cluster in, UUID id, UUID association, UUID manager, Instant created,
            Instant updated) {
        return new Cluster(id, association, Validator.text(in.name()), manager, Inputs.code(in.country()),
                Inputs.code(in.nutsCode()), Inputs.codes(in.sectors()), Validator.text(in.description()),
                Validator.text(in.website()), in.visibility(), 0, created, updated);
    }

    private void validate(Connection c, Caller caller, Cluster k) throws SQLException {
        Validator v = new Validator().required("name", k.name()).maxLength("name", k.name(), Inputs.NAME_MAX);
        Inputs.country(v, "country", k.country());
        Inputs.nuts(c, v, "nutsCode", k.nutsCode(), k.country());
        Inputs.nace(v, "sectors", k.sectors());
        Inputs.website(v, k.website());
        v.maxLength("description", k.description(), Inputs.DESCRIPTION_MAX)
                .required("visibility", k.visibility());
        if (k.managingOrganisationId() != null) {
            boolean known = organisations.find(c, caller, k.managingOrganisationId()).isPresent()
                    || clusters.managingOrganisation(c, k.id()).filter(k.managingOrganisationId()::equals).isPresent();
            v.that(known, "managingOrganisationId", "is not a known organisation");
        }
        v.check();
    }

    // ---- memberships ------------------------------------------------------------------------

    @Override
    public List<Membership> members(Caller caller, UUID clusterId) {
        return db.read(c -> {
            readableCluster(c, caller, clusterId);
            return clusters.members(c, caller, clusterId);
        });
    }

    @Override
    public void addMember(Caller caller, UUID clusterId, UUID organisationId, LocalDate since) {
        db.transaction(c -> {
            administeredCluster(c, caller, clusterId);
            if (organisationId == null || organisations.find(c, caller, organisationId).isEmpty()) {
                throw new NotFoundException("Organisation");
            }
            clusters.putMember(c, clusterId, organisationId, since);
            return null;
        });
    }

    @Override
    public void removeMember(Caller caller, UUID clusterId, UUID organisationId) {
        db.transaction(c -> {
            administeredCluster(c, caller, clusterId);
            // deleting a membership that is not there succeeds: the state the caller asked for holds
            return clusters.removeMember(c, clusterId, organisationId);
        });
    }

    @Override
    public List<Cluster> clustersOf(Caller caller, UUID organisationId) {
        return db.read(c -> organisations.find(c, caller, organisationId).isEmpty() ? List.<Cluster>of()
                : clusters.ofOrganisation(c, caller, organisationId));
    }

    private Cluster readableCluster(Connection c, Caller caller, UUID clusterId) throws SQLException {
        if (clusterId == null) {
            throw new NotFoundException("Cluster");
        }
        return clusters.find(c, caller, clusterId).orElseThrow(() -> new NotFoundException("Cluster"));
    }

    private Cluster administeredCluster(Connection c, Caller caller, UUID clusterId) throws SQLException {
        Cluster cluster = readableCluster(c, caller, clusterId);
        if (!caller.administers(cluster.associationId())) {
            throw new ForbiddenException("Only an admin of the cluster's association may change its members");
        }
        return cluster;
    }

    // ---- shared rules -----------------------------------------------------------------------

    /**
     * The association a new record goes to: the caller's own; a platform admin may name another,
     * which must exist. Naming a foreign association without being platform admin is refused
     * rather than silently ignored, so a client never believes it wrote somewhere it did not.
     */
    private static UUID targetAssociation(Connection c, Caller caller, UUID requested) throws SQLException {
        if (caller.isPlatformAdmin()) {
            UUID association = requested != null ? requested : caller.associationId();
            if (association == null) {
                throw new ValidationException("associationId", "is required");
            }
            requireAssociation(c, association);
            return association;
        }
        if (requested != null && !requested.equals(caller.associationId())) {
            throw new ForbiddenException("Only a platform admin may create records in another association");
        }
        if (!caller.administers(caller.associationId())) {
            throw new ForbiddenException("Only an association admin may create records");
        }
        return caller.associationId();
    }

    /** Only a platform admin moves a record to another association. */
    private static UUID movedAssociation(Connection c, Caller caller, UUID current, UUID requested) throws SQLException {
        if (requested == null || requested.equals(current)) {
            return current;
        }
        if (!caller.isPlatformAdmin()) {
            throw new ForbiddenException("Only a platform admin may move a record to another association");
        }
        requireAssociation(c, requested);
        return requested;
    }

    private static void requireAssociation(Connection c, UUID association) throws SQLException {
        if (Jdbc.count(c, "SELECT COUNT(*) FROM associations WHERE id = ?", association) == 0) {
            throw new ValidationException("associationId", "is not a known association");
        }
    }

    /** Turns a unique-key race on national ids (two requests at once) into the same 409 as the check. */
    private static <T> T write(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw new ConflictException("A national id is already registered");
            }
            throw e;
        }
    }

    private static Instant now() {
        return Jdbc.now(Clock.systemUTC());
    }
}
