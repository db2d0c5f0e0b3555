package eu.danubia.c2b.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.Cluster;
import eu.danubia.api.ConflictException;
import eu.danubia.api.DanubiaException;
import eu.danubia.api.ForbiddenException;
import eu.danubia.api.Membership;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.Organisation;
import eu.danubia.api.SizeClass;
import eu.danubia.api.ValidationException;
import eu.danubia.api.Validator;
import eu.danubia.api.cooperation.ActivityItem;
import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationListener;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.notification.NotificationService;
import eu.danubia.api.security.AccountService;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.api.security.UserAccount;
import eu.danubia.store.Database;
import eu.danubia.store.TenantScope;
import eu.danubia.store.Jdbc;
import eu.danubia.store.StoreException;

/**
 * The C2B/B2C mode: the clusters' service catalogue, the requests businesses send to clusters
 * (for a service, or to join), the clusters' answers, and the cluster admins' member list.
 *
 * <p>Every rule is decided here and in {@link Access} from the {@link Caller}: a record the caller
 * may not read is missing (404), one it may read but not change is forbidden (403), an action in
 * the wrong status a conflict (409). Clusters and organisations come from the directory: a
 * published service is seen by whoever the directory lets see its cluster.
 */
@Component(service = C2bService.class, immediate = true)
public class C2bService {

    static final String MODULE = "c2b";
    static final int LIST_MAX = 500;
    /** How many pages of LIST_MAX published services a catalogue reads at most to fill one list. */
    static final int PUBLISHED_PAGES = 20;
    static final String DUPLICATE = "Your organisation already has an open request of this kind here";
    private static final Set<SizeClass> SME = Set.of(SizeClass.MICRO, SizeClass.SMALL, SizeClass.MEDIUM);

    private static final Logger LOG = LoggerFactory.getLogger(C2bService.class);

    private final Database db;
    private final DirectoryService directory;
    private final Clock clock;
    private final ServiceRepository services = new ServiceRepository();
    private final RequestRepository requests = new RequestRepository();
    private final Notifier notifier = new Notifier(() -> this.notifications);
    private final CooperationEvents cooperationEvents = new CooperationEvents(() -> this.cooperationListeners);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile NotificationService notifications;

    /** Checks that a cluster contact still speaks for the cluster before telling it; without it all are told. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AccountService accounts;

    /** Told after a request or an acceptance was committed (the indicators). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<CooperationListener> cooperationListeners = List.of();

    @Activate
    public C2bService(@Reference Database db, @Reference DirectoryService directory) {
        this(db, directory, Clock.systemUTC());
    }

    C2bService(Database db, DirectoryService directory, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.clock = clock;
        db.migrate(MODULE, C2bService.class.getClassLoader());
    }

    // ---- services -----------------------------------------------------------------------------

    /**
     * Without {@code mine}: the PUBLISHED services of the clusters the caller may see. With it: the
     * services the caller manages, in every status.
     */
    public List<ClusterService> services(Caller caller, ServiceFilter filter, boolean mine) {
        ServiceFilter f = clean(filter);
        if (mine) {
            caller.requireLoggedIn();
            List<StoredService> rows = db.read(c -> services.managed(c, Access.managedSql(caller), f, LIST_MAX));
            return views(caller, rows, new Clusters(caller));
        }
        // the directory decides which clusters the caller sees: read on past the services of hidden clusters
        Clusters clusters = new Clusters(caller);
        List<StoredService> rows = new ArrayList<>();
        for (int page = 0; page < PUBLISHED_PAGES && rows.size() < LIST_MAX; page++) {
            int offset = page * LIST_MAX;
            List<StoredService> read = db.read(c -> services.published(c, f, LIST_MAX, offset));
            read.stream().filter(s -> clusters.readable(s.clusterId())).limit(LIST_MAX - rows.size()).forEach(rows::add);
            if (read.size() < LIST_MAX) {
                break;
            }
        }
        return views(caller, rows, clusters);
    }

    public ClusterService service(Caller caller, UUID id) {
        Clusters clusters = new Clusters(caller);
        return view(caller, readableService(caller, id, clusters), clusters);
    }

