package eu.danubia.c2c.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

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
import eu.danubia.api.ForbiddenException;
import eu.danubia.api.Membership;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.Page;
import eu.danubia.api.PageRequest;
import eu.danubia.api.ValidationException;
import eu.danubia.api.Validator;
import eu.danubia.api.Visibility;
import eu.danubia.api.cooperation.ActivityItem;
import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationListener;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.directory.DirectoryService.ClusterFilter;
import eu.danubia.api.matching.Classification;
import eu.danubia.api.matching.MatchingService;
import eu.danubia.api.notification.NotificationService;
import eu.danubia.api.security.AccountService;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;

/**
 * The C2C cooperation mode: cluster profiles, partnership proposals between clusters and their
 * workflow, and complementary clusters of other regions.
 *
 * <p>Every rule is decided here from the {@link Caller}, never from the request: a record the
 * caller may not read is reported as missing (404), one it may read but not change as forbidden
 * (403), an action in the wrong status as a conflict (409). Clusters are read through
 * {@link DirectoryService} as the caller, so the directory's tenant rules hold here too.
 */
@Component(service = C2cService.class, immediate = true)
public class C2cService {

    static final String MODULE = "c2c";
    static final int TITLE_MAX = 200;
    static final int MESSAGE_MAX = 4000;
    static final int INTERESTS_MAX = 4000;
    static final int SERVICE_MAX = 200;
    static final int LIST_MAX = 20;
    static final int COMPLEMENTARY_DEFAULT = 10;
    static final int COMPLEMENTARY_MAX = 50;
    static final String DUPLICATE = "An open proposal of this type already exists between these two clusters";

    private static final Logger LOG = LoggerFactory.getLogger(C2cService.class);
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final int CLASSIFY_CACHE_MAX = 2000;

    /** A proposal action: the status it starts from, the one it leads to, and which side may take it. */
    enum Action {
        ACCEPT(ProposalStatus.PROPOSED, ProposalStatus.ACCEPTED, Side.TARGET, "Only proposals awaiting an answer can be accepted"),
        DECLINE(ProposalStatus.PROPOSED, ProposalStatus.DECLINED, Side.TARGET, "Only proposals awaiting an answer can be declined"),
        WITHDRAW(ProposalStatus.PROPOSED, ProposalStatus.WITHDRAWN, Side.PROPOSING, "Only proposals awaiting an answer can be withdrawn"),
        START(ProposalStatus.ACCEPTED, ProposalStatus.ACTIVE, Side.EITHER, "Only accepted proposals can be started"),
        END(ProposalStatus.ACTIVE, ProposalStatus.ENDED, Side.EITHER, "Only active partnerships can be ended");

        enum Side {
            PROPOSING, TARGET, EITHER
        }

        final ProposalStatus from;
        final ProposalStatus to;
        final Side side;
        final String wrongState;

        Action(ProposalStatus from, ProposalStatus to, Side side, String wrongState) {
            this.from = from;
            this.to = to;
            this.side = side;
            this.wrongState = wrongState;
        }

