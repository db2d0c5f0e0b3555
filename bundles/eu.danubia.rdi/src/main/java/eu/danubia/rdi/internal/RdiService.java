package eu.danubia.rdi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.ConflictException;
import eu.danubia.api.ForbiddenException;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.Page;
import eu.danubia.api.PageRequest;
import eu.danubia.api.ValidationException;
import eu.danubia.api.Validator;
import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationListener;
import eu.danubia.api.cooperation.CooperationProfile;
import eu.danubia.api.cooperation.Direction;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.directory.DirectoryService.OrganisationFilter;
import eu.danubia.api.matching.CallMatch;
import eu.danubia.api.matching.Match;
import eu.danubia.api.matching.MatchReason;
import eu.danubia.api.matching.MatchingService;
import eu.danubia.api.notification.NotificationService;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;
import eu.danubia.store.StoreException;

/**
 * The RDI projects mode: funding calls, project ideas and the roles they need, applications to join,
 * the consortium builder and call recommendations.
 *
 * <p>Every rule is decided here from the {@link Caller}: a record the caller may not read is missing
 * (404), one it reads but may not change forbidden (403), an action in the wrong state a conflict (409).
 */
@Component(service = RdiService.class, immediate = true, configurationPid = RdiConfig.PID)
@Designate(ocd = RdiConfig.class)
public class RdiService {

    static final String MODULE = "rdi";
    static final String SEED = "rdi/cordis-callmatch/topics.tsv";
    static final int TITLE_MAX = 200;
    static final int SUMMARY_MAX = 4000;
    static final int MESSAGE_MAX = 4000;
    static final int ROLES_MAX = 20;
    static final int RECOMMENDATIONS = 10;
    static final String DUPLICATE = "Your organisation already applied to this idea";
    static final String DECLINED_BEFORE = "The idea's owner declined your organisation's application; it cannot apply again";
    static final String MATCHING = "matching";
    static final String LEXICAL = "lexical";
    /** Profiles read per query when the matching engine reads them all. */
    static final int SOURCE_PAGE = 200;
    private static final int ENGINE_CANDIDATES = 100;
    private static final int DIRECTORY_PAGE = PageRequest.MAX_SIZE;
    /** How many directory pages of each organisation type the consortium builder reads for a role at most. */
    private static final int DIRECTORY_PAGES = 10;

    private static final Logger LOG = LoggerFactory.getLogger(RdiService.class);

    private final Database db;
    private final DirectoryService directory;
    private final Settings settings;
    private final Clock clock;
    private final CallRepository calls = new CallRepository();
    private final IdeaRepository ideas = new IdeaRepository();
    private final ApplicationRepository applications = new ApplicationRepository();
    private final Notifier notifier = new Notifier(() -> this.notifications);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile NotificationService notifications;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MatchingService matching;

