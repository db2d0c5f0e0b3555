package eu.danubia.b2b.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiPredicate;
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
import eu.danubia.api.DanubiaException;
import eu.danubia.api.ForbiddenException;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.Organisation;
import eu.danubia.api.Page;
import eu.danubia.api.PageRequest;
import eu.danubia.api.ValidationException;
import eu.danubia.api.Validator;
import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationListener;
import eu.danubia.api.cooperation.CooperationProfile;
import eu.danubia.api.cooperation.ProfileStatus;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.matching.Match;
import eu.danubia.api.matching.MatchingService;
import eu.danubia.api.notification.NotificationService;
import eu.danubia.api.security.AccountService;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.api.security.UserAccount;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;
import eu.danubia.store.StoreException;

/**
 * The B2B cooperation mode: profiles and their lifecycle, moderation, search and similar profiles,
 * expressions of interest, agreements, import and export, and the daily expiry check.
 *
 * <p>Every rule is decided here from the {@link Caller}, never from the request: a record the
 * caller may not read is reported as missing (404), one it may read but not change as forbidden
 * (403), an action in the wrong status as a conflict (409). The owner's organisation and contact
 * leave this class only inside a {@link Profile.Owner} or an {@link Interest.Counterpart}, which
 * are filled only for the owner's side and, once an interest was accepted, for the sender's side.
 */
@Component(service = B2bService.class, immediate = true, configurationPid = B2bConfig.PID)
@Designate(ocd = B2bConfig.class)
public class B2bService {

    static final String MODULE = "b2b";
    static final int EXPORT_MAX = 10_000;
    static final int SIMILAR_DEFAULT = 10;
    static final int SIMILAR_MAX = 50;
    /** The newest counterparts the lexical similarity scores; older ones rank by date anyway. */
    static final int CANDIDATES_MAX = 2_000;
    /** Profiles read per query when the matching engine reads them all. */
    static final int SOURCE_PAGE = 500;
    static final String DUPLICATE_INTEREST = "You already expressed interest in this profile";

    private static final Logger LOG = LoggerFactory.getLogger(B2bService.class);
    private static final int IN_CHUNK = 500;

    /** What a profile action needs: the statuses it starts from and the one it leads to. */
    enum Action {
        SUBMIT(ProfileStatus.SUBMITTED, "Only drafts can be submitted", ProfileStatus.DRAFT),
        APPROVE(ProfileStatus.PUBLISHED, "Only submitted profiles can be approved", ProfileStatus.SUBMITTED),
        RETURN(ProfileStatus.DRAFT, "Only submitted profiles can be returned", ProfileStatus.SUBMITTED),
        CLOSE(ProfileStatus.CLOSED, "Only published profiles can be closed", ProfileStatus.PUBLISHED),
        RENEW(ProfileStatus.PUBLISHED, "Only published or expired profiles can be renewed", ProfileStatus.PUBLISHED,
                ProfileStatus.EXPIRED);

        final ProfileStatus to;
        final String wrongState;
        final Set<ProfileStatus> from;

        Action(ProfileStatus to, String wrongState, ProfileStatus... from) {
            this.to = to;
            this.wrongState = wrongState;
            this.from = Set.of(from);
        }
    }

    /** What one expiry check did. */
    public record ExpiryResult(int warned, int expired) {
    }

    private final Database db;
    private final DirectoryService directory;
    private final Settings settings;
    private final Clock clock;
    private final B2bMode mode = new B2bMode();
    private final ProfileRepository profiles = new ProfileRepository();
    private final InterestRepository interests = new InterestRepository();
    private final AgreementRepository agreements = new AgreementRepository();
    private final Notifier notifier = new Notifier(() -> this.notifications);
    private final CooperationEvents cooperationEvents = new CooperationEvents(() -> this.cooperationListeners);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile NotificationService notifications;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MatchingService matching;