        boolean allowed(Caller caller, StoredProposal p) {
            return switch (side) {
                case PROPOSING -> Access.onProposingSide(caller, p);
                case TARGET -> Access.onTargetSide(caller, p);
                case EITHER -> Access.readsProposal(caller, p);
            };
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Database db;
    private final DirectoryService directory;
    private final Clock clock;
    private final ProfileRepository profiles = new ProfileRepository();
    private final ProposalRepository proposals = new ProposalRepository();
    private final Notifier notifier;
    private final CooperationEvents cooperationEvents = new CooperationEvents(() -> this.cooperationListeners);
    private final Map<String, Classification> classified = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile NotificationService notifications;

    /** When present, complementary clusters get a semantic reason from its classifier. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MatchingService matching;

    /** Only to find the association admins to notify; without it only the users who acted are told. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AccountService accounts;

    /** Told after a proposal or an acceptance was committed (the indicators). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<CooperationListener> cooperationListeners = List.of();

    @Activate
    public C2cService(@Reference Database db, @Reference DirectoryService directory) {
        this(db, directory, Clock.systemUTC(), null);
    }

    /** @param admins who administers an association, for notifications; null: asked from the account service */
    C2cService(Database db, DirectoryService directory, Clock clock,
            Function<UUID, List<AssociationAdmins.Recipient>> admins) {
        this.db = db;
        this.directory = directory;
        this.clock = clock;
        this.notifier = new Notifier(() -> this.notifications,
                admins != null ? admins : new AssociationAdmins(() -> this.accounts));
        db.migrate(MODULE, C2cService.class.getClassLoader());
    }

    // ---- cluster profiles -------------------------------------------------------------------

    public List<EmergingIndustry.Option> emergingIndustries() {
        return Arrays.stream(EmergingIndustry.values()).map(e -> new EmergingIndustry.Option(e.name(), e.label()))
                .toList();
    }

    /**
     * The clusters the caller may read with their profiles, by name. {@code q} matches name,
     * description, services and strategic interests (every word somewhere); {@code sector} is a NACE
     * code prefix of a sector or value chain; {@code emerging} an {@link EmergingIndustry};
     * {@code mine} keeps the clusters whose profile the caller may edit.
     */
    public Page<ClusterProfile> profiles(Caller caller, String q, String country, String sector, String emerging,
            boolean mine, PageRequest page) {
        String c = Validator.text(country) == null ? null : Validator.text(country).toUpperCase(Locale.ROOT);
        String s = Validator.text(sector) == null ? null : Validator.text(sector).toUpperCase(Locale.ROOT);
        Validator v = new Validator().country("country", c);
        if (s != null) {
            v.nace("sector", List.of(s));
        }
        EmergingIndustry e = v.oneOf("emerging", emerging, EmergingIndustry.class);
        v.check();
        PageRequest p = page == null ? PageRequest.of(null, null) : page;
        List<String> words = words(q);
        EmergingIndustry wanted = e;
        List<Cluster> clusters = allClusters(caller, c).stream()
                .filter(k -> !mine || Access.editsProfile(caller, k)).toList();
        Map<UUID, StoredProfile> stored = db.read(x -> profiles.readable(x, caller, clusters.stream().map(Cluster::id).toList()));
        List<Cluster> matching = new ArrayList<>();
        for (Cluster k : clusters) {
            StoredProfile sp = stored.get(k.id());
            if (s != null && !hasSector(k, sp, s) || wanted != null && (sp == null || !sp.emergingIndustries().contains(wanted))
                    || !words.isEmpty() && !matchesWords(k, sp, words)) {
                continue;
            }
            matching.add(k);
        }
        int from = Math.min(matching.size(), p.offset());
        int to = Math.min(matching.size(), from + p.size());
        Map<UUID, OrganisationType> types = new HashMap<>();
        List<ClusterProfile> items = new ArrayList<>();
        for (Cluster k : matching.subList(from, to)) {
            items.add(view(caller, k, stored.get(k.id()), types));
        }
        return new Page<>(items, p.page(), p.size(), matching.size());
    }

    public ClusterProfile profile(Caller caller, UUID clusterId) {
        Cluster k = cluster(caller, clusterId);
        StoredProfile sp = db.read(x -> profiles.readable(x, caller, List.of(k.id()))).get(k.id());
        return view(caller, k, sp, new HashMap<>());
    }

    /** Creates or replaces the cluster's profile: its association's admins and platform admins. */
    public ClusterProfile saveProfile(Caller caller, UUID clusterId, ProfileInput in) {
        caller.requireLoggedIn();
        Cluster k = cluster(caller, clusterId);
        if (!Access.editsProfile(caller, k)) {
            throw new ForbiddenException("Only an admin of the cluster's association may edit its C2C profile");
        }
        ProfileInput input = ValidationException.requireBody(in);
        Validator v = new Validator();
        List<String> valueChains = codes(input.valueChains(), true);
        v.nace("valueChains", valueChains).that(valueChains.size() <= LIST_MAX, "valueChains", "at most " + LIST_MAX + " codes");
        List<String> services = codes(input.services(), false);
        v.that(services.size() <= LIST_MAX, "services", "at most " + LIST_MAX + " services")
                .that(services.stream().allMatch(x -> x.length() <= SERVICE_MAX), "services",
                        "each service at most " + SERVICE_MAX + " characters");
        String interests = Validator.text(input.strategicInterests());
        v.maxLength("strategicInterests", interests, INTERESTS_MAX);
        List<EmergingIndustry> emerging = new ArrayList<>();
        for (String name : codes(input.emergingIndustries(), true)) {
            try {
                emerging.add(EmergingIndustry.valueOf(name));
            } catch (IllegalArgumentException bad) {
                v.that(false, "emergingIndustries", "must hold values of " + Arrays.toString(EmergingIndustry.values())
                        + " (got '" + name + "')");
            }
        }
        List<String> languages = codes(input.languages(), false).stream().map(x -> x.toLowerCase(Locale.ROOT)).distinct().toList();
        v.that(languages.stream().allMatch(x -> LANGUAGE.matcher(x).matches()), "languages",
                "must hold ISO 639-1 codes such as en or hu").that(languages.size() <= LIST_MAX, "languages",
                        "at most " + LIST_MAX + " languages");
        Visibility vis = Objects.requireNonNullElse(v.oneOf("visibility", input.visibility(), Visibility.class),
                k.visibility());
        v.check();
        Instant now = now();
        db.transaction(x -> {
            Instant created = profiles.find(x, k.id()).map(StoredProfile::createdAt).orElse(now);
            profiles.upsert(x, new StoredProfile(k.id(), k.associationId(), vis, valueChains, services, interests,
                    emerging, languages, caller.userId(), created, now));
            return null;
        });
        return profile(caller, clusterId);
    }

    // ---- complementary clusters -------------------------------------------------------------

    public List<Complementary> complementary(Caller caller, UUID clusterId, Integer limit) {
        int n = limit == null ? COMPLEMENTARY_DEFAULT : limit;
        if (n < 1 || n > COMPLEMENTARY_MAX) {
            throw new ValidationException("limit", "must be between 1 and " + COMPLEMENTARY_MAX);
        }
        ClusterProfile base = profile(caller, clusterId);
        List<Cluster> all = allClusters(caller, null);
        Map<UUID, StoredProfile> stored = db.read(x -> profiles.readable(x, caller, all.stream().map(Cluster::id).toList()));
        // ranked without the members by type (a directory read per member), which only the results show
        Map<UUID, Cluster> byId = new HashMap<>();
        List<ClusterProfile> candidates = new ArrayList<>();
        for (Cluster k : all) {
            if (!k.id().equals(base.clusterId())) {
                byId.put(k.id(), k);
                candidates.add(view(caller, k, stored.get(k.id()), null));
            }
        }
        MatchingService engine = matching;
        Function<ClusterProfile, Classification> classifier = engine == null ? null : p -> classify(engine, p);
        Map<UUID, OrganisationType> types = new HashMap<>();
        return Complementarity.rank(base, candidates, classifier, n).stream()
                .map(c -> new Complementary(view(caller, byId.get(c.cluster().clusterId()), stored.get(c.cluster().clusterId()), types),
                        c.score(), c.reasons()))
                .toList();
    }

    /** The engine's reading of a cluster's text, cached by the text; null when the engine fails. */
    private Classification classify(MatchingService engine, ClusterProfile p) {
        String text = Complementarity.text(p);
        Classification hit = classified.get(text);
        if (hit != null) {
            return hit;
        }
        try {
            Classification c = engine.classify(text, 10);
            if (classified.size() >= CLASSIFY_CACHE_MAX) {
                classified.clear();
            }
            classified.put(text, c);
            return c;
        } catch (RuntimeException e) {
            LOG.warn("The matching engine could not classify cluster {}: {}", p.clusterId(), e.toString());
            return null;
        }
    }

    // ---- proposals --------------------------------------------------------------------------

    public Proposal propose(Caller caller, ProposalInput in) {
        caller.requireLoggedIn();
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only association admins propose cluster partnerships");
        }
        ProposalInput input = ValidationException.requireBody(in);
        Validator v = new Validator();
        Cluster from = clusterField(caller, "fromClusterId", input.fromClusterId(), v);
        Cluster to = clusterField(caller, "toClusterId", input.toClusterId(), v);
        if (from != null && !caller.administers(from.associationId())) {
            throw new ForbiddenException("Only an admin of the proposing cluster's association may propose for it");
        }
        if (from != null && to != null && from.associationId().equals(to.associationId())) {
            v.that(false, "toClusterId", "must be a cluster of another association");
        }
        ProposalType type = v.oneOf("type", input.type(), ProposalType.class);
        v.required("type", Validator.text(input.type()));
        String title = Validator.text(input.title());
        String message = Validator.text(input.message());
        v.required("title", title).maxLength("title", title, TITLE_MAX).required("message", message)
                .maxLength("message", message, MESSAGE_MAX);
        LocalDate startOn = date(v, "startOn", input.startOn());
        LocalDate endOn = date(v, "endOn", input.endOn());
        v.that(startOn == null || !startOn.isBefore(today()), "startOn", "must not be in the past")
                .that(startOn == null || endOn == null || !endOn.isBefore(startOn), "endOn", "must not be before startOn");
        v.check();
        Instant now = now();
        StoredProposal p = new StoredProposal(UUID.randomUUID(), type, ProposalStatus.PROPOSED, title, message, startOn,
                endOn, side(from), side(to), caller.userId(), caller.email(), null, null, now, now, null, null, null);
        ProposalType t = type;
        db.transaction(x -> {
            if (proposals.openExists(x, from.id(), to.id(), t)) {
                throw new ConflictException(DUPLICATE);
            }
            proposals.insert(x, p);
            return null;
        });
        notifier.received(caller, p);
        if (p.from().organisationId() != null && p.to().organisationId() != null) {
            cooperationEvents.recorded(new Cooperation(C2cMode.ID, Cooperation.Kind.INTEREST, p.id(),
                    p.from().organisationId(), p.to().organisationId(), p.createdAt()));
        }
        return view(caller, p);
    }