    /** Told after an application was sent or accepted (the indicators). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<CooperationListener> cooperationListeners = List.of();

    @Activate
    public RdiService(@Reference Database db, @Reference DirectoryService directory, RdiConfig config) {
        this(db, directory, Settings.of(config), Clock.systemUTC());
    }

    RdiService(Database db, DirectoryService directory, Settings settings, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
        db.migrate(MODULE, RdiService.class.getClassLoader());
        int added = seedCalls();
        if (added > 0) {
            LOG.info("RDI calls: {} CORDIS topics loaded from the bundled topics.tsv", added);
        }
    }

    // ---- calls ------------------------------------------------------------------------------

    /** Loads the bundled CORDIS topics that are not stored yet; returns how many were added. */
    int seedCalls() {
        String text;
        try (InputStream in = RdiService.class.getClassLoader().getResourceAsStream(SEED)) {
            if (in == null) {
                throw new IllegalStateException(SEED + " is missing from the bundle");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CallImport.Result r = CallImport.fromText(text, CallImport.CORDIS_SEED);
        if (!r.rejected().isEmpty()) {
            throw new IllegalStateException("the bundled " + SEED + " has bad rows: " + r.rejected());
        }
        Instant now = now();
        return db.transaction(c -> {
            Set<String> present = calls.codes(c);
            List<Call> missing = r.calls().stream().filter(x -> !present.contains(x.topicCode())).toList();
            calls.insertAll(c, missing, now);
            return missing.size();
        });
    }

    public Page<Call> calls(String q, String programme, Boolean thematic, PageRequest page) {
        List<String> words = Jdbc.queryWords(q);
        String p = programme == null || programme.isBlank() ? null : programme.strip();
        return db.read(c -> calls.search(c, words, p, thematic, page == null ? PageRequest.of(null, null) : page));
    }

    public Call call(String code) {
        return db.read(c -> code == null ? Optional.<Call>empty() : calls.find(c, code.strip()))
                .orElseThrow(() -> new NotFoundException("Call"));
    }

    public List<ProgrammeCount> programmes() {
        return db.read(calls::programmes);
    }

    /** A CSV or TSV file of calls; all or nothing: any refused row stores none (400 with the rows by line). */
    public ImportResult importCalls(Caller caller, String text) {
        requirePlatformAdmin(caller);
        return store(CallImport.fromText(text, CallImport.IMPORTED));
    }

    /** The JSON form: an array of call objects; {@code line} is the 1-based position in the array. */
    public ImportResult importCalls(Caller caller, List<Map<String, Object>> objects) {
        requirePlatformAdmin(caller);
        return store(CallImport.fromJson(objects, CallImport.IMPORTED));
    }

    private ImportResult store(CallImport.Result r) {
        if (r.calls().size() + r.rejected().size() > settings.maxImportRows()) {
            throw new ValidationException("file", "holds " + (r.calls().size() + r.rejected().size())
                    + " rows; at most " + settings.maxImportRows() + " can be imported at once");
        }
        if (!r.rejected().isEmpty()) {
            Map<String, String> rejected = new LinkedHashMap<>();
            r.rejected().forEach((line, reason) -> rejected.put("line " + line, reason));
            throw new ValidationException(rejected);
        }
        Instant now = now();
        int[] counts = new int[2];
        db.transaction(c -> {
            for (Call call : r.calls()) {
                counts[calls.upsert(c, call, now) ? 0 : 1]++;
            }
            return null;
        });
        return new ImportResult(counts[0], counts[1]);
    }

    // ---- reading ideas ----------------------------------------------------------------------

    /** Ideas the caller reads (or, with {@code mine}, those its side owns), newest change first. */
    public Page<Idea> ideas(Caller caller, IdeaStatus status, String q, String country, RoleKind role, boolean mine,
            PageRequest page) {
        if (mine) {
            caller.requireLoggedIn();
        }
        String ctry = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        new Validator().country("country", ctry).check();
        List<String> words = Jdbc.queryWords(q);
        PageRequest p = page == null ? PageRequest.of(null, null) : page;
        IdeaRepository.Filter f = new IdeaRepository.Filter(status, words, ctry, role, mine);
        record Rows(Page<StoredIdea> ideas, Map<UUID, List<StoredRole>> roles, Map<String, Optional<Call>> calls) {
        }
        Rows rows = db.read(c -> {
            Page<StoredIdea> found = ideas.list(c, caller, f, p);
            return new Rows(found, ideas.roles(c, found.items().stream().map(StoredIdea::id).toList()),
                    callsOf(c, found.items()));
        });
        // the directory is read after the connection went back to the pool
        Views v = new Views(caller);
        List<Idea> out = new ArrayList<>();
        for (StoredIdea i : rows.ideas.items()) {
            out.add(v.idea(i, rows.roles.getOrDefault(i.id(), List.of()), rows.calls.get(i.callCode())));
        }
        return new Page<>(out, p.page(), p.size(), rows.ideas.total());
    }

    /** The target call of each idea, each call read once. */
    private Map<String, Optional<Call>> callsOf(Connection c, List<StoredIdea> list) throws SQLException {
        Map<String, Optional<Call>> out = new HashMap<>();
        for (StoredIdea i : list) {
            if (!out.containsKey(i.callCode())) {
                out.put(i.callCode(), calls.find(c, i.callCode()));
            }
        }
        return out;
    }

    public Idea idea(Caller caller, UUID id) {
        record Row(StoredIdea idea, List<StoredRole> roles, Optional<Call> call) {
        }
        Row row = db.read(c -> {
            StoredIdea i = readable(c, caller, id);
            return new Row(i, ideas.roles(c, id), calls.find(c, i.callCode()));
        });
        return new Views(caller).idea(row.idea, row.roles, row.call);
    }

    // ---- writing ideas ----------------------------------------------------------------------

    public Idea createIdea(Caller caller, IdeaInput in) {
        caller.requireLoggedIn();
        IdeaInput input = ValidationException.requireBody(in);
        Validator v = new Validator();
        Organisation owner = actingFor(caller, input.organisationId(), v, "create project ideas");
        Content content = content(input, v);
        RoleKind ownerRole = Objects.requireNonNullElse(v.oneOf("ownerRole", input.ownerRole(), RoleKind.class),
                RoleKind.COORDINATOR);
        List<RoleDraft> roles = roles(input.roles(), v);
        v.check();
        Instant now = now();
        UUID id = UUID.randomUUID();
        StoredIdea idea = new StoredIdea(id, owner.associationId(), owner.id(), owner.country(), content.title,
                content.summary, content.callCode, IdeaStatus.DRAFT, content.visibility, caller.userId(), caller.email(),
                now, now, null);
        // the owner fills its own role: the first of that kind it may fill, else one added in front
        List<RoleDraft> all = new ArrayList<>(roles);
        int own = -1;
        for (int k = 0; k < all.size(); k++) {
            RoleDraft r = all.get(k);
            if (r.role == ownerRole && (r.country == null || r.country.equals(owner.country()))) {
                own = k;
                break;
            }
        }
        if (own < 0) {
            all.add(0, new RoleDraft(null, ownerRole, null));
            own = 0;
        }
        int ownIndex = own;
        db.transaction(c -> {
            requireCall(c, content.callCode);
            ideas.insert(c, idea);
            for (int k = 0; k < all.size(); k++) {
                RoleDraft r = all.get(k);
                boolean filled = k == ownIndex;
                ideas.insertRole(c, new StoredRole(UUID.randomUUID(), id, k, r.role, r.country,
                        filled ? owner.id() : null, filled ? owner.country() : null));
            }
            return null;
        });
        return idea(caller, id);
    }

    public Idea updateIdea(Caller caller, UUID id, IdeaInput in) {
        caller.requireLoggedIn();
        IdeaInput input = ValidationException.requireBody(in);
        StoredIdea current = actionable(caller, id, "edit");
        if (current.status() == IdeaStatus.CLOSED) {
            throw new ConflictException("Closed ideas cannot be edited");
        }
        Validator v = new Validator();
        UUID requested = v.uuid("organisationId", input.organisationId());
        if (requested != null && !requested.equals(current.organisationId())) {
            v.that(false, "organisationId", "cannot be changed; create a new idea for another organisation");
        }
        Content content = content(input, v);
        List<RoleDraft> roles = roles(input.roles(), v);
        v.check();
        String country = organisation(current.organisationId()).map(Organisation::country).orElse(current.country());
        db.transaction(c -> {
            requireCall(c, content.callCode);
            Map<UUID, StoredRole> existing = new LinkedHashMap<>();
            ideas.roles(c, id).forEach(r -> existing.put(r.id(), r));
            Map<String, String> roleErrors = new LinkedHashMap<>();
            for (int k = 0; k < roles.size(); k++) {
                RoleDraft r = roles.get(k);
                if (r.id == null) {
                    continue;
                }
                StoredRole old = existing.get(r.id);
                if (old == null) {
                    roleErrors.put("roles[" + k + "].id", "is not a role of this idea");
                } else if (old.filled() && (old.role() != r.role
                        || r.country != null && !r.country.equals(old.filledCountry()))) {
                    roleErrors.put("roles[" + k + "]", "is filled: its role and country cannot change");
                }
            }
            if (!roleErrors.isEmpty()) {
                throw new ValidationException(roleErrors);
            }
            Set<UUID> kept = new HashSet<>();
            roles.forEach(r -> {
                if (r.id != null) {
                    kept.add(r.id);
                }
            });
            for (StoredRole old : existing.values()) {
                if (!kept.contains(old.id())) {
                    if (old.filled()) {
                        throw new ConflictException("The role " + old.role().label() + " is filled and cannot be removed");
                    }
                    if (applications.countForRole(c, old.id()) > 0) {
                        throw new ConflictException("Organisations applied for the role " + old.role().label()
                                + ": it cannot be removed");
                    }
                    ideas.deleteRole(c, old.id());
                }
            }
            for (int k = 0; k < roles.size(); k++) {
                RoleDraft r = roles.get(k);
                if (r.id == null) {
                    ideas.insertRole(c, new StoredRole(UUID.randomUUID(), id, k, r.role, r.country, null, null));
                } else {
                    ideas.updateRole(c, r.id, k, r.role, r.country);
                }
            }
            if (!ideas.updateContent(c, id, content.title, content.summary, content.callCode, content.visibility, country,
                    now())) {
                throw new ConflictException("Closed ideas cannot be edited");
            }
            return null;
        });
        StoredIdea after = db.read(c -> ideas.find(c, id).orElseThrow());
        changed(after);
        return idea(caller, id);
    }

    /** DRAFT → OPEN: the partner search is published. */
    public Idea publish(Caller caller, UUID id) {
        return move(caller, id, IdeaStatus.DRAFT, IdeaStatus.OPEN, "Only drafts can be published");
    }

    /** DRAFT or OPEN → CLOSED: no more applications. */
    public Idea close(Caller caller, UUID id) {
        StoredIdea i = actionable(caller, id, "close");
        if (i.status() == IdeaStatus.CLOSED) {
            throw new ConflictException("The idea is closed already");
        }
        return move(caller, id, i.status(), IdeaStatus.CLOSED, "The idea is closed already");
    }

    private Idea move(Caller caller, UUID id, IdeaStatus from, IdeaStatus to, String wrongState) {
        StoredIdea i = actionable(caller, id, to == IdeaStatus.OPEN ? "publish" : "close");
        if (i.status() != from) {
            throw new ConflictException(wrongState);
        }
        StoredIdea after = db.transaction(c -> {
            if (!ideas.move(c, id, from, to, now())) {
                throw new ConflictException(wrongState);
            }
            return ideas.find(c, id).orElseThrow();
        });
        changed(after);
        return idea(caller, id);
    }

    // ---- applications -----------------------------------------------------------------------

    public Application apply(Caller caller, UUID ideaId, ApplicationInput in) {
        caller.requireLoggedIn();
        ApplicationInput input = in == null ? new ApplicationInput(null, null, null) : in;
        StoredIdea idea = db.read(c -> readable(c, caller, ideaId));
        Validator v = new Validator();
        Organisation applicant = actingFor(caller, input.organisationId(), v, "apply to project ideas");
        if (applicant != null && applicant.id().equals(idea.organisationId())) {
            throw new ForbiddenException("Your organisation owns this idea; it cannot apply to it");
        }
        if (idea.status() != IdeaStatus.OPEN) {
            throw new ConflictException("Applications are accepted only while the partner search is open");
        }
        UUID roleId = v.that(Validator.text(input.roleId()) != null, "roleId", "is required: the role you apply for")
                .uuid("roleId", input.roleId());
        String message = Validator.text(input.message());
        v.required("message", message).maxLength("message", message, MESSAGE_MAX);
        StoredRole role = roleId == null ? null
                : db.read(c -> ideas.role(c, roleId)).filter(r -> r.ideaId().equals(ideaId)).orElse(null);
        v.that(roleId == null || role != null, "roleId", "is not a role of this idea");
        if (role != null && applicant != null && role.country() != null) {
            v.that(role.country().equals(applicant.country()), "roleId", "this role wants an organisation from "
                    + role.country() + ", yours is from " + applicant.country());
        }
        v.check();
        if (role.filled()) {
            throw new ConflictException("This role is already filled");
        }
        StoredApplication a;
        try {
            a = db.transaction(c -> {
                Optional<StoredApplication> earlier = applications.ofApplicant(c, ideaId, applicant.id());
                StoredApplication fresh = new StoredApplication(earlier.map(StoredApplication::id).orElseGet(UUID::randomUUID),
                        ideaId, roleId, applicant.id(), applicant.associationId(), applicant.country(), caller.userId(),
                        caller.email(), message, ApplicationStatus.PENDING, now(), null);
                if (earlier.isEmpty()) {
                    applications.insert(c, fresh);
                } else if (earlier.get().status() == ApplicationStatus.DECLINED) {
                    throw new ConflictException(DECLINED_BEFORE);
                } else if (earlier.get().status() != ApplicationStatus.WITHDRAWN || !applications.reopen(c, fresh)) {
                    throw new ConflictException(DUPLICATE);
                }
                return fresh;
            });
        } catch (StoreException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw new ConflictException(DUPLICATE);
            }
            throw e;
        }
        notifier.received(idea, a, role.role(), applicant.name());
        CooperationListener.tellAll(cooperationListeners, new Cooperation(RdiMode.ID, Cooperation.Kind.INTEREST, a.id(), applicant.id(),
                idea.organisationId(), a.createdAt()));
        return view(a, idea, role, Application.Box.OUTBOX);
    }

    /** The inbox (applications to the caller's ideas), the outbox (its own), or both when {@code box} is null. */
    public List<Application> applications(Caller caller, Application.Box box) {
        caller.requireLoggedIn();
        Map<UUID, Application.Box> boxes = new LinkedHashMap<>();
        Map<UUID, String> names = new HashMap<>();
        // the directory is read after the connection went back to the pool
        return db.read(c -> {
            List<StoredApplication> all = new ArrayList<>();
            if (box != Application.Box.OUTBOX) {
                for (StoredApplication a : applications.inbox(c, caller)) {
                    boxes.putIfAbsent(a.id(), Application.Box.INBOX);
                    all.add(a);
                }
            }
            if (box != Application.Box.INBOX) {
                for (StoredApplication a : applications.outbox(c, caller)) {
                    if (boxes.putIfAbsent(a.id(), Application.Box.OUTBOX) == null) {
                        all.add(a);
                    }
                }
            }
            Map<UUID, StoredIdea> byId = new HashMap<>();
            List<Pair> out = new ArrayList<>();
            for (StoredApplication a : all) {
                StoredIdea i = byId.computeIfAbsent(a.ideaId(), k -> find(c, k));
                out.add(new Pair(a, i, ideas.role(c, a.roleId()).orElseThrow()));
            }
            return out;
        }).stream().map(p -> view(p.application, p.idea, p.role, boxes.get(p.application.id()), names))
                .sorted(Comparator.comparing(Application::createdAt).reversed().thenComparing(Application::id)).toList();
    }

    public Application application(Caller caller, UUID id) {
        caller.requireLoggedIn();
        Pair p = db.read(c -> readableApplication(c, caller, id));
        return view(p.application, p.idea, p.role, Access.ownerReads(caller, p.idea) ? Application.Box.INBOX
                : Application.Box.OUTBOX);
    }

    /** Accepting fills the role with the applicant (409 when somebody fills it already). */
    public Application accept(Caller caller, UUID id) {
        caller.requireLoggedIn();
        Pair p = db.read(c -> readableApplication(c, caller, id));
        if (!Access.ownerWrites(caller, p.idea)) {
            throw new ForbiddenException("Only the idea owner's side may accept an application");
        }
        requirePending(p.application);
        Instant now = now();
        StoredApplication after = db.transaction(c -> {
            if (!ideas.fill(c, p.role.id(), p.application.applicantOrganisationId(), p.application.applicantCountry())) {
                throw new ConflictException("This role is already filled");
            }
            if (!applications.move(c, id, ApplicationStatus.PENDING, ApplicationStatus.ACCEPTED, now)) {
                throw new ConflictException("Only pending applications can be answered");
            }
            ideas.touch(c, p.idea.id(), now);
            return applications.find(c, id).orElseThrow();
        });
        notifier.answered(p.idea, after, p.role.role(), true);
        CooperationListener.tellAll(cooperationListeners, new Cooperation(RdiMode.ID, Cooperation.Kind.AGREEMENT, id,
                after.applicantOrganisationId(), p.idea.organisationId(), now));
        StoredRole role = db.read(c -> ideas.role(c, p.role.id()).orElseThrow());
        return view(after, p.idea, role, Application.Box.INBOX);
    }

    public Application decline(Caller caller, UUID id) {
        caller.requireLoggedIn();
        Pair p = db.read(c -> readableApplication(c, caller, id));
        if (!Access.ownerWrites(caller, p.idea)) {
            throw new ForbiddenException("Only the idea owner's side may decline an application");
        }
        StoredApplication after = answer(p.application, ApplicationStatus.DECLINED);
        notifier.answered(p.idea, after, p.role.role(), false);
        return view(after, p.idea, p.role, Application.Box.INBOX);
    }

    public Application withdraw(Caller caller, UUID id) {
        caller.requireLoggedIn();
        Pair p = db.read(c -> readableApplication(c, caller, id));
        if (!Access.applicantWrites(caller, p.application)) {
            throw new ForbiddenException("Only the applicant's side may withdraw an application");
        }
        StoredApplication after = answer(p.application, ApplicationStatus.WITHDRAWN);
        notifier.withdrawn(p.idea, p.role.role());
        return view(after, p.idea, p.role, Application.Box.OUTBOX);
    }

    private StoredApplication answer(StoredApplication a, ApplicationStatus to) {
        requirePending(a);
        return db.transaction(c -> {
            if (!applications.move(c, a.id(), ApplicationStatus.PENDING, to, now())) {
                throw new ConflictException("Only pending applications can be answered");
            }
            return applications.find(c, a.id()).orElseThrow();
        });
    }

    private static void requirePending(StoredApplication a) {
        if (a.status() != ApplicationStatus.PENDING) {
            throw new ConflictException("Only pending applications can be answered or withdrawn");
        }
    }

    private record Pair(StoredApplication application, StoredIdea idea, StoredRole role) {
    }

    /** The application when the caller is on either side (else 404). */
    private Pair readableApplication(Connection c, Caller caller, UUID id) throws SQLException {
        StoredApplication a = id == null ? null : applications.find(c, id).orElse(null);
        StoredIdea i = a == null ? null : ideas.find(c, a.ideaId()).orElse(null);
        if (a == null || i == null || !Access.ownerReads(caller, i) && !Access.applicantReads(caller, a)) {
            throw new NotFoundException("Application");
        }
        return new Pair(a, i, ideas.role(c, a.roleId()).orElseThrow(() -> new NotFoundException("Application")));
    }

    /** Both sides see both organisations: they are about to form a consortium. */
    private Application view(StoredApplication a, StoredIdea i, StoredRole r, Application.Box box) {
        return view(a, i, r, box, new HashMap<>());
    }

    /** With the organisation names already read ({@code names}, filled as it goes). */
    private Application view(StoredApplication a, StoredIdea i, StoredRole r, Application.Box box, Map<UUID, String> names) {
        Idea.Party applicant = new Idea.Party(a.applicantOrganisationId(),
                names.computeIfAbsent(a.applicantOrganisationId(), this::organisationName), a.applicantCountry());
        Idea.Party owner = new Idea.Party(i.organisationId(), names.computeIfAbsent(i.organisationId(), this::organisationName),
                i.country());
        return new Application(a.id(), i.id(), i.title(), r.id(), r.role(), r.country(), a.status(), a.message(),
                applicant, owner, a.createdAt(), a.answeredAt(), box);
    }

    // ---- consortium builder -----------------------------------------------------------------

    public Consortium consortium(Caller caller, UUID id) {
        record Loaded(StoredIdea idea, List<StoredRole> roles, Optional<Call> call) {
        }
        Loaded l = db.read(c -> {
            StoredIdea i = readable(c, caller, id);
            return new Loaded(i, ideas.roles(c, id), calls.find(c, i.callCode()));
        });
        // the directory is read after the connection went back to the pool
        Views v = new Views(caller);
        Idea.Party[] fillers = new Idea.Party[l.roles.size()];
        for (int k = 0; k < fillers.length; k++) {
            StoredRole r = l.roles.get(k);
            fillers[k] = r.filled() ? v.party(l.idea, r.filledBy(), r.filledCountry()) : null;
        }
        String programme = l.call.map(Call::programme).orElse(Programmes.of(l.idea.callCode()).name());
        int min = Programmes.minCountries(programme);
        Set<String> countries = new LinkedHashSet<>();
        Set<UUID> members = new HashSet<>();
        members.add(l.idea.organisationId());
        for (StoredRole r : l.roles) {
            if (r.filled()) {
                countries.add(r.filledCountry());
                members.add(r.filledBy());
            }
        }
        int missing = Math.max(0, min - countries.size());
        String ideaText = l.idea.title() + ". " + l.idea.summary() + l.call.map(x -> ". " + x.title()).orElse("");
        Proposer proposer = new Proposer(caller, ideaText, members, countries);
        List<Consortium.Slot> slots = new ArrayList<>();
        boolean allFilled = true;
        for (int k = 0; k < l.roles.size(); k++) {
            StoredRole r = l.roles.get(k);
            allFilled &= r.filled();
            List<Consortium.Proposal> proposals = r.filled() ? List.of() : proposer.propose(r);
            slots.add(new Consortium.Slot(r.id(), r.role(), r.role().label(), r.country(), r.filled(), fillers[k],
                    proposals));
        }
        String note = missing == 0 ? "enough countries (" + countries.size() + " of at least " + min + ")"
                : "needs " + missing + " more " + (missing == 1 ? "country" : "countries") + " (at least " + min + ")";
        return new Consortium(id, l.idea.callCode(), programme, slots, List.copyOf(countries), min, missing, note,
                allFilled && missing == 0);
    }

    /**
     * Proposes organisations for a missing role: those of the directory the caller reads whose type
     * fits the role, in the wanted country, not in the consortium yet. Ranked by the matching engine's
     * search over the RDI partner profiles when it is installed, then by the lexical match of the
     * idea's words with the organisation's name and description.
     */
    private final class Proposer {

        private final Caller caller;
        private final String text;
        private final Set<String> words;
        private final Set<UUID> members;
        private final Set<String> countries;
        private final Map<String, Map<UUID, Match>> engineByCountry = new HashMap<>();
        private boolean engineFailed;

        Proposer(Caller caller, String text, Set<UUID> members, Set<String> countries) {
            this.caller = caller;
            this.text = text;
            this.words = Words.of(text);
            this.members = members;
            this.countries = countries;
        }

        List<Consortium.Proposal> propose(StoredRole role) {
            Map<UUID, Organisation> candidates = new LinkedHashMap<>();
            for (OrganisationType type : role.role().types()) {
                OrganisationFilter f = new OrganisationFilter(null, role.country(), type, null, null, null);
                for (int page = 0; page < DIRECTORY_PAGES; page++) {
                    List<Organisation> items = directory.organisations(caller, f, new PageRequest(page, DIRECTORY_PAGE)).items();
                    items.stream().filter(o -> candidate(role, o)).forEach(o -> candidates.putIfAbsent(o.id(), o));
                    if (items.size() < DIRECTORY_PAGE) {
                        break;
                    }
                }
            }
            Map<UUID, Match> ranked = engine(role.country());
            // the engine ranks the whole directory: its matches beyond the pages read are candidates too
            for (UUID id : ranked.keySet()) {
                if (!candidates.containsKey(id)) {
                    directory.organisation(caller, id).filter(o -> candidate(role, o))
                            .ifPresent(o -> candidates.put(o.id(), o));
                }
            }
            List<Consortium.Proposal> out = new ArrayList<>();
            for (Organisation o : candidates.values()) {
                List<MatchReason> reasons = new ArrayList<>();
                reasons.add(new MatchReason("role-fit", 1, 0, role.role().fitDetail(o)));
                if (role.country() != null) {
                    reasons.add(new MatchReason("country", 1, 0, "from " + o.country() + ", the country this role wants"));
                } else if (!countries.contains(o.country())) {
                    reasons.add(new MatchReason("new-country", 1, 0, "adds " + o.country() + " to the consortium"));
                }
                Match m = ranked.get(o.id());
                double score;
                String source;
                if (m != null) {
                    reasons.addAll(m.reasons());
                    score = m.score();
                    source = MATCHING;
                } else {
                    Set<String> shared = Words.shared(words, Words.of(o.name() + " " + nullToEmpty(o.description())
                            + " " + String.join(" ", o.naceCodes())));
                    score = words.isEmpty() ? 0 : round(Math.min(1.0, shared.size() / (double) Math.min(words.size(), 8)));
                    if (!shared.isEmpty()) {
                        reasons.add(new MatchReason("shared-words", score, 1, String.join(", ", shared)));
                    }
                    source = LEXICAL;
                }
                out.add(new Consortium.Proposal(new Idea.Party(o.id(), o.name(), o.country()), o.type(), o.sizeClass(),
                        score, source, reasons));
            }
            // the engine's ranking first; a new country breaks ties, then the name
            out.sort(Comparator.comparing((Consortium.Proposal p) -> !MATCHING.equals(p.source()))
                    .thenComparing(Comparator.comparingDouble(Consortium.Proposal::score).reversed())
                    .thenComparing(p -> countries.contains(p.organisation().country()))
                    .thenComparing(p -> p.organisation().name(), Comparator.nullsLast(Comparator.naturalOrder())));
            return out.size() > settings.proposalsPerRole() ? out.subList(0, settings.proposalsPerRole()) : out;
        }

        /** Of a type and country the role wants, fit for it, and not in the consortium yet. */
        private boolean candidate(StoredRole role, Organisation o) {
            return role.role().types().contains(o.type()) && role.role().fits(o)
                    && (role.country() == null || role.country().equals(o.country())) && !members.contains(o.id());
        }

        private Map<UUID, Match> engine(String country) {
            MatchingService engine = matching;
            if (engine == null || engineFailed) {
                return Map.of();
            }
            String key = country == null ? "" : country;
            Map<UUID, Match> cached = engineByCountry.get(key);
            if (cached != null) {
                return cached;
            }
            Map<String, String> filters = new HashMap<>();
            filters.put("mode", RdiMode.ID);
            filters.put("type", RdiMode.PARTNER);
            if (country != null) {
                filters.put("country", country);
            }
            Map<UUID, Match> out = new HashMap<>();
            try {
                for (Match m : engine.search(caller, text, filters, ENGINE_CANDIDATES)) {
                    out.putIfAbsent(m.id(), m);
                }
            } catch (RuntimeException e) {
                LOG.warn("The matching engine failed to rank partners; using the lexical match: {}", e.toString());
                engineFailed = true;
                return Map.of();
            }
            engineByCountry.put(key, out);
            return out;
        }
    }

    // ---- call recommendations ---------------------------------------------------------------

    /** The calls that fit the idea best: from the matching engine when installed, else by title words. */
    public List<CallRecommendation> recommendedCalls(Caller caller, UUID id) {
        StoredIdea i = db.read(c -> readable(c, caller, id));
        String text = i.title() + ". " + i.summary();
        MatchingService engine = matching;
        if (engine != null) {
            try {
                List<CallMatch> found = engine.recommendCalls(text, RECOMMENDATIONS);
                return db.read(c -> {
                    List<CallRecommendation> out = new ArrayList<>();
                    for (CallMatch m : found) {
                        Optional<Call> call = calls.find(c, m.topicCode());
                        out.add(new CallRecommendation(m.topicCode(), call.map(Call::title).orElse(m.title()),
                                call.map(Call::programme).orElse(Programmes.of(m.topicCode()).name()), m.score(), MATCHING,
                                m.reasons()));
                    }
                    return out;
                });
            } catch (RuntimeException e) {
                LOG.warn("The matching engine failed to recommend calls for idea {}; using the lexical search: {}", id,
                        e.toString());
            }
        }
        return lexicalCalls(text);
    }

    /** Thematic calls ranked by the cosine of their title words with the idea's words (as sets). */
    List<CallRecommendation> lexicalCalls(String text) {
        Set<String> words = Words.of(text);
        List<Call> candidates = db.read(c -> calls.withAnyWord(c, words, 5_000));
        record Scored(Call call, double score, Set<String> shared) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Call call : candidates) {
            Set<String> titleWords = Words.of(call.title());
            Set<String> shared = Words.shared(titleWords, words);
            if (!shared.isEmpty()) {
                scored.add(new Scored(call, round(shared.size() / Math.sqrt((double) titleWords.size() * words.size())),
                        shared));
            }
        }
        // candidates come newest code first and the sort is stable: equal scores stay newest first
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<CallRecommendation> out = new ArrayList<>();
        for (Scored s : scored.subList(0, Math.min(RECOMMENDATIONS, scored.size()))) {
            out.add(new CallRecommendation(s.call.topicCode(), s.call.title(), s.call.programme(), s.score, LEXICAL,
                    List.of(new MatchReason("shared-words", s.score, 1, String.join(", ", s.shared)))));
        }
        return out;
    }