    public ClusterService createService(Caller caller, ServiceInput in) {
        caller.requireLoggedIn();
        ServiceInput input = ValidationException.requireBody(in);
        Validator v = new Validator();
        UUID clusterId = v.uuid("clusterId", input.clusterId());
        v.required("clusterId", Validator.text(input.clusterId()));
        Cluster cluster = clusterId == null ? null : directory.cluster(caller, clusterId).orElse(null);
        v.that(clusterId == null || cluster != null, "clusterId", "is not a known cluster");
        Content content = content(v, input);
        if (cluster != null && !Access.managesServices(caller, cluster)) {
            throw new ForbiddenException("Only the admins of the cluster's association and its cluster office may add "
                    + "services to this cluster");
        }
        v.check();
        Instant now = now();
        StoredService s = content.stored(UUID.randomUUID(), cluster, caller.userId(), now, now,
                content.status == ServiceStatus.PUBLISHED ? now : null);
        db.transaction(c -> {
            services.insert(c, s);
            rememberContact(c, caller, cluster.id(), now);
            return null;
        });
        return service(caller, s.id());
    }

    public ClusterService updateService(Caller caller, UUID id, ServiceInput in) {
        caller.requireLoggedIn();
        ServiceInput input = ValidationException.requireBody(in);
        StoredService current = manageableService(caller, id, "edit");
        Validator v = new Validator();
        UUID clusterId = v.uuid("clusterId", input.clusterId());
        v.that(clusterId == null || clusterId.equals(current.clusterId()), "clusterId",
                "cannot be changed; create the service in the other cluster");
        Content content = content(v, input);
        v.check();
        Cluster cluster = directory.cluster(Caller.SYSTEM, current.clusterId())
                .orElseThrow(() -> new ConflictException("The service's cluster no longer exists"));
        Instant now = now();
        Instant publishedAt = content.status == ServiceStatus.PUBLISHED
                ? (current.status() == ServiceStatus.PUBLISHED && current.publishedAt() != null ? current.publishedAt() : now)
                : current.publishedAt();
        StoredService updated = content.stored(id, cluster, current.createdBy(), current.createdAt(), now, publishedAt);
        db.transaction(c -> {
            services.update(c, updated);
            rememberContact(c, caller, cluster.id(), now);
            return null;
        });
        return service(caller, id);
    }

    /** DELETE: archives; requests keep pointing at it. Archiving an archived service changes nothing. */
    public ClusterService archiveService(Caller caller, UUID id) {
        caller.requireLoggedIn();
        manageableService(caller, id, "archive");
        db.transaction(c -> services.archive(c, id, now()));
        return service(caller, id);
    }

    private StoredService manageableService(Caller caller, UUID id, String what) {
        StoredService s = readableService(caller, id, new Clusters(caller));
        if (!Access.managesServices(caller, s)) {
            throw new ForbiddenException("Only the admins of the cluster's association and its cluster office may "
                    + what + " this service");
        }
        return s;
    }

    /** PUBLISHED and its cluster visible to the caller, or any status for those who manage it; else 404. */
    private StoredService readableService(Caller caller, UUID id, Clusters clusters) {
        StoredService s = db.read(c -> services.find(c, id)).orElseThrow(() -> new NotFoundException("Service"));
        if (Access.managesServices(caller, s)
                || s.status() == ServiceStatus.PUBLISHED && clusters.readable(s.clusterId())) {
            return s;
        }
        throw new NotFoundException("Service");
    }

    /** The checked fields of a service body. */
    private record Content(ServiceCategory category, String title, String description, PriceModel priceModel,
            java.math.BigDecimal amount, String currency, Eligibility eligibility, List<String> countries,
            List<String> languages, ServiceStatus status) {

        StoredService stored(UUID id, Cluster cluster, UUID createdBy, Instant createdAt, Instant updatedAt,
                Instant publishedAt) {
            return new StoredService(id, cluster.id(), cluster.associationId(), cluster.managingOrganisationId(),
                    cluster.country(), category, title, description, priceModel, amount, currency, eligibility, countries,
                    languages, status, createdBy, createdAt, updatedAt, publishedAt);
        }
    }