    /** The caller's inbox (IN), outbox (OUT) or (box null) both, newest first; association admins only. */
    public List<Proposal> proposals(Caller caller, Proposal.Box box) {
        caller.requireLoggedIn();
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only association admins see cluster partnership proposals");
        }
        Map<UUID, StoredProposal> all = new LinkedHashMap<>();
        db.read(x -> {
            if (box != Proposal.Box.OUT) {
                proposals.box(x, caller, Proposal.Box.IN).forEach(p -> all.putIfAbsent(p.id(), p));
            }
            if (box != Proposal.Box.IN) {
                proposals.box(x, caller, Proposal.Box.OUT).forEach(p -> all.putIfAbsent(p.id(), p));
            }
            return null;
        });
        List<Proposal> out = new ArrayList<>();
        for (StoredProposal p : all.values()) {
            out.add(view(caller, p));
        }
        out.sort(Comparator.comparing(Proposal::createdAt).reversed().thenComparing(Proposal::id));
        return out;
    }

    public Proposal proposal(Caller caller, UUID id) {
        caller.requireLoggedIn();
        return view(caller, readable(caller, id));
    }

    public Proposal accept(Caller caller, UUID id) {
        return act(caller, id, Action.ACCEPT);
    }

    public Proposal decline(Caller caller, UUID id) {
        return act(caller, id, Action.DECLINE);
    }