    /** Only for the sending user's name on an interest; without it the e-mail address stands in. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AccountService accounts;

    /** Told after an interest or an agreement was committed (the indicators). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<CooperationListener> cooperationListeners = List.of();

    @Activate
    public B2bService(@Reference Database db, @Reference DirectoryService directory, B2bConfig config) {
        this(db, directory, Settings.of(config), Clock.systemUTC());
    }

    B2bService(Database db, DirectoryService directory, Settings settings, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
        db.migrate(MODULE, B2bService.class.getClassLoader());
    }

    Settings settings() {
        return settings;
    }

    // ---- reading profiles -------------------------------------------------------------------

    public Page<Profile> list(Caller caller, ProfileFilter filter, PageRequest page) {
        ProfileFilter f = clean(filter);
        PageRequest p = page == null ? PageRequest.of(null, null) : page;
        Loaded loaded = db.read(c -> {
            Page<StoredProfile> rows = profiles.search(c, caller, f, p);
            return new Loaded(rows.items(), accepted(c, caller, rows.items()), rows.total());
        });
        return new Page<>(views(caller, loaded), p.page(), p.size(), loaded.total);
    }

    /** The profiles the caller manages, every status, newest first. */
    public List<Profile> mine(Caller caller) {
        caller.requireLoggedIn();
        ProfileFilter f = new ProfileFilter(null, null, null, null, null, null, ProfileFilter.Sort.RECENT, true);
        Loaded loaded = db.read(c -> {
            List<StoredProfile> rows = profiles.all(c, caller, f, EXPORT_MAX);
            return new Loaded(rows, Set.of(), rows.size());
        });
        return views(caller, loaded);
    }

    public Profile get(Caller caller, UUID id) {
        Loaded loaded = db.read(c -> {
            StoredProfile p = readable(c, caller, id);
            return new Loaded(List.of(p), accepted(c, caller, List.of(p)), 1);
        });
        return views(caller, loaded).get(0);
    }