    // ---- matching engine --------------------------------------------------------------------

    /**
     * What the matching engine indexes for this mode: every open, public idea (PROJECT_IDEA) and every
     * public organisation of the directory (PARTNER, id = the organisation's id), a page at a time.
     */
    void forEachPublished(Consumer<CooperationProfile> sink) {
        UUID after = null;
        while (true) {
            UUID from = after;
            List<StoredIdea> page = db.read(c -> ideas.openPublicAfter(c, from, SOURCE_PAGE));
            page.forEach(i -> sink.accept(profile(i)));
            if (page.size() < SOURCE_PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        for (int p = 0;; p++) {
            Page<Organisation> orgs = directory.organisations(Caller.ANONYMOUS, null, new PageRequest(p, DIRECTORY_PAGE));
            orgs.items().forEach(o -> sink.accept(partnerProfile(o)));
            if (orgs.items().size() < DIRECTORY_PAGE) {
                break;
            }
        }
    }

    static CooperationProfile profile(StoredIdea i) {
        // only public open ideas are published to the engine, whose search answers anonymous callers
        var status = i.visibility() == IdeaVisibility.PUBLIC ? RdiMode.profileStatus(i.status())
                : eu.danubia.api.cooperation.ProfileStatus.DRAFT;
        return new CooperationProfile(i.id(), RdiMode.ID, RdiMode.PROJECT_IDEA, Direction.REQUEST, status,
                i.associationId(), i.organisationId(), i.title(), i.summary(), List.of(i.callCode()), List.of(), i.country(),
                List.of(), null, i.updatedAt());
    }

    static CooperationProfile partnerProfile(Organisation o) {
        String summary = o.description() == null || o.description().isBlank() ? o.name() : o.description();
        return new CooperationProfile(o.id(), RdiMode.ID, RdiMode.PARTNER, Direction.OFFER,
                eu.danubia.api.cooperation.ProfileStatus.PUBLISHED, o.associationId(), o.id(), o.name(), summary,
                o.type() == null ? List.of() : List.of(o.type().name()), o.naceCodes(), o.country(), List.of(), null,
                o.updatedAt());
    }

    private void changed(StoredIdea i) {
        MatchingService engine = matching;
        if (engine != null) {
            try {
                engine.profileChanged(profile(i));
            } catch (RuntimeException e) {
                LOG.warn("The matching engine could not take the change of idea {}: {}", i.id(), e.toString());
            }
        }
    }

    /** For the demo loader: whether the organisation has an idea of that title. */
    boolean hasIdea(UUID organisation, String title) {
        return db.read(c -> ideas.existsWithTitle(c, organisation, title));
    }

    // ---- shared -----------------------------------------------------------------------------

    /** The idea as the caller may see it: by visibility, as the owner's side, or as an applicant's. */
    private StoredIdea readable(Connection c, Caller caller, UUID id) throws SQLException {
        StoredIdea i = id == null ? null : ideas.find(c, id).orElse(null);
        if (i == null || !Access.readsByVisibility(caller, i) && !applications.applied(c, caller, id)) {
            throw new NotFoundException("Project idea");
        }
        return i;
    }

    /** The idea when the caller reads it (else 404) and writes for its owner (else 403). */
    private StoredIdea actionable(Caller caller, UUID id, String what) {
        caller.requireLoggedIn();
        StoredIdea i = db.read(c -> readable(c, caller, id));
        if (!Access.ownerWrites(caller, i)) {
            throw new ForbiddenException("Only the owner organisation and its association's admins may " + what
                    + " this idea");
        }
        return i;
    }

    private StoredIdea find(Connection c, UUID id) {
        try {
            return ideas.find(c, id).orElseThrow();
        } catch (SQLException e) {
            throw new StoreException("Cannot read idea " + id, e);
        }
    }

    private void requireCall(Connection c, String code) throws SQLException {
        if (!calls.exists(c, code)) {
            throw new ValidationException("callCode", "is not a known call: search the calls for its topic code");
        }
    }

    /** The organisation the caller acts for: a member's own, or one of its association an admin names. */
    private Organisation actingFor(Caller caller, String requestedId, Validator v, String what) {
        boolean admin = caller.isAdmin();
        if (!admin && !(caller.has(Role.MEMBER) && caller.organisationId() != null)) {
            throw new ForbiddenException("Only members acting for an organisation and association admins may " + what);
        }
        UUID requested = v.uuid("organisationId", requestedId);
        if (requested == null && Validator.text(requestedId) != null) {
            return null;
        }
        if (!admin && requested != null && !requested.equals(caller.organisationId())) {
            throw new ForbiddenException("You may " + what + " only for your own organisation");
        }
        UUID id = requested != null ? requested : caller.organisationId();
        if (id == null) {
            v.that(false, "organisationId", "is required: name the organisation of your association you act for");
            return null;
        }
        Optional<Organisation> org = organisation(id);
        if (org.isEmpty()) {
            v.that(false, "organisationId", "is not a known organisation");
            return null;
        }
        if (!caller.writesFor(org.get().id(), org.get().associationId())) {
            throw new ForbiddenException("You may " + what + " only for organisations of your association");
        }
        return org.get();
    }

    private record Content(String title, String summary, String callCode, IdeaVisibility visibility) {
    }

    private record RoleDraft(UUID id, RoleKind role, String country) {
    }

    private static Content content(IdeaInput in, Validator v) {
        String title = Validator.text(in.title());
        String summary = Validator.text(in.summary());
        String callCode = Validator.text(in.callCode());
        v.required("title", title).maxLength("title", title, TITLE_MAX)
                .required("summary", summary).maxLength("summary", summary, SUMMARY_MAX)
                .that(callCode != null, "callCode", "is required: the topic code of the call the idea targets");
        IdeaVisibility visibility = Objects.requireNonNullElse(
                v.oneOf("visibility", in.visibility(), IdeaVisibility.class), IdeaVisibility.PUBLIC);
        return new Content(title, summary, callCode, visibility);
    }

    private static List<RoleDraft> roles(List<IdeaInput.RoleInput> in, Validator v) {
        List<RoleDraft> out = new ArrayList<>();
        if (in == null) {
            return out;
        }
        v.that(in.size() <= ROLES_MAX, "roles", "must be at most " + ROLES_MAX);
        if (in.size() > ROLES_MAX) {
            return out;
        }
        Set<UUID> ids = new HashSet<>();
        for (int k = 0; k < in.size(); k++) {
            IdeaInput.RoleInput r = in.get(k);
            String field = "roles[" + k + "]";
            if (r == null) {
                v.that(false, field, "is required");
                continue;
            }
            UUID id = v.uuid(field + ".id", r.id());
            v.that(id == null || ids.add(id), field + ".id", "appears twice");
            RoleKind role = v.required(field + ".role", Validator.text(r.role()))
                    .oneOf(field + ".role", r.role(), RoleKind.class);
            String country = Validator.text(r.country());
            country = country == null || country.equalsIgnoreCase("ANY") ? null : country.toUpperCase(Locale.ROOT);
            v.that(country == null || country.matches("[A-Z]{2}"), field + ".country",
                    "must be an ISO 3166-1 alpha-2 code such as RO or HU, or empty for any");
            out.add(new RoleDraft(id, role, country));
        }
        return out;
    }

    private Optional<Organisation> organisation(UUID id) {
        return directory.organisation(Caller.SYSTEM, id);
    }

    private String organisationName(UUID id) {
        try {
            return organisation(id).map(Organisation::name).orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("Could not read organisation {} from the directory: {}", id, e.toString());
            return null;
        }
    }

    /**
     * Stored ideas as one caller sees them. Organisation names come from the directory with the
     * caller's own rights, except for the owner's side, which sees its consortium in full.
     */
    private final class Views {

        private final Caller caller;
        /** With the caller's rights. */
        private final Map<UUID, Optional<Organisation>> readable = new HashMap<>();
        /** Whole, for the owner's side. */
        private final Map<UUID, Optional<Organisation>> whole = new HashMap<>();

        Views(Caller caller) {
            this.caller = caller;
        }

        Idea idea(StoredIdea i, List<StoredRole> roles, Optional<Call> call) {
            List<Idea.Role> out = new ArrayList<>();
            int missing = 0;
            for (StoredRole r : roles) {
                if (!r.filled()) {
                    missing++;
                }
                out.add(new Idea.Role(r.id(), r.role(), r.role().label(), r.country(), r.filled(),
                        r.filled() ? party(i, r.filledBy(), r.filledCountry()) : null));
            }
            return new Idea(i.id(), i.title(), i.summary(), i.callCode(), call.map(Call::title).orElse(null),
                    call.map(Call::programme).orElse(Programmes.of(i.callCode()).name()), i.status(), i.visibility(),
                    i.country(), party(i, i.organisationId(), i.country()), out, missing, Access.ownerReads(caller, i),
                    i.createdAt(), i.updatedAt(), i.publishedAt());
        }

        Idea.Party party(StoredIdea i, UUID organisation, String country) {
            Optional<Organisation> o = Access.ownerReads(caller, i) || organisation.equals(caller.organisationId())
                    ? whole.computeIfAbsent(organisation, RdiService.this::organisation)
                    : readable.computeIfAbsent(organisation, id -> directory.organisation(caller, id));
            return o.map(x -> new Idea.Party(x.id(), x.name(), country)).orElse(new Idea.Party(null, null, country));
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static void requirePlatformAdmin(Caller caller) {
        caller.requireLoggedIn();
        if (!caller.isPlatformAdmin()) {
            throw new ForbiddenException("Only platform admins import calls");
        }
    }

    private Instant now() {
        return Jdbc.now(clock);
    }
}