    public Proposal withdraw(Caller caller, UUID id) {
        return act(caller, id, Action.WITHDRAW);
    }

    public Proposal start(Caller caller, UUID id) {
        return act(caller, id, Action.START);
    }

    public Proposal end(Caller caller, UUID id) {
        return act(caller, id, Action.END);
    }

    private Proposal act(Caller caller, UUID id, Action action) {
        caller.requireLoggedIn();
        StoredProposal p = readable(caller, id);
        if (!action.allowed(caller, p)) {
            throw new ForbiddenException(switch (action.side) {
                case PROPOSING -> "Only an admin of the proposing cluster's association may do this";
                case TARGET -> "Only an admin of the target cluster's association may answer this proposal";
                case EITHER -> "Only the admins of the two clusters' associations may do this";
            });
        }
        if (p.status() != action.from) {
            throw new ConflictException(action.wrongState);
        }
        StoredProposal after = db.transaction(x -> {
            if (!proposals.move(x, id, action.from, action.to, caller, now())) {
                throw new ConflictException(action.wrongState);
            }
            return proposals.find(x, id).orElseThrow();
        });
        switch (action) {
            case ACCEPT -> {
                notifier.answered(caller, after, true);
                if (after.from().organisationId() != null && after.to().organisationId() != null) {
                    cooperationEvents.recorded(new Cooperation(C2cMode.ID, Cooperation.Kind.AGREEMENT, after.id(),
                            after.from().organisationId(), after.to().organisationId(), after.answeredAt()));
                }
            }
            case DECLINE -> notifier.answered(caller, after, false);
            case WITHDRAW -> notifier.withdrawn(caller, after);
            case START -> notifier.startedOrEnded(caller, after, true);
            case END -> notifier.startedOrEnded(caller, after, false);
        }
        return view(caller, after);
    }

    private StoredProposal readable(Caller caller, UUID id) {
        return db.read(x -> proposals.find(x, id)).filter(p -> Access.readsProposal(caller, p))
                .orElseThrow(() -> new NotFoundException("Proposal"));
    }