    private static Content content(Validator v, ServiceInput in) {
        ServiceCategory category = v.oneOf("category", in.category(), ServiceCategory.class);
        v.required("category", Validator.text(in.category()));
        String title = Validator.text(in.title());
        v.required("title", title).maxLength("title", title, Inputs.TITLE_MAX);
        String description = Validator.text(in.description());
        v.required("description", description).maxLength("description", description, Inputs.DESCRIPTION_MAX);
        PriceModel price = v.oneOf("priceModel", in.priceModel(), PriceModel.class);
        v.required("priceModel", Validator.text(in.priceModel()));
        java.math.BigDecimal amount = Inputs.amount(v, "priceAmount", in.priceAmount());
        String currency = Inputs.currency(v, "currency", in.currency());
        if (price == PriceModel.FIXED_FEE) {
            v.required("priceAmount", Validator.text(in.priceAmount())).required("currency", currency);
        } else if (price != null) {
            v.that(amount == null, "priceAmount", "is only given with the price model FIXED_FEE");
            v.that(currency == null, "currency", "is only given with the price model FIXED_FEE");
        }
        Eligibility eligibility = v.oneOf("eligibility", in.eligibility(), Eligibility.class);
        List<String> countries = Inputs.countries(v, "countries", in.countries());
        List<String> languages = Inputs.languages(v, "languages", in.languages());
        ServiceStatus status = v.oneOf("status", in.status(), ServiceStatus.class);
        v.that(status != ServiceStatus.ARCHIVED, "status", "must be DRAFT or PUBLISHED; archive with DELETE");
        return new Content(category, title, description, price, amount, currency,
                eligibility == null ? Eligibility.ANY : eligibility, countries, languages,
                status == null ? ServiceStatus.DRAFT : status);
    }

    private List<ClusterService> views(Caller caller, List<StoredService> rows, Clusters clusters) {
        List<ClusterService> out = new ArrayList<>(rows.size());
        for (StoredService s : rows) {
            out.add(view(caller, s, clusters));
        }
        return out;
    }

    private ClusterService view(Caller caller, StoredService s, Clusters clusters) {
        return new ClusterService(s.id(), s.clusterId(), clusters.name(s.clusterId()), s.clusterCountry(), s.category(),
                s.title(), s.description(), s.priceModel(), s.priceAmount(), s.currency(), s.eligibility(), s.countries(),
                s.languages(), s.status(), s.createdAt(), s.updatedAt(), s.publishedAt(), Access.managesServices(caller, s));
    }

    // ---- requests -----------------------------------------------------------------------------