    /** SUBMITTED profiles of the admin's association (platform admins: all), oldest first. */
    public List<Profile> moderation(Caller caller) {
        caller.requireLoggedIn();
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only association admins moderate profiles");
        }
        Loaded loaded = db.read(c -> {
            List<StoredProfile> rows = profiles.submitted(c, caller);
            return new Loaded(rows, Set.of(), rows.size());
        });
        return views(caller, loaded);
    }

    // ---- writing profiles -------------------------------------------------------------------

    public Profile create(Caller caller, ProfileInput in) {
        caller.requireLoggedIn();
        ProfileInput input = ValidationException.requireBody(in);
        Map<String, String> errors = new LinkedHashMap<>();
        Organisation owner = actingFor(caller, input.organisationId(), errors, "publish profiles");
        ProfileContent content = content(input, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = now();
        StoredProfile p = new StoredProfile(UUID.randomUUID(), ProfileStatus.DRAFT, content, owner.country(), owner.id(),
                owner.associationId(), caller.userId(), caller.email(), null, false, now, now, null);
        db.transaction(c -> {
            profiles.insert(c, p);
            return null;
        });
        changed(p);
        return view(caller, p, true, new HashMap<>());
    }

    public Profile update(Caller caller, UUID id, ProfileInput in) {
        caller.requireLoggedIn();
        ProfileInput input = ValidationException.requireBody(in);
        StoredProfile current = actionable(caller, id, Access::ownerWrites,
                "Only the owner organisation and its association's admins may edit a profile");
        if (current.status() != ProfileStatus.DRAFT) {
            throw new ConflictException("Only drafts can be edited");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Validator v = new Validator();
        UUID requested = v.uuid("organisationId", input.organisationId());
        try {
            v.check();
        } catch (ValidationException e) {
            errors.putAll(e.errors());
        }
        if (requested != null && !requested.equals(current.organisationId())) {
            errors.put("organisationId", "cannot be changed; create a new profile for another organisation");
        }
        ProfileContent content = content(input, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String country = organisation(current.organisationId()).map(Organisation::country).orElse(current.country());
        StoredProfile updated = db.transaction(c -> {
            if (!profiles.updateContent(c, id, content, country, now())) {
                throw new ConflictException("Only drafts can be edited");
            }
            return profiles.find(c, id).orElseThrow();
        });
        changed(updated);
        return get(caller, id);
    }

    public Profile submit(Caller caller, UUID id) {
        StoredProfile p = actionable(caller, id, Access::ownerWrites,
                "Only the owner organisation and its association's admins may submit a profile");
        check(p, Action.SUBMIT);
        if (!p.content().expiresOn().isAfter(today())) {
            throw new ValidationException("expiresOn", "must be in the future; edit the draft first");
        }
        return move(caller, p, Action.SUBMIT);
    }

    public Profile approve(Caller caller, UUID id) {
        StoredProfile p = actionable(caller, id, Access::moderates,
                "Only an admin of the owner's association may approve this profile");
        check(p, Action.APPROVE);
        if (!p.content().expiresOn().isAfter(today())) {
            throw new ConflictException("The profile's expiry date " + p.content().expiresOn()
                    + " has passed; return it to the owner for a new date");
        }
        StoredProfile after = db.transaction(c -> {
            if (!profiles.publish(c, id, now())) {
                throw new ConflictException(Action.APPROVE.wrongState);
            }
            return profiles.find(c, id).orElseThrow();
        });
        notifier.approved(after);
        changed(after);
        return get(caller, id);
    }

    public Profile returnToDraft(Caller caller, UUID id, ReturnInput in) {
        StoredProfile p = actionable(caller, id, Access::moderates,
                "Only an admin of the owner's association may return this profile");
        check(p, Action.RETURN);
        String comment = Validator.text(in == null ? null : in.comment());
        new Validator().required("comment", comment).maxLength("comment", comment, ProfileInputs.COMMENT_MAX).check();
        StoredProfile after = db.transaction(c -> {
            if (!profiles.returnToDraft(c, id, comment, now())) {
                throw new ConflictException(Action.RETURN.wrongState);
            }
            return profiles.find(c, id).orElseThrow();
        });
        notifier.returned(after, comment);
        changed(after);
        return get(caller, id);
    }

    public Profile close(Caller caller, UUID id) {
        StoredProfile p = actionable(caller, id, Access::ownerWrites,
                "Only the owner organisation and its association's admins may close a profile");
        check(p, Action.CLOSE);
        return move(caller, p, Action.CLOSE);
    }

    /** Publishes again for the configured validity, counted from today. */
    public Profile renew(Caller caller, UUID id) {
        StoredProfile p = actionable(caller, id, Access::ownerWrites,
                "Only the owner organisation and its association's admins may renew a profile");
        check(p, Action.RENEW);
        LocalDate expiresOn = today().plusMonths(settings.defaultValidityMonths());
        StoredProfile after = db.transaction(c -> {
            if (!profiles.renew(c, id, p.status(), expiresOn, now())) {
                throw new ConflictException(Action.RENEW.wrongState);
            }
            return profiles.find(c, id).orElseThrow();
        });
        changed(after);
        return get(caller, id);
    }

    private Profile move(Caller caller, StoredProfile p, Action action) {
        StoredProfile after = db.transaction(c -> {
            if (!profiles.move(c, p.id(), p.status(), action.to, now())) {
                throw new ConflictException(action.wrongState);
            }
            return profiles.find(c, p.id()).orElseThrow();
        });
        changed(after);
        return get(caller, p.id());
    }

    private void check(StoredProfile p, Action action) {
        if (!action.from.contains(p.status()) || !mode.canTransition(p.status(), action.to)) {
            throw new ConflictException(action.wrongState);
        }
    }

    /** The profile when the caller may read it (else 404) and act on it (else 403). */
    private StoredProfile actionable(Caller caller, UUID id, BiPredicate<Caller, StoredProfile> allowed,
            String forbidden) {
        caller.requireLoggedIn();
        StoredProfile p = db.read(c -> readable(c, caller, id));
        if (!allowed.test(caller, p)) {
            throw new ForbiddenException(forbidden);
        }
        return p;
    }

    // ---- similar profiles -------------------------------------------------------------------

    /**
     * Published counterparts of another organisation (an offer gets requests and vice versa), ranked
     * by the matching engine when one is installed, else by the lexical similarity. Status and
     * direction are filters here, whatever the engine returns.
     */
    public List<SimilarProfile> similar(Caller caller, UUID id, Integer limit) {
        int n = limit == null ? SIMILAR_DEFAULT : limit;
        if (n < 1 || n > SIMILAR_MAX) {
            throw new ValidationException("limit", "must be between 1 and " + SIMILAR_MAX);
        }
        StoredProfile p = db.read(c -> readable(c, caller, id));
        List<ProfileType> types = B2bMode.counterpartTypes(p.type());
        LocalDate today = today();
        List<Similarity.Scored> ranked = null;
        MatchingService engine = matching;
        if (engine != null) {
            try {
                ranked = fromEngine(caller, engine, p, types, n, today);
            } catch (RuntimeException e) {
                LOG.warn("The matching engine failed for profile {}; using the lexical similarity: {}", id, e.toString());
            }
        }
        if (ranked == null) {
            ranked = lexical(p, types, n, today);
        }
        List<StoredProfile> rows = ranked.stream().map(Similarity.Scored::profile).toList();
        Set<UUID> accepted = db.read(c -> accepted(c, caller, rows));
        Map<UUID, String> names = new HashMap<>();
        List<SimilarProfile> out = new ArrayList<>();
        for (Similarity.Scored s : ranked) {
            StoredProfile q = s.profile();
            boolean revealed = Access.ownerReads(caller, q) || accepted.contains(q.id());
            out.add(new SimilarProfile(view(caller, q, revealed, names), s.score(), s.reasons()));
        }
        return out;
    }

    private List<Similarity.Scored> fromEngine(Caller caller, MatchingService engine, StoredProfile p,
            List<ProfileType> types, int n, LocalDate today) {
        List<Match> matches = engine.recommend(caller, cooperationProfile(p), Math.min(2 * n, 2 * SIMILAR_MAX));
        List<UUID> ids = matches.stream().map(Match::id).distinct().toList();
        Map<UUID, StoredProfile> byId = new HashMap<>();
        db.read(c -> profiles.findAll(c, ids)).forEach(x -> byId.put(x.id(), x));
        List<Similarity.Scored> out = new ArrayList<>();
        for (Match m : matches) {
            StoredProfile q = byId.remove(m.id());
            if (q != null && counterpart(p, q, types, today) && out.size() < n) {
                out.add(new Similarity.Scored(q, m.score(), m.reasons()));
            }
        }
        return out;
    }

    private List<Similarity.Scored> lexical(StoredProfile p, List<ProfileType> types, int n, LocalDate today) {
        List<StoredProfile> candidates = db.read(c -> profiles.counterparts(c, p, types, today, CANDIDATES_MAX));
        List<Similarity.Scored> scored = new ArrayList<>();
        for (StoredProfile q : candidates) {
            Similarity.score(p, q).ifPresent(scored::add);
        }
        // candidates come newest first and the sort is stable: equal scores stay newest first
        scored.sort(Comparator.comparingDouble(Similarity.Scored::score).reversed());
        return scored.size() > n ? scored.subList(0, n) : scored;
    }

    private static boolean counterpart(StoredProfile p, StoredProfile q, List<ProfileType> types, LocalDate today) {
        return q.status() == ProfileStatus.PUBLISHED && types.contains(q.type()) && !q.id().equals(p.id())
                && !q.organisationId().equals(p.organisationId()) && !q.content().expiresOn().isBefore(today);
    }

    static CooperationProfile cooperationProfile(StoredProfile p) {
        ProfileContent x = p.content();
        return new CooperationProfile(p.id(), B2bMode.ID, x.type().name(), x.type().direction(), p.status(),
                p.associationId(), p.organisationId(), x.title(), x.summary(), p.keywords(), x.naceCodes(), p.country(),
                x.targetCountries(), x.expiresOn(), p.updatedAt());
    }

    /**
     * Every published profile that has not expired, for the matching engine's index. Read a page at a
     * time, and each page handed over after its connection is closed, so a slow reader (the engine
     * embeds each text) holds no database connection and the memory used stays one page.
     */
    void forEachPublished(Consumer<CooperationProfile> sink) {
        forEachPublished(sink, SOURCE_PAGE);
    }

    void forEachPublished(Consumer<CooperationProfile> sink, int pageSize) {
        LocalDate today = today();
        UUID after = null;
        while (true) {
            UUID from = after;
            List<StoredProfile> page = db.read(c -> profiles.publishedAfter(c, from, today, pageSize));
            for (StoredProfile p : page) {
                sink.accept(cooperationProfile(p));
            }
            if (page.size() < pageSize) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /** Tells the matching engine, if any, about a change; its failure never fails the change. */
    private void changed(StoredProfile p) {
        MatchingService engine = matching;
        if (engine != null) {
            try {
                engine.profileChanged(cooperationProfile(p));
            } catch (RuntimeException e) {
                LOG.warn("The matching engine could not take the change of profile {}: {}", p.id(), e.toString());
            }
        }
    }

    // ---- export and import ------------------------------------------------------------------

    /**
     * The list's matches as CSV (with a byte order mark, so spreadsheets read UTF-8). The owner and
     * contact columns are present only when at least one row is revealed to the caller, and empty
     * in the rows that are not.
     */
    public String export(Caller caller, ProfileFilter filter) {
        ProfileFilter f = clean(filter);
        Loaded loaded = db.read(c -> {
            List<StoredProfile> rows = profiles.all(c, caller, f, EXPORT_MAX);
            return new Loaded(rows, accepted(c, caller, rows), rows.size());
        });
        List<Profile> rows = views(caller, loaded);
        boolean withContact = rows.stream().anyMatch(p -> p.owner() != null);
        StringBuilder out = new StringBuilder("\uFEFF");
        Csv.appendRow(out, ProfileCsv.exportHeader(withContact));
        for (Profile p : rows) {
            Csv.appendRow(out, ProfileCsv.exportRow(p, withContact));
        }
        return out.toString();
    }

    /** Stores each good row as a draft, each in its own transaction; reports the others by line. */
    public ImportResult importCsv(Caller caller, String text) {
        requireImporter(caller);
        Csv.Document doc = Csv.read(text == null ? "" : text);
        if (doc.header() == null) {
            throw new ValidationException("file", "is empty: line 1 must name the columns");
        }
        if (!doc.header().ok()) {
            throw new ValidationException("header", "line 1: " + doc.header().error());
        }
        Map<String, Integer> header = ProfileCsv.header(doc.header().fields());
        checkRowCount(doc.rows().size());
        int stored = 0;
        List<ImportResult.Rejection> rejected = new ArrayList<>();
        for (Csv.Row row : doc.rows()) {
            String problem = row.ok() ? store(caller, ProfileCsv.fromCsv(header, row.fields())) : row.error();
            if (problem == null) {
                stored++;
            } else {
                rejected.add(new ImportResult.Rejection(row.line(), problem));
            }
        }
        return new ImportResult(stored, rejected);
    }

    /** The JSON form of the import: {@code line} in the result is the 1-based position in the array. */
    public ImportResult importJson(Caller caller, List<Map<String, Object>> objects) {
        requireImporter(caller);
        if (objects == null) {
            throw new ValidationException("body", "is required: an array of profiles");
        }
        checkRowCount(objects.size());
        int stored = 0;
        List<ImportResult.Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            String problem;
            if (objects.get(i) == null) {
                problem = "is not an object";
            } else {
                try {
                    problem = store(caller, ProfileCsv.fromJson(objects.get(i)));
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
            }
            if (problem == null) {
                stored++;
            } else {
                rejected.add(new ImportResult.Rejection(i + 1, problem));
            }
        }
        return new ImportResult(stored, rejected);
    }

    private void checkRowCount(int rows) {
        if (rows > settings.maxImportRows()) {
            throw new ValidationException("file", "holds " + rows + " rows; at most " + settings.maxImportRows()
                    + " can be imported at once");
        }
    }

    /** Creates one imported profile; the reason it was refused, or null when stored. */
    private String store(Caller caller, ProfileInput input) {
        try {
            create(caller, input);
            return null;
        } catch (ValidationException e) {
            List<String> problems = new ArrayList<>();
            new TreeMap<>(e.errors()).forEach((field, problem) -> problems.add(field + ": " + problem));
            return String.join("; ", problems);
        } catch (DanubiaException e) {
            return e.getMessage();
        } catch (StoreException e) {
            LOG.warn("An imported profile could not be stored", e);
            return "could not be stored (database error)";
        }
    }

    private static void requireImporter(Caller caller) {
        caller.requireLoggedIn();
        if (!caller.isAdmin() && !(caller.has(Role.MEMBER) && caller.organisationId() != null)) {
            throw new ForbiddenException("Only members acting for an organisation and association admins may import profiles");
        }
    }

    // ---- expiry -----------------------------------------------------------------------------

    /**
     * Moves published profiles whose date has passed to EXPIRED, and warns the owners of those
     * expiring within the configured days, once per profile (also across nodes: the flag is set
     * in the database before the message goes out).
     */
    public ExpiryResult checkExpiry() {
        LocalDate today = today();
        int expired = 0;
        for (UUID id : db.read(c -> profiles.expired(c, today))) {
            StoredProfile after = db.transaction(c -> profiles.move(c, id, ProfileStatus.PUBLISHED, ProfileStatus.EXPIRED,
                    now()) ? profiles.find(c, id).orElse(null) : null);
            if (after != null) {
                expired++;
                changed(after);
            }
        }
        int warned = 0;
        LocalDate until = today.plusDays(settings.expiryWarningDays());
        for (UUID id : db.read(c -> profiles.expiringUnwarned(c, today, until))) {
            StoredProfile p = db.transaction(c -> profiles.markWarned(c, id) ? profiles.find(c, id).orElse(null) : null);
            if (p != null) {
                warned++;
                notifier.expiring(p);
            }
        }
        if (expired > 0 || warned > 0) {
            LOG.info("B2B expiry check: {} profiles expired, {} owners warned", expired, warned);
        }
        return new ExpiryResult(warned, expired);
    }

    // ---- expressions of interest ------------------------------------------------------------

    public Interest express(Caller caller, UUID profileId, InterestInput in) {
        caller.requireLoggedIn();
        InterestInput input = in == null ? new InterestInput(null, null) : in;
        StoredProfile p = db.read(c -> readable(c, caller, profileId));
        Map<String, String> errors = new LinkedHashMap<>();
        Organisation sender = actingFor(caller, input.organisationId(), errors, "express interest");
        if (sender != null && sender.id().equals(p.organisationId())) {
            throw new ForbiddenException("You cannot express interest in your own organisation's profile");
        }
        if (p.status() != ProfileStatus.PUBLISHED) {
            throw new ConflictException("Interest can only be expressed in published profiles");
        }
        String message = Validator.text(input.message());
        Validator v = new Validator().required("message", message).maxLength("message", message, ProfileInputs.MESSAGE_MAX);
        try {
            v.check();
        } catch (ValidationException e) {
            errors.putAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        StoredInterest i = new StoredInterest(UUID.randomUUID(), p.id(), sender.id(), sender.associationId(),
                caller.userId(), senderName(caller), caller.email(), message, InterestStatus.PENDING, now(), null);
        try {
            db.transaction(c -> {
                if (interests.exists(c, p.id(), sender.id())) {
                    throw new ConflictException(DUPLICATE_INTEREST);
                }
                interests.insert(c, i);
                return null;
            });
        } catch (StoreException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw new ConflictException(DUPLICATE_INTEREST);
            }
            throw e;
        }
        notifier.interestReceived(p, sender.country());
        cooperationEvents.recorded(CooperationEvents.interest(i, p));
        return interestView(i, p, Interest.Box.OUTBOX, new HashMap<>());
    }

    /** The inbox, the outbox, or (box {@code null}) both; an interest on both sides is shown as INBOX. */
    public List<Interest> interests(Caller caller, Interest.Box box) {
        caller.requireLoggedIn();
        List<StoredInterest> inbox = box == Interest.Box.OUTBOX ? List.of() : db.read(c -> interests.inbox(c, caller));
        List<StoredInterest> outbox = box == Interest.Box.INBOX ? List.of() : db.read(c -> interests.outbox(c, caller));
        Map<UUID, Interest.Box> boxes = new LinkedHashMap<>();
        inbox.forEach(i -> boxes.putIfAbsent(i.id(), Interest.Box.INBOX));
        outbox.forEach(i -> boxes.putIfAbsent(i.id(), Interest.Box.OUTBOX));
        List<StoredInterest> all = new ArrayList<>(inbox);
        all.addAll(outbox);
        List<UUID> profileIds = all.stream().map(StoredInterest::profileId).distinct().toList();
        Map<UUID, StoredProfile> byId = new HashMap<>();
        db.read(c -> profiles.findAll(c, profileIds)).forEach(p -> byId.put(p.id(), p));
        Map<UUID, String> names = new HashMap<>();
        List<Interest> out = new ArrayList<>();
        for (StoredInterest i : all) {
            // an interest of the caller's side on both ends is listed once, as INBOX
            Interest.Box listedAs = boxes.remove(i.id());
            if (listedAs != null) {
                out.add(interestView(i, byId.get(i.profileId()), listedAs, names));
            }
        }
        out.sort(Comparator.comparing(Interest::createdAt).reversed().thenComparing(Interest::id));
        return out;
    }

    public Interest interest(Caller caller, UUID id) {
        caller.requireLoggedIn();
        Pair pair = db.read(c -> readableInterest(c, caller, id));
        Interest.Box box = Access.ownerReads(caller, pair.profile) ? Interest.Box.INBOX : Interest.Box.OUTBOX;
        return interestView(pair.interest, pair.profile, box, new HashMap<>());
    }

    public Interest accept(Caller caller, UUID id) {
        return answer(caller, id, InterestStatus.ACCEPTED);
    }

    public Interest decline(Caller caller, UUID id) {
        return answer(caller, id, InterestStatus.DECLINED);
    }

    private Interest answer(Caller caller, UUID id, InterestStatus to) {
        caller.requireLoggedIn();
        Pair pair = db.read(c -> readableInterest(c, caller, id));
        if (!Access.ownerWrites(caller, pair.profile)) {
            throw new ForbiddenException("Only the profile owner's side may answer an expression of interest");
        }
        if (pair.interest.status() != InterestStatus.PENDING) {
            throw new ConflictException("Only pending expressions of interest can be answered");
        }
        StoredInterest after = db.transaction(c -> {
            if (!interests.answer(c, id, to, now())) {
                throw new ConflictException("Only pending expressions of interest can be answered");
            }
            return interests.find(c, id).orElseThrow();
        });
        notifier.interestAnswered(pair.profile, after, to == InterestStatus.ACCEPTED);
        return interestView(after, pair.profile, Interest.Box.INBOX, new HashMap<>());
    }

    /** The interest with its profile, when the caller is on either side (else 404). */
    private Pair readableInterest(Connection c, Caller caller, UUID id) throws SQLException {
        StoredInterest i = interests.find(c, id).orElseThrow(() -> new NotFoundException("Expression of interest"));
        StoredProfile p = profiles.find(c, i.profileId()).orElseThrow(() -> new NotFoundException("Expression of interest"));
        if (!Access.ownerReads(caller, p) && !Access.senderReads(caller, i)) {
            throw new NotFoundException("Expression of interest");
        }
        return new Pair(i, p);
    }

    private record Pair(StoredInterest interest, StoredProfile profile) {
    }

    /**
     * The interest as one side sees it. The counterpart exists only once accepted: for the inbox the
     * sending organisation and user, for the outbox the owner organisation and the profile's contact.
     */
    private Interest interestView(StoredInterest i, StoredProfile p, Interest.Box box, Map<UUID, String> names) {
        Interest.Counterpart counterpart = null;
        if (i.status() == InterestStatus.ACCEPTED) {
            counterpart = box == Interest.Box.INBOX
                    ? new Interest.Counterpart(i.senderOrganisationId(),
                            names.computeIfAbsent(i.senderOrganisationId(), this::organisationName), i.senderName(),
                            i.senderEmail())
                    : new Interest.Counterpart(p.organisationId(),
                            names.computeIfAbsent(p.organisationId(), this::organisationName), p.content().contactName(),
                            p.content().contactEmail());
        }
        return new Interest(i.id(), i.profileId(), p.title(), i.status(), i.message(), i.createdAt(), i.answeredAt(), box,
                counterpart);
    }

    private String senderName(Caller caller) {
        AccountService a = accounts;
        if (a != null && caller.email() != null) {
            try {
                return a.userByEmail(caller, caller.email()).map(UserAccount::name).orElse(caller.email());
            } catch (RuntimeException e) {
                LOG.debug("No user name for {}: {}", caller.userId(), e.toString());
            }
        }
        return caller.email();
    }

    // ---- agreements -------------------------------------------------------------------------

    public Agreement createAgreement(Caller caller, AgreementInput in) {
        caller.requireLoggedIn();
        AgreementInput input = ValidationException.requireBody(in);
        Validator v = new Validator();
        UUID interestId = v.uuid("interestId", input.interestId());
        v.required("interestId", Validator.text(input.interestId()));
        AgreementType type = v.oneOf("type", input.type(), AgreementType.class);
        v.required("type", Validator.text(input.type()));
        String description = Validator.text(input.description());
        v.maxLength("description", description, ProfileInputs.MESSAGE_MAX);
        LocalDate signedOn = today();
        if (Validator.text(input.signedOn()) != null) {
            try {
                signedOn = LocalDate.parse(input.signedOn().strip());
                v.that(!signedOn.isAfter(today()), "signedOn", "must not be in the future");
            } catch (DateTimeParseException e) {
                v.that(false, "signedOn", "must be a date such as 2026-11-01");
            }
        }
        v.check();
        LocalDate signed = signedOn;
        UUID id = UUID.randomUUID();
        Instant at = now();
        Cooperation[] recorded = new Cooperation[1];
        Agreement agreement = db.transaction(c -> {
            Pair pair = readableInterest(c, caller, interestId);
            if (!Access.ownerWrites(caller, pair.profile) && !Access.senderWrites(caller, pair.interest)) {
                throw new ForbiddenException("Only the two parties of the interest may record an agreement");
            }
            if (pair.interest.status() != InterestStatus.ACCEPTED) {
                throw new ConflictException("Agreements can only be recorded for accepted expressions of interest");
            }
            agreements.insert(c, id, interestId, type, description, signed, caller.userId(), at);
            recorded[0] = new Cooperation(B2bMode.ID, Cooperation.Kind.AGREEMENT, id,
                    pair.interest.senderOrganisationId(), pair.profile.organisationId(), at);
            return agreements.find(c, caller, id).orElseThrow();
        });
        cooperationEvents.recorded(recorded[0]);
        return agreement;
    }

    public List<Agreement> agreements(Caller caller) {
        caller.requireLoggedIn();
        return db.read(c -> agreements.list(c, caller));
    }

    public Agreement agreement(Caller caller, UUID id) {
        caller.requireLoggedIn();
        return db.read(c -> id == null ? Optional.<Agreement>empty() : agreements.find(c, caller, id))
                .orElseThrow(() -> new NotFoundException("Agreement"));
    }

    // ---- shared -----------------------------------------------------------------------------

    /** A profile the caller may read: published, or any status for the owner's side. */
    private StoredProfile readable(Connection c, Caller caller, UUID id) throws SQLException {
        return profiles.find(c, id).filter(p -> Access.readsProfile(caller, p))
                .orElseThrow(() -> new NotFoundException("Profile"));
    }

    /**
     * The organisation the caller acts for: a member's own, or the one an admin names (it must
     * belong to the admin's association). Problems with the named id go to {@code errors}.
     */
    private Organisation actingFor(Caller caller, String requestedId, Map<String, String> errors, String what) {
        boolean admin = caller.isAdmin();
        if (!admin && !(caller.has(Role.MEMBER) && caller.organisationId() != null)) {
            throw new ForbiddenException("Only members acting for an organisation and association admins may " + what);
        }
        Validator v = new Validator();
        UUID requested = v.uuid("organisationId", requestedId);
        try {
            v.check();
        } catch (ValidationException e) {
            errors.putAll(e.errors());
            return null;
        }
        if (!admin && requested != null && !requested.equals(caller.organisationId())) {
            throw new ForbiddenException("You may " + what + " only for your own organisation");
        }
        UUID id = requested != null ? requested : caller.organisationId();
        if (id == null) {
            errors.put("organisationId", "is required: name the organisation of your association you act for");
            return null;
        }
        Optional<Organisation> org = organisation(id);
        if (org.isEmpty()) {
            errors.put("organisationId", "is not a known organisation");
            return null;
        }
        if (!caller.writesFor(org.get().id(), org.get().associationId())) {
            throw new ForbiddenException("You may " + what + " only for organisations of your association");
        }
        return org.get();
    }

    private ProfileContent content(ProfileInput input, Map<String, String> errors) {
        try {
            return ProfileInputs.content(input, today(), settings.defaultValidityMonths());
        } catch (ValidationException e) {
            errors.putAll(e.errors());
            return null;
        }
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

    /** Rows with the ids of those revealed to the caller by an accepted interest of its side. */
    private record Loaded(List<StoredProfile> rows, Set<UUID> accepted, long total) {
    }

    private Set<UUID> accepted(Connection c, Caller caller, List<StoredProfile> rows) throws SQLException {
        List<UUID> ids = rows.stream().filter(p -> !Access.ownerReads(caller, p)).map(StoredProfile::id).toList();
        Set<UUID> out = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            out.addAll(interests.acceptedFor(c, caller, ids.subList(from, Math.min(ids.size(), from + IN_CHUNK))));
        }
        return out;
    }

    private List<Profile> views(Caller caller, Loaded loaded) {
        Map<UUID, String> names = new HashMap<>();
        List<Profile> out = new ArrayList<>(loaded.rows.size());
        for (StoredProfile p : loaded.rows) {
            out.add(view(caller, p, Access.ownerReads(caller, p) || loaded.accepted.contains(p.id()), names));
        }
        return out;
    }

    /** The one place a stored profile becomes what a caller sees. */
    private Profile view(Caller caller, StoredProfile p, boolean revealed, Map<UUID, String> names) {
        ProfileContent x = p.content();
        Profile.Owner owner = revealed
                ? new Profile.Owner(p.organisationId(), names.computeIfAbsent(p.organisationId(), this::organisationName),
                        p.associationId(), x.contactName(), x.contactEmail(), x.contactPhone())
                : null;
        boolean mine = caller.organisationId() != null && caller.organisationId().equals(p.organisationId());
        return new Profile(p.id(), x.type(), p.status(), x.title(), x.summary(), x.description(), x.innovation(),
                x.stage(), x.ipr(), x.technologyKeywords(), x.marketKeywords(), x.naceCodes(),
                new PartnerSought(x.partnerTypes(), x.partnerRole(), x.partnerSizes()), x.partnershipTypes(),
                x.targetCountries(), p.country(), x.expiresOn(), x.language(),
                Access.ownerReads(caller, p) ? p.moderationComment() : null, p.createdAt(), p.updatedAt(),
                p.publishedAt(), mine, owner);
    }

    /** Normalises and checks the filter values that are not typed yet. */
    private static ProfileFilter clean(ProfileFilter filter) {
        ProfileFilter f = filter == null ? ProfileFilter.none() : filter;
        String country = Validator.text(f.country());
        country = country == null ? null : country.toUpperCase(java.util.Locale.ROOT);
        String nace = Validator.text(f.nace());
        nace = nace == null ? null : nace.toUpperCase(java.util.Locale.ROOT);
        Validator v = new Validator().country("country", country);
        if (nace != null) {
            v.nace("nace", List.of(nace));
        }
        v.check();
        return new ProfileFilter(Validator.text(f.q()), f.type(), country, nace, Validator.text(f.keyword()),
                f.from(), f.sort(), f.mine());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return Jdbc.now(clock);
    }
}