    private Proposal view(Caller caller, StoredProposal p) {
        Proposal.Box box = null;
        if (caller.associationId() != null && caller.associationId().equals(p.to().associationId())) {
            box = Proposal.Box.IN;
        } else if (caller.associationId() != null && caller.associationId().equals(p.from().associationId())) {
            box = Proposal.Box.OUT;
        }
        List<String> actions = new ArrayList<>();
        for (Action a : Action.values()) {
            if (p.status() == a.from && a.allowed(caller, p)) {
                actions.add(a.id());
            }
        }
        return new Proposal(p.id(), p.type(), p.status(), p.title(), p.message(), p.startOn(), p.endOn(),
                party(p.from()), party(p.to()), box, actions, p.createdAt(), p.updatedAt(), p.answeredAt(),
                p.startedAt(), p.endedAt());
    }

    private static Proposal.Party party(StoredProposal.Side s) {
        return new Proposal.Party(s.clusterId(), s.clusterName(), s.associationId());
    }

    private StoredProposal.Side side(Cluster k) {
        return new StoredProposal.Side(k.id(), k.name(), k.associationId(), managingOrganisation(k));
    }

    /**
     * The cluster's managing organisation, read as the platform: the caller may not see it, but the
     * cooperation record for indicators counts between organisations.
     */
    private UUID managingOrganisation(Cluster k) {
        if (k.managingOrganisationId() != null) {
            return k.managingOrganisationId();
        }
        try {
            return directory.cluster(Caller.SYSTEM, k.id()).map(Cluster::managingOrganisationId).orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the managing organisation of cluster {}: {}", k.id(), e.toString());
            return null;
        }
    }

    // ---- cooperation record and organisation activity ----------------------------------------

    /** Every proposal (an interest) and every acceptance (an agreement) of clusters these organisations manage. */
    List<Cooperation> cooperations(java.util.Collection<UUID> organisationIds) {
        List<Cooperation> out = new ArrayList<>();
        for (StoredProposal p : db.read(x -> proposals.involving(x, organisationIds))) {
            if (p.from().organisationId() == null || p.to().organisationId() == null) {
                continue;
            }
            out.add(new Cooperation(C2cMode.ID, Cooperation.Kind.INTEREST, p.id(), p.from().organisationId(),
                    p.to().organisationId(), p.createdAt()));
            if (p.answeredAt() != null && p.status() != ProposalStatus.DECLINED) {
                out.add(new Cooperation(C2cMode.ID, Cooperation.Kind.AGREEMENT, p.id(), p.from().organisationId(),
                        p.to().organisationId(), p.answeredAt()));
            }
        }
        out.sort(Comparator.comparing(Cooperation::at).thenComparing(Cooperation::kind).thenComparing(Cooperation::id));
        return out;
    }