    public ServiceRequest submit(Caller caller, RequestInput in) {
        caller.requireLoggedIn();
        RequestInput input = ValidationException.requireBody(in);
        Validator v = new Validator();
        RequestKind kind = v.oneOf("kind", input.kind(), RequestKind.class);
        UUID serviceId = v.uuid("serviceId", input.serviceId());
        UUID clusterId = v.uuid("clusterId", input.clusterId());
        if (kind == null && Validator.text(input.kind()) == null) {
            kind = serviceId != null ? RequestKind.SERVICE_REQUEST : RequestKind.MEMBERSHIP_APPLICATION;
        }
        String message = Validator.text(input.message());
        v.maxLength("message", message, Inputs.MESSAGE_MAX);
        if (kind == RequestKind.SERVICE_REQUEST) {
            v.required("serviceId", Validator.text(input.serviceId())).required("message", message);
        } else if (kind == RequestKind.MEMBERSHIP_APPLICATION) {
            v.required("clusterId", Validator.text(input.clusterId()));
            v.that(serviceId == null, "serviceId", "is not given with a membership application");
        }
        Organisation organisation = actingFor(caller, v, input.organisationId());
        v.check();

        Clusters clusters = new Clusters(caller);
        StoredService service = null;
        Cluster cluster;
        if (kind == RequestKind.SERVICE_REQUEST) {
            service = readableService(caller, serviceId, clusters);
            if (clusterId != null && !clusterId.equals(service.clusterId())) {
                throw new ValidationException("clusterId", "is not the service's cluster");
            }
            if (service.status() != ServiceStatus.PUBLISHED) {
                throw new ConflictException("Only published services can be requested");
            }
            cluster = clusters.cluster(service.clusterId()).orElseThrow(() -> new NotFoundException("Service"));
        } else {
            cluster = clusters.visible(clusterId).orElseThrow(() -> new NotFoundException("Cluster"));
        }
        boolean member = isMember(organisation.id(), cluster.id());
        if (kind == RequestKind.SERVICE_REQUEST) {
            checkEligible(service, organisation, member);
        } else if (member) {
            throw new ConflictException("Your organisation is already a member of this cluster");
        }
        StoredRequest r = new StoredRequest(UUID.randomUUID(), kind, cluster.id(), cluster.associationId(),
                cluster.managingOrganisationId(), service == null ? null : service.id(), organisation.id(),
                organisation.associationId(), caller.userId(), caller.email(), message, RequestStatus.SUBMITTED, null,
                null, now(), null);
        try {
            db.transaction(c -> {
                if (requests.openExists(c, r.openKey())) {
                    throw new ConflictException(DUPLICATE);
                }
                requests.insert(c, r);
                return null;
            });
        } catch (StoreException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw new ConflictException(DUPLICATE);
            }
            throw e;
        }
        String about = Notifier.about(r, service == null ? null : service.title(), cluster.name());
        notifier.received(contacts(cluster), r, about, organisation.name());
        cooperationEvents.recorded(CooperationEvents.interest(r));
        return view(caller, r, new Names(clusters));
    }

    /** Members only: a member of the cluster; SME: a micro, small or medium organisation; and the countries. */
    private static void checkEligible(StoredService s, Organisation o, boolean member) {
        if (s.eligibility() == Eligibility.MEMBERS && !member) {
            throw new ForbiddenException("This service is for members of the cluster only; apply for membership first");
        }
        if (s.eligibility() == Eligibility.SME && (o.sizeClass() == null || !SME.contains(o.sizeClass()))) {
            throw new ForbiddenException(o.sizeClass() == null
                    ? "This service is for SMEs only, and your organisation's size class is not known: set it in the directory"
                    : "This service is for SMEs only (micro, small and medium enterprises)");
        }
        if (!s.countries().isEmpty() && !s.countries().contains(o.country())) {
            throw new ForbiddenException("This service is open to organisations from " + String.join(", ", s.countries())
                    + " only");
        }
    }

    /** {@code box} IN: requests to the caller's clusters; OUT: its organisation's; null: both, IN first for duplicates. */
    public List<ServiceRequest> requests(Caller caller, ServiceRequest.Box box) {
        caller.requireLoggedIn();
        List<StoredRequest> in = box == ServiceRequest.Box.OUT ? List.of()
                : db.read(c -> requests.list(c, Access.inboxSql(caller), LIST_MAX));
        List<StoredRequest> out = box == ServiceRequest.Box.IN ? List.of()
                : db.read(c -> requests.list(c, TenantScope.side(caller, "r.organisation_id", "r.organisation_association_id"), LIST_MAX));
        Map<UUID, StoredRequest> all = new LinkedHashMap<>();
        in.forEach(r -> all.putIfAbsent(r.id(), r));
        out.forEach(r -> all.putIfAbsent(r.id(), r));
        Names names = new Names(new Clusters(caller));
        List<ServiceRequest> views = new ArrayList<>();
        for (StoredRequest r : all.values()) {
            views.add(view(caller, r, names, box));
        }
        views.sort(Comparator.comparing(ServiceRequest::createdAt).reversed().thenComparing(ServiceRequest::id));
        return views;
    }

    public ServiceRequest request(Caller caller, UUID id) {
        caller.requireLoggedIn();
        return view(caller, readableRequest(caller, id), new Names(new Clusters(caller)));
    }

    public ServiceRequest accept(Caller caller, UUID id, AnswerInput in) {
        return answer(caller, id, RequestStatus.ACCEPTED, in);
    }

    public ServiceRequest decline(Caller caller, UUID id, AnswerInput in) {
        return answer(caller, id, RequestStatus.DECLINED, in);
    }

    /** The requester's side takes back an open request; the cluster's contacts are told. */
    public ServiceRequest withdraw(Caller caller, UUID id, AnswerInput in) {
        caller.requireLoggedIn();
        StoredRequest r = readableRequest(caller, id);
        if (!Access.requesterWrites(caller, r)) {
            throw new ForbiddenException("Only the requesting organisation and its association's admins may withdraw it");
        }
        String note = Validator.text(in == null ? null : in.answer());
        new Validator().maxLength("answer", note, Inputs.MESSAGE_MAX).check();
        StoredRequest after = close(r, RequestStatus.WITHDRAWN, note, caller);
        Names names = new Names(new Clusters(Caller.SYSTEM));
        directory.cluster(Caller.SYSTEM, r.clusterId()).ifPresent(cluster -> notifier.withdrawn(contacts(cluster), after,
                Notifier.about(after, names.service(after.serviceId()), cluster.name()),
                names.organisation(after.organisationId()).map(Organisation::name).orElse(null)));
        return view(caller, after, new Names(new Clusters(caller)));
    }

    private ServiceRequest answer(Caller caller, UUID id, RequestStatus to, AnswerInput in) {
        caller.requireLoggedIn();
        StoredRequest r = readableRequest(caller, id);
        if (!Access.clusterSide(caller, r)) {
            throw new ForbiddenException("Only an admin of the cluster's association may answer this request");
        }
        String answer = Validator.text(in == null ? null : in.answer());
        Validator v = new Validator().maxLength("answer", answer, Inputs.MESSAGE_MAX);
        if (to == RequestStatus.DECLINED) {
            v.required("answer", answer);
        }
        v.check();
        if (r.status() != RequestStatus.SUBMITTED) {
            throw new ConflictException("Only submitted requests can be answered");
        }
        StoredRequest after;
        if (to == RequestStatus.ACCEPTED && r.kind() == RequestKind.MEMBERSHIP_APPLICATION) {
            after = acceptMembership(caller, r, answer);
        } else {
            after = close(r, to, answer, caller);
        }
        db.transaction(c -> {
            rememberContact(c, caller, r.clusterId(), now());
            return null;
        });
        Names names = new Names(new Clusters(Caller.SYSTEM));
        notifier.answered(after, Notifier.about(after, names.service(after.serviceId()), names.cluster(after.clusterId())),
                to == RequestStatus.ACCEPTED);
        if (to == RequestStatus.ACCEPTED) {
            cooperationEvents.recorded(CooperationEvents.agreement(after));
        }
        return view(caller, after, new Names(new Clusters(caller)));
    }

    /**
     * Adds the organisation through the directory, as the accepting admin, and only then closes the
     * request. When the directory refuses, nothing changes and the admin is told why. When the
     * request was closed meanwhile (withdrawn), a membership this acceptance added is taken back.
     */
    private StoredRequest acceptMembership(Caller caller, StoredRequest r, String answer) {
        boolean wasMember = isMember(r.organisationId(), r.clusterId());
        try {
            directory.addMember(caller, r.clusterId(), r.organisationId(), today());
        } catch (NotFoundException e) {
            throw new ConflictException("The directory refused the membership: your association cannot see the "
                    + "applicant's organisation (it belongs to another association and is not public), so it cannot be "
                    + "listed as a member. Ask the organisation to make its directory entry public, or decline.");
        } catch (DanubiaException e) {
            throw new ConflictException("The directory refused the membership: " + e.getMessage());
        }
        try {
            return close(r, RequestStatus.ACCEPTED, answer, caller);
        } catch (RuntimeException e) {
            if (!wasMember) {
                try {
                    directory.removeMember(caller, r.clusterId(), r.organisationId());
                } catch (RuntimeException undo) {
                    LOG.warn("Could not take back the membership of {} in cluster {} after a failed acceptance: {}",
                            r.organisationId(), r.clusterId(), undo.toString());
                }
            }
            throw e;
        }
    }

    private StoredRequest close(StoredRequest r, RequestStatus to, String answer, Caller by) {
        return db.transaction(c -> {
            if (!requests.close(c, r.id(), to, answer, by.userId(), now())) {
                throw new ConflictException(to == RequestStatus.WITHDRAWN ? "Only submitted requests can be withdrawn"
                        : "Only submitted requests can be answered");
            }
            return requests.find(c, r.id()).orElseThrow();
        });
    }

    private StoredRequest readableRequest(Caller caller, UUID id) {
        return db.read(c -> requests.find(c, id)).filter(r -> Access.readsRequest(caller, r))
                .orElseThrow(() -> new NotFoundException("Request"));
    }

    private ServiceRequest view(Caller caller, StoredRequest r, Names names) {
        return view(caller, r, names, null);
    }

    private ServiceRequest view(Caller caller, StoredRequest r, Names names, ServiceRequest.Box listed) {
        boolean clusterSide = Access.clusterSide(caller, r);
        ServiceRequest.Box box = listed != null ? listed : clusterSide ? ServiceRequest.Box.IN : ServiceRequest.Box.OUT;
        Optional<Organisation> org = names.organisation(r.organisationId());
        boolean open = r.status() == RequestStatus.SUBMITTED;
        return new ServiceRequest(r.id(), r.kind(), r.clusterId(), names.cluster(r.clusterId()), r.serviceId(),
                names.service(r.serviceId()), r.organisationId(), org.map(Organisation::name).orElse(null),
                org.map(Organisation::country).orElse(null), r.message(), r.status(), r.answer(), r.createdAt(),
                r.answeredAt(), box, clusterSide ? r.requesterEmail() : null, open && clusterSide,
                open && Access.requesterWrites(caller, r));
    }

    // ---- members ------------------------------------------------------------------------------

    /** The cluster's members, for the admins of its association; 404 when the cluster is not visible, else 403. */
    public List<Member> members(Caller caller, UUID clusterId) {
        Cluster cluster = administeredCluster(caller, clusterId);
        List<Member> out = new ArrayList<>();
        for (Membership m : directory.members(caller, cluster.id())) {
            String country = directory.organisation(Caller.SYSTEM, m.organisationId()).map(Organisation::country)
                    .orElse(null);
            out.add(new Member(m.organisationId(), m.organisationName(), country, m.since()));
        }
        return out;
    }

    public void removeMember(Caller caller, UUID clusterId, UUID organisationId) {
        Cluster cluster = administeredCluster(caller, clusterId);
        if (organisationId == null || !isMember(organisationId, cluster.id())) {
            throw new NotFoundException("Member");
        }
        directory.removeMember(caller, cluster.id(), organisationId);
    }

    /** What the cluster page needs to know about the caller and a cluster. */
    public record ClusterInfo(UUID id, String name, String country, String description, String website,
            List<String> sectors, int memberCount, boolean managesServices, boolean administers, Boolean member) {
    }

    public ClusterInfo cluster(Caller caller, UUID clusterId) {
        Cluster k = new Clusters(caller).visible(clusterId).orElseThrow(() -> new NotFoundException("Cluster"));
        Boolean member = caller.organisationId() == null ? null : isMember(caller.organisationId(), k.id());
        return new ClusterInfo(k.id(), k.name(), k.country(), k.description(), k.website(), k.sectors(), k.memberCount(),
                Access.managesServices(caller, k), !caller.isAnonymous() && caller.administers(k.associationId()), member);
    }

    private Cluster administeredCluster(Caller caller, UUID clusterId) {
        caller.requireLoggedIn();
        Cluster cluster = new Clusters(caller).visible(clusterId).orElseThrow(() -> new NotFoundException("Cluster"));
        if (!caller.administers(cluster.associationId())) {
            throw new ForbiddenException("Only an admin of the cluster's association manages its members");
        }
        return cluster;
    }

    // ---- cross-mode views -----------------------------------------------------------------------

    /** Every request and acceptance involving the organisations, for indicators (not tenant-scoped). */
    public List<Cooperation> cooperations(java.util.Collection<UUID> organisationIds) {
        if (organisationIds == null || organisationIds.isEmpty()) {
            return List.of();
        }
        return db.read(c -> requests.cooperations(c, organisationIds));
    }

    /**
     * The organisation's requests and, for a cluster office, the services of its clusters, newest
     * first: only what the caller may read.
     */
    public List<ActivityItem> activity(Caller caller, UUID organisationId, int limit) {
        if (organisationId == null || limit <= 0) {
            return List.of();
        }
        int n = Math.min(limit, LIST_MAX);
        Clusters clusters = new Clusters(caller);
        Names names = new Names(clusters);
        List<ActivityItem> items = new ArrayList<>();
        for (StoredRequest r : db.read(c -> requests.ofOrganisation(c, organisationId, LIST_MAX))) {
            if (Access.readsRequest(caller, r)) {
                String title = r.kind() == RequestKind.SERVICE_REQUEST ? names.service(r.serviceId())
                        : "Membership of " + names.cluster(r.clusterId());
                items.add(new ActivityItem(r.kind().label(), title, r.status().name(),
                        r.answeredAt() != null ? r.answeredAt() : r.createdAt(), Notifier.requestLink(r.id())));
            }
        }
        for (StoredService s : db.read(c -> services.ofProvider(c, organisationId, LIST_MAX))) {
            if (Access.managesServices(caller, s)
                    || s.status() == ServiceStatus.PUBLISHED && clusters.readable(s.clusterId())) {
                items.add(new ActivityItem("Cluster service: " + s.category().label(), s.title(), s.status().name(),
                        s.updatedAt(), "#/c2b/services/" + s.id()));
            }
        }
        items.sort(Comparator.comparing(ActivityItem::at).reversed());
        return items.size() > n ? List.copyOf(items.subList(0, n)) : items;
    }

    // ---- shared -------------------------------------------------------------------------------

    /**
     * The organisation the caller acts for: a member's own, or the one an admin names (of its
     * association; platform admins any). Problems with the named id go to the validator.
     */
    private Organisation actingFor(Caller caller, Validator v, String requestedId) {
        boolean admin = caller.isAdmin();
        if (!admin && !(caller.has(Role.MEMBER) && caller.organisationId() != null)) {
            throw new ForbiddenException("Only members acting for an organisation and association admins may send requests");
        }
        Validator own = new Validator();
        UUID requested = own.uuid("organisationId", requestedId);
        try {
            own.check();
        } catch (ValidationException e) {
            e.errors().forEach((field, problem) -> v.that(false, field, problem));
            return null;
        }
        if (!admin && requested != null && !requested.equals(caller.organisationId())) {
            throw new ForbiddenException("You may send requests only for your own organisation");
        }
        UUID id = requested != null ? requested : caller.organisationId();
        if (id == null) {
            v.that(false, "organisationId", "is required: name the organisation of your association you act for");
            return null;
        }
        Optional<Organisation> org = directory.organisation(Caller.SYSTEM, id);
        if (org.isEmpty()) {
            v.that(false, "organisationId", "is not a known organisation");
            return null;
        }
        if (!caller.writesFor(org.get().id(), org.get().associationId())) {
            throw new ForbiddenException("You may send requests only for organisations of your association");
        }
        return org.get();
    }

    private boolean isMember(UUID organisationId, UUID clusterId) {
        return directory.clustersOf(Caller.SYSTEM, organisationId).stream().anyMatch(k -> k.id().equals(clusterId));
    }

    /**
     * Whom a request to the cluster is told to: the active admins of the cluster's association (they
     * answer requests) and the users who edited its services or answered its requests, still speaking
     * for it. Without the account service only the latter, unchecked.
     */
    private List<RequestRepository.Contact> contacts(Cluster cluster) {
        List<RequestRepository.Contact> all = db.read(c -> requests.contacts(c, cluster.id()));
        AccountService a = accounts;
        if (a == null) {
            return all;
        }
        Map<UUID, RequestRepository.Contact> out = new LinkedHashMap<>();
        try {
            for (UserAccount admin : a.activeAdmins(cluster.associationId())) {
                out.put(admin.id(), new RequestRepository.Contact(admin.id(), admin.email(), admin.associationId()));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not list the admins of association {}: {}", cluster.associationId(), e.toString());
        }
        for (RequestRepository.Contact contact : all) {
            if (out.containsKey(contact.userId())) {
                continue;
            }
            try {
                Optional<UserAccount> user = contact.email() == null ? Optional.empty()
                        : a.userByEmail(Caller.SYSTEM, contact.email());
                if (user.isPresent() && user.get().active() && user.get().id().equals(contact.userId())
                        && speaksFor(user.get(), cluster)) {
                    out.put(contact.userId(), contact);
                }
            } catch (RuntimeException e) {
                LOG.debug("Could not check the cluster contact {}: {}", contact.userId(), e.toString());
            }
        }
        return List.copyOf(out.values());
    }

    private static boolean speaksFor(UserAccount u, Cluster k) {
        Caller as = new Caller(u.id(), u.email(), u.associationId(), u.organisationId(), u.roles());
        return Access.managesServices(as, k) || as.administers(k.associationId());
    }

    private void rememberContact(Connection c, Caller caller, UUID clusterId, Instant now) throws SQLException {
        if (caller.isAnonymous() || Caller.SYSTEM.userId().equals(caller.userId())) {
            return;
        }
        requests.putContact(c, clusterId, new RequestRepository.Contact(caller.userId(), caller.email(),
                caller.associationId()), now);
    }

    private static ServiceFilter clean(ServiceFilter filter) {
        if (filter == null) {
            return new ServiceFilter(null, null, null, null);
        }
        String country = Validator.text(filter.country());
        country = country == null ? null : country.toUpperCase(Locale.ROOT);
        new Validator().country("country", country).check();
        return new ServiceFilter(Validator.text(filter.q()), filter.category(), country, filter.clusterId());
    }

    /** The clusters one call looks at, each asked of the directory once, as the caller and as the platform. */
    private final class Clusters {
        private final Caller caller;
        private final Map<UUID, Optional<Cluster>> visible = new HashMap<>();
        private final Map<UUID, Optional<Cluster>> any = new HashMap<>();

        Clusters(Caller caller) {
            this.caller = caller;
        }

        Optional<Cluster> visible(UUID id) {
            return id == null ? Optional.empty() : visible.computeIfAbsent(id, k -> directory.cluster(caller, k));
        }

        boolean readable(UUID id) {
            return visible(id).isPresent();
        }

        /** Any cluster, even one the caller may not read (names on requests); a visible one is not read again. */
        Optional<Cluster> cluster(UUID id) {
            if (id == null) {
                return Optional.empty();
            }
            Optional<Cluster> seen = visible.get(id);
            return seen != null && seen.isPresent() ? seen : any.computeIfAbsent(id, k -> directory.cluster(Caller.SYSTEM, k));
        }

        String name(UUID id) {
            return cluster(id).map(Cluster::name).orElse(null);
        }
    }

    /** Names for request views: clusters, services and organisations, each read once. */
    private final class Names {
        private final Clusters clusters;
        private final Map<UUID, String> services = new HashMap<>();
        private final Map<UUID, Optional<Organisation>> organisations = new HashMap<>();

        Names(Clusters clusters) {
            this.clusters = clusters;
        }

        String cluster(UUID id) {
            return clusters.name(id);
        }

        String service(UUID id) {
            if (id == null) {
                return null;
            }
            return services.computeIfAbsent(id, k -> db.read(c -> C2bService.this.services.find(c, k))
                    .map(StoredService::title).orElse(null));
        }

        Optional<Organisation> organisation(UUID id) {
            return organisations.computeIfAbsent(id, k -> {
                try {
                    return directory.organisation(Caller.SYSTEM, k);
                } catch (RuntimeException e) {
                    LOG.warn("Could not read organisation {} from the directory: {}", k, e.toString());
                    return Optional.empty();
                }
            });
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return Jdbc.now(clock);
    }
}