    /**
     * An organisation's C2C items the caller may read: the profiles of the clusters it manages or is a
     * member of, and the proposals of those clusters (for the admins of either side), newest first.
     */
    public List<ActivityItem> activity(Caller caller, UUID organisationId, int limit) {
        if (organisationId == null || limit < 1) {
            return List.of();
        }
        Map<UUID, Cluster> clusters = new LinkedHashMap<>();
        for (Cluster k : directory.clustersOf(caller, organisationId)) {
            clusters.put(k.id(), k);
        }
        for (Cluster k : allClusters(caller, null)) {
            if (organisationId.equals(k.managingOrganisationId())) {
                clusters.putIfAbsent(k.id(), k);
            }
        }
        if (clusters.isEmpty()) {
            return List.of();
        }
        List<ActivityItem> out = new ArrayList<>();
        Map<UUID, StoredProfile> stored = db.read(x -> profiles.readable(x, caller, clusters.keySet()));
        for (StoredProfile sp : stored.values()) {
            out.add(new ActivityItem("Cluster profile", clusters.get(sp.clusterId()).name(), sp.visibility().name(),
                    sp.updatedAt(), "#/c2c/clusters/" + sp.clusterId()));
        }
        if (!caller.isAnonymous()) {
            for (StoredProposal p : db.read(x -> proposals.ofClusters(x, clusters.keySet(), 500))) {
                if (Access.readsProposal(caller, p)) {
                    out.add(new ActivityItem("Partnership proposal: " + p.type().label(),
                            p.title() + " (" + p.from().clusterName() + " → " + p.to().clusterName() + ")",
                            p.status().name(), p.updatedAt(), Notifier.link(p.id())));
                }
            }
        }
        out.sort(Comparator.comparing(ActivityItem::at).reversed().thenComparing(ActivityItem::title));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    // ---- shared -----------------------------------------------------------------------------

    private Cluster cluster(Caller caller, UUID id) {
        if (id == null) {
            throw new NotFoundException("Cluster");
        }
        return directory.cluster(caller, id).orElseThrow(() -> new NotFoundException("Cluster"));
    }

    /** A cluster named in a body: a UUID of a cluster the caller may read; problems go to {@code v}. */
    private Cluster clusterField(Caller caller, String field, String value, Validator v) {
        v.required(field, Validator.text(value));
        UUID id = v.uuid(field, value);
        Optional<Cluster> k = id == null ? Optional.empty() : directory.cluster(caller, id);
        v.that(id == null || k.isPresent(), field, "is not a known cluster");
        return k.orElse(null);
    }

    /** Every cluster the caller may read (of one country, if given), by name. */
    private List<Cluster> allClusters(Caller caller, String country) {
        List<Cluster> out = new ArrayList<>();
        ClusterFilter filter = new ClusterFilter(null, country, null, null);
        for (int page = 0;; page++) {
            Page<Cluster> p = directory.clusters(caller, filter, new PageRequest(page, PageRequest.MAX_SIZE));
            out.addAll(p.items());
            if (p.items().size() < PageRequest.MAX_SIZE || out.size() >= p.total()) {
                return out;
            }
        }
    }

    /**
     * The one place a cluster and its (readable) profile become what a caller sees. {@code types}
     * caches the members' organisation types across calls; null leaves the members by type empty.
     */
    private ClusterProfile view(Caller caller, Cluster k, StoredProfile sp, Map<UUID, OrganisationType> types) {
        Map<OrganisationType, Integer> counts = new EnumMap<>(OrganisationType.class);
        for (Membership m : types == null ? List.<Membership>of() : directory.members(caller, k.id())) {
            OrganisationType t = types.computeIfAbsent(m.organisationId(),
                    id -> directory.organisation(caller, id).map(Organisation::type).orElse(null));
            if (t != null) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        List<ClusterProfile.TypeCount> byType = counts.entrySet().stream()
                .map(e -> new ClusterProfile.TypeCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(ClusterProfile.TypeCount::count).reversed()
                        .thenComparing(ClusterProfile.TypeCount::type))
                .toList();
        boolean editable = Access.editsProfile(caller, k);
        if (sp == null) {
            return new ClusterProfile(k.id(), k.name(), k.associationId(), k.country(), k.nutsCode(), k.description(),
                    k.website(), k.sectors(), k.memberCount(), byType, List.of(), List.of(), null, List.of(), List.of(),
                    k.visibility(), false, null, editable);
        }
        return new ClusterProfile(k.id(), k.name(), k.associationId(), k.country(), k.nutsCode(), k.description(),
                k.website(), k.sectors(), k.memberCount(), byType, sp.valueChains(), sp.services(),
                sp.strategicInterests(), sp.emergingIndustries(), sp.languages(), sp.visibility(), true, sp.updatedAt(),
                editable);
    }

    private static boolean hasSector(Cluster k, StoredProfile sp, String prefix) {
        List<String> codes = new ArrayList<>(k.sectors());
        if (sp != null) {
            codes.addAll(sp.valueChains());
        }
        return codes.stream().anyMatch(x -> x.startsWith(prefix));
    }

    private static boolean matchesWords(Cluster k, StoredProfile sp, List<String> words) {
        StringBuilder all = new StringBuilder();
        all.append(k.name()).append(' ').append(k.description() == null ? "" : k.description());
        if (sp != null) {
            sp.services().forEach(x -> all.append(' ').append(x));
            all.append(' ').append(sp.strategicInterests() == null ? "" : sp.strategicInterests());
        }
        String hay = all.toString().toLowerCase(Locale.ROOT);
        return words.stream().allMatch(hay::contains);
    }

    private static List<String> words(String q) {
        String t = Validator.text(q);
        return t == null ? List.of() : Arrays.stream(t.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    /** Trimmed, blanks and duplicates dropped; upper case when {@code upper}. */
    private static List<String> codes(List<String> values, boolean upper) {
        if (values == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            String t = Validator.text(v);
            if (t != null) {
                out.add(upper ? t.toUpperCase(Locale.ROOT) : t);
            }
        }
        return List.copyOf(out);
    }

    private static LocalDate date(Validator v, String field, String value) {
        String t = Validator.text(value);
        if (t == null) {
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            v.that(false, field, "must be a date such as 2026-11-01");
            return null;
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return Jdbc.now(clock);
    }
}
