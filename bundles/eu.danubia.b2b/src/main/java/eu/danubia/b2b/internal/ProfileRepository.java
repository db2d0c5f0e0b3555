package eu.danubia.b2b.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.danubia.api.OrganisationType;
import eu.danubia.api.Page;
import eu.danubia.api.PageRequest;
import eu.danubia.api.SizeClass;
import eu.danubia.api.cooperation.ProfileStatus;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Jdbc;
import eu.danubia.store.TenantScope;
import eu.danubia.store.Where;

/**
 * SQL of the profiles and their list fields. Lists load their child rows with one query per child
 * table, whatever the number of profiles.
 */
final class ProfileRepository {


    private static final String COLUMNS = "p.id, p.type, p.status, p.title, p.summary, p.description, p.innovation, "
            + "p.stage, p.ipr, p.partner_role, p.country, p.expires_on, p.language, p.organisation_id, p.association_id, "
            + "p.owner_user_id, p.owner_email, p.contact_name, p.contact_email, p.contact_phone, p.moderation_comment, "
            + "p.expiry_notified, p.created_at, p.updated_at, p.published_at";

    private static final String TECHNOLOGY = "TECHNOLOGY";
    private static final String MARKET = "MARKET";
    private static final String PARTNERSHIP_TYPE = "PARTNERSHIP_TYPE";
    private static final String TARGET_COUNTRY = "TARGET_COUNTRY";
    private static final String PARTNER_TYPE = "PARTNER_TYPE";
    private static final String PARTNER_SIZE = "PARTNER_SIZE";

    /** When a profile counts as recent: its publication, or its last change while not yet published. */
    private static final String RECENT = "COALESCE(p.published_at, p.updated_at)";

    Optional<StoredProfile> find(Connection c, UUID id) throws SQLException {
        if (id == null) {
            return Optional.empty();
        }
        return withChildren(c, Jdbc.query(c, "SELECT " + COLUMNS + " FROM b2b_profiles p WHERE p.id = ?",
                ProfileRepository::row, id)).stream().findFirst();
    }

    /** The profiles with these ids that exist, in the order of the ids. */
    List<StoredProfile> findAll(Connection c, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<StoredProfile> rows = withChildren(c, Jdbc.query(c, "SELECT " + COLUMNS + " FROM b2b_profiles p WHERE p.id IN ("
                + placeholders(ids.size()) + ")", ProfileRepository::row, ids.toArray()));
        Map<UUID, StoredProfile> byId = new HashMap<>();
        rows.forEach(p -> byId.put(p.id(), p));
        List<StoredProfile> out = new ArrayList<>();
        for (UUID id : ids) {
            if (byId.containsKey(id)) {
                out.add(byId.get(id));
            }
        }
        return out;
    }

    /**
     * One page of the list: published profiles, or with {@code mine} the ones the caller manages.
     * Every word of {@code q} must occur in some searched field; the relevance is the number of
     * (word, field) pairs that match.
     */
    Page<StoredProfile> search(Connection c, Caller caller, ProfileFilter f, PageRequest page) throws SQLException {
        List<String> words = Jdbc.queryWords(f.q());
        Where w = where(caller, f, words);
        long total = Jdbc.count(c, "SELECT COUNT(*) FROM b2b_profiles p" + w.sql(), w.params());
        if (total == 0) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        List<Object> params = new ArrayList<>();
        String relevance = relevance(words, params);
        Collections.addAll(params, w.params(page.size(), page.offset()));
        List<Row> rows = Jdbc.query(c, "SELECT " + COLUMNS + ", " + relevance + " AS relevance FROM b2b_profiles p"
                + w.sql() + " ORDER BY " + order(f.sort(), !words.isEmpty()) + " LIMIT ? OFFSET ?",
                ProfileRepository::row, params.toArray());
        return new Page<>(withChildren(c, rows), page.page(), page.size(), total);
    }

    /** Every match of the filter, in the list's order, at most {@code limit}: the export. */
    List<StoredProfile> all(Connection c, Caller caller, ProfileFilter f, int limit) throws SQLException {
        List<String> words = Jdbc.queryWords(f.q());
        Where w = where(caller, f, words);
        List<Object> params = new ArrayList<>();
        String relevance = relevance(words, params);
        Collections.addAll(params, w.params(limit));
        return withChildren(c, Jdbc.query(c, "SELECT " + COLUMNS + ", " + relevance + " AS relevance FROM b2b_profiles p"
                + w.sql() + " ORDER BY " + order(f.sort(), !words.isEmpty()) + " LIMIT ?",
                ProfileRepository::row, params.toArray()));
    }

    /** Submitted profiles waiting for the caller's moderation, oldest first. */
    List<StoredProfile> submitted(Connection c, Caller caller) throws SQLException {
        Where w = new Where().and("p.status = ?", ProfileStatus.SUBMITTED);
        if (!caller.isPlatformAdmin()) {
            w.and("p.association_id = ?", caller.associationId());
        }
        return withChildren(c, Jdbc.query(c, "SELECT " + COLUMNS + " FROM b2b_profiles p" + w.sql()
                + " ORDER BY p.updated_at, p.id", ProfileRepository::row, w.params()));
    }

    /** Published counterparts of a profile, newest first: the candidates of the lexical similarity. */
    List<StoredProfile> counterparts(Connection c, StoredProfile of, List<ProfileType> types, LocalDate today, int limit)
            throws SQLException {
        if (types.isEmpty()) {
            return List.of();
        }
        Where w = new Where().and("p.status = ?", ProfileStatus.PUBLISHED)
                .and("p.type IN (" + placeholders(types.size()) + ")", types.toArray())
                .and("p.id <> ?", of.id())
                .and("p.organisation_id <> ?", of.organisationId())
                .and("p.expires_on >= ?", today);
        return withChildren(c, Jdbc.query(c, "SELECT " + COLUMNS + " FROM b2b_profiles p" + w.sql()
                + " ORDER BY " + RECENT + " DESC, p.id LIMIT ?", ProfileRepository::row, w.params(limit)));
    }

    /**
     * One page of the published, unexpired profiles in id order, starting after {@code after} (null:
     * from the first). Keyset paging: a page costs the same however far the reader has come.
     */
    List<StoredProfile> publishedAfter(Connection c, UUID after, LocalDate today, int limit) throws SQLException {
        Where w = new Where().and("p.status = ?", ProfileStatus.PUBLISHED).and("p.expires_on >= ?", today)
                .andIf(after != null, "p.id > ?", after);
        return withChildren(c, Jdbc.query(c, "SELECT " + COLUMNS + " FROM b2b_profiles p" + w.sql()
                + " ORDER BY p.id LIMIT ?", ProfileRepository::row, w.params(limit)));
    }

    /** Published profiles whose expiry date has passed. */
    List<UUID> expired(Connection c, LocalDate today) throws SQLException {
        return Jdbc.query(c, "SELECT id FROM b2b_profiles WHERE status = ? AND expires_on < ? ORDER BY id",
                rs -> Jdbc.uuid(rs, "id"), ProfileStatus.PUBLISHED, today);
    }

    /** Published profiles that expire by {@code until} and whose owner was not warned yet. */
    List<UUID> expiringUnwarned(Connection c, LocalDate today, LocalDate until) throws SQLException {
        return Jdbc.query(c, "SELECT id FROM b2b_profiles WHERE status = ? AND expiry_notified = ? AND expires_on >= ? "
                + "AND expires_on <= ? ORDER BY id", rs -> Jdbc.uuid(rs, "id"), ProfileStatus.PUBLISHED, false, today, until);
    }

    /** Marks the warning as sent; false when another node (or run) already did. */
    boolean markWarned(Connection c, UUID id) throws SQLException {
        return Jdbc.update(c, "UPDATE b2b_profiles SET expiry_notified = ? WHERE id = ? AND expiry_notified = ? AND status = ?",
                true, id, false, ProfileStatus.PUBLISHED) == 1;
    }

    void insert(Connection c, StoredProfile p) throws SQLException {
        ProfileContent x = p.content();
        Jdbc.update(c, "INSERT INTO b2b_profiles (id, type, status, title, summary, description, innovation, stage, ipr, "
                + "partner_role, country, expires_on, language, organisation_id, association_id, owner_user_id, owner_email, "
                + "contact_name, contact_email, contact_phone, moderation_comment, expiry_notified, created_at, updated_at, "
                + "published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.id(), x.type(), p.status(), x.title(), x.summary(), x.description(), x.innovation(), x.stage(), x.ipr(),
                x.partnerRole(), p.country(), x.expiresOn(), x.language(), p.organisationId(), p.associationId(),
                p.ownerUserId(), p.ownerEmail(), x.contactName(), x.contactEmail(), x.contactPhone(),
                p.moderationComment(), p.expiryNotified(), p.createdAt(), p.updatedAt(), p.publishedAt());
        insertChildren(c, p.id(), x);
    }

    /** Replaces the owner's content of a draft; false when the profile is no draft (any more). */
    boolean updateContent(Connection c, UUID id, ProfileContent x, String country, Instant now) throws SQLException {
        int updated = Jdbc.update(c, "UPDATE b2b_profiles SET type = ?, title = ?, summary = ?, description = ?, "
                + "innovation = ?, stage = ?, ipr = ?, partner_role = ?, country = ?, expires_on = ?, language = ?, "
                + "contact_name = ?, contact_email = ?, contact_phone = ?, expiry_notified = ?, updated_at = ? "
                + "WHERE id = ? AND status = ?",
                x.type(), x.title(), x.summary(), x.description(), x.innovation(), x.stage(), x.ipr(), x.partnerRole(),
                country, x.expiresOn(), x.language(), x.contactName(), x.contactEmail(), x.contactPhone(), false, now, id,
                ProfileStatus.DRAFT);
        if (updated == 0) {
            return false;
        }
        Jdbc.update(c, "DELETE FROM b2b_profile_keywords WHERE profile_id = ?", id);
        Jdbc.update(c, "DELETE FROM b2b_profile_nace WHERE profile_id = ?", id);
        Jdbc.update(c, "DELETE FROM b2b_profile_codes WHERE profile_id = ?", id);
        insertChildren(c, id, x);
        return true;
    }

    /**
     * Moves a profile from one status to another, only if it still has the expected one, so two
     * concurrent moderators cannot both act: false when it had changed meanwhile.
     */
    boolean move(Connection c, UUID id, ProfileStatus from, ProfileStatus to, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE b2b_profiles SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                to, now, id, from) == 1;
    }

    boolean publish(Connection c, UUID id, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE b2b_profiles SET status = ?, published_at = ?, moderation_comment = NULL, "
                + "updated_at = ? WHERE id = ? AND status = ?",
                ProfileStatus.PUBLISHED, now, now, id, ProfileStatus.SUBMITTED) == 1;
    }

    boolean returnToDraft(Connection c, UUID id, String comment, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE b2b_profiles SET status = ?, moderation_comment = ?, updated_at = ? "
                + "WHERE id = ? AND status = ?", ProfileStatus.DRAFT, comment, now, id, ProfileStatus.SUBMITTED) == 1;
    }

    boolean renew(Connection c, UUID id, ProfileStatus from, LocalDate expiresOn, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE b2b_profiles SET status = ?, expires_on = ?, expiry_notified = ?, updated_at = ?, "
                + "published_at = COALESCE(published_at, ?) WHERE id = ? AND status = ?",
                ProfileStatus.PUBLISHED, expiresOn, false, now, now, id, from) == 1;
    }

    // ---- query parts ------------------------------------------------------------------------

    private static Where where(Caller caller, ProfileFilter f, List<String> words) {
        Where w = new Where();
        if (f.mine()) {
            w.and(TenantScope.side(caller, "p.organisation_id", "p.association_id"));
        } else {
            w.and("p.status = ?", ProfileStatus.PUBLISHED);
        }
        w.andIf(f.type() != null, "p.type = ?", f.type())
                .andIf(f.country() != null, "p.country = ?", f.country());
        if (f.nace() != null) {
            w.and("EXISTS (SELECT 1 FROM b2b_profile_nace n WHERE n.profile_id = p.id AND n.code LIKE ? ESCAPE '\\')",
                    likePrefix(f.nace()));
        }
        if (f.keyword() != null) {
            w.and("EXISTS (SELECT 1 FROM b2b_profile_keywords k WHERE k.profile_id = p.id AND k.keyword_lower = ?)",
                    f.keyword().toLowerCase(Locale.ROOT));
        }
        if (f.from() != null) {
            w.and(RECENT + " >= ?", f.from().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        for (String word : words) {
            String like = Jdbc.likeContains(word);
            List<String> fields = fieldMatches();
            w.and(String.join(" OR ", fields), Collections.nCopies(fields.size(), like).toArray());
        }
        return w;
    }

    /** The searched fields, each as a condition with one LIKE parameter. */
    private static List<String> fieldMatches() {
        return List.of("lower(p.title) LIKE ? ESCAPE '\\'", "lower(p.summary) LIKE ? ESCAPE '\\'",
                "lower(p.description) LIKE ? ESCAPE '\\'", "lower(p.innovation) LIKE ? ESCAPE '\\'",
                "EXISTS (SELECT 1 FROM b2b_profile_keywords k WHERE k.profile_id = p.id AND k.keyword_lower LIKE ? ESCAPE '\\')");
    }

    private static String relevance(List<String> words, List<Object> params) {
        if (words.isEmpty()) {
            return "0";
        }
        List<String> terms = new ArrayList<>();
        for (String word : words) {
            String like = Jdbc.likeContains(word);
            for (String field : fieldMatches()) {
                terms.add("CASE WHEN " + field + " THEN 1 ELSE 0 END");
                params.add(like);
            }
        }
        return "(" + String.join(" + ", terms) + ")";
    }

    private static String order(ProfileFilter.Sort sort, boolean searching) {
        ProfileFilter.Sort s = sort != null ? sort : searching ? ProfileFilter.Sort.RELEVANCE : ProfileFilter.Sort.RECENT;
        return switch (s) {
            case TITLE -> "lower(p.title), p.id";
            case RELEVANCE -> searching ? "relevance DESC, " + RECENT + " DESC, p.id" : RECENT + " DESC, p.id";
            case RECENT -> RECENT + " DESC, p.id";
        };
    }

    static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    // ---- rows -------------------------------------------------------------------------------

    private static void insertChildren(Connection c, UUID id, ProfileContent x) throws SQLException {
        keywords(c, id, TECHNOLOGY, x.technologyKeywords());
        keywords(c, id, MARKET, x.marketKeywords());
        int position = 0;
        for (String code : x.naceCodes()) {
            Jdbc.update(c, "INSERT INTO b2b_profile_nace (profile_id, code, position) VALUES (?, ?, ?)", id, code, position++);
        }
        codes(c, id, PARTNERSHIP_TYPE, x.partnershipTypes().stream().map(Enum::name).toList());
        codes(c, id, TARGET_COUNTRY, x.targetCountries());
        codes(c, id, PARTNER_TYPE, x.partnerTypes().stream().map(Enum::name).toList());
        codes(c, id, PARTNER_SIZE, x.partnerSizes().stream().map(Enum::name).toList());
    }

    private static void keywords(Connection c, UUID id, String kind, List<String> keywords) throws SQLException {
        int position = 0;
        for (String k : keywords) {
            Jdbc.update(c, "INSERT INTO b2b_profile_keywords (profile_id, kind, position, keyword, keyword_lower) "
                    + "VALUES (?, ?, ?, ?, ?)", id, kind, position++, k, k.toLowerCase(Locale.ROOT));
        }
    }

    private static void codes(Connection c, UUID id, String field, List<String> codes) throws SQLException {
        int position = 0;
        for (String code : codes) {
            Jdbc.update(c, "INSERT INTO b2b_profile_codes (profile_id, field, position, code) VALUES (?, ?, ?, ?)",
                    id, field, position++, code);
        }
    }

    /** The rows with their list fields: one query per child table. */
    private static List<StoredProfile> withChildren(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        Object[] ids = rows.stream().map(r -> r.id).toArray();
        String in = placeholders(ids.length);
        Map<UUID, Map<String, List<String>>> lists = new HashMap<>();
        Jdbc.query(c, "SELECT profile_id, kind, keyword FROM b2b_profile_keywords WHERE profile_id IN (" + in
                + ") ORDER BY profile_id, kind, position",
                rs -> add(lists, Jdbc.uuid(rs, "profile_id"), rs.getString("kind"), rs.getString("keyword")), ids);
        Jdbc.query(c, "SELECT profile_id, code FROM b2b_profile_nace WHERE profile_id IN (" + in
                + ") ORDER BY profile_id, position",
                rs -> add(lists, Jdbc.uuid(rs, "profile_id"), "NACE", rs.getString("code")), ids);
        Jdbc.query(c, "SELECT profile_id, field, code FROM b2b_profile_codes WHERE profile_id IN (" + in
                + ") ORDER BY profile_id, field, position",
                rs -> add(lists, Jdbc.uuid(rs, "profile_id"), rs.getString("field"), rs.getString("code")), ids);
        List<StoredProfile> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Map<String, List<String>> l = lists.getOrDefault(r.id, Map.of());
            ProfileContent content = new ProfileContent(r.type, r.title, r.summary, r.description, r.innovation, r.stage,
                    r.ipr, list(l, TECHNOLOGY), list(l, MARKET), list(l, "NACE"),
                    enums(list(l, PARTNER_TYPE), OrganisationType.class), r.partnerRole,
                    enums(list(l, PARTNER_SIZE), SizeClass.class),
                    enums(list(l, PARTNERSHIP_TYPE), PartnershipType.class), list(l, TARGET_COUNTRY), r.expiresOn,
                    r.language, r.contactName, r.contactEmail, r.contactPhone);
            out.add(new StoredProfile(r.id, r.status, content, r.country, r.organisationId, r.associationId,
                    r.ownerUserId, r.ownerEmail, r.moderationComment, r.expiryNotified, r.createdAt, r.updatedAt,
                    r.publishedAt));
        }
        return out;
    }

    private static Object add(Map<UUID, Map<String, List<String>>> lists, UUID id, String field, String value) {
        lists.computeIfAbsent(id, k -> new HashMap<>()).computeIfAbsent(field, k -> new ArrayList<>()).add(value);
        return null;
    }

    private static List<String> list(Map<String, List<String>> lists, String field) {
        return lists.getOrDefault(field, List.of());
    }

    private static <E extends Enum<E>> List<E> enums(List<String> names, Class<E> type) {
        return names.stream().map(n -> Enum.valueOf(type, n)).toList();
    }

    /** The columns of one profile row, before its list fields are added. */
    private record Row(UUID id, ProfileType type, ProfileStatus status, String title, String summary, String description,
            String innovation, Stage stage, Ipr ipr, String partnerRole, String country, LocalDate expiresOn,
            String language, UUID organisationId, UUID associationId, UUID ownerUserId, String ownerEmail,
            String contactName, String contactEmail, String contactPhone, String moderationComment,
            boolean expiryNotified, Instant createdAt, Instant updatedAt, Instant publishedAt) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(Jdbc.uuid(rs, "id"), Jdbc.enumValue(rs, "type", ProfileType.class),
                Jdbc.enumValue(rs, "status", ProfileStatus.class), rs.getString("title"), rs.getString("summary"),
                rs.getString("description"), rs.getString("innovation"), Jdbc.enumValue(rs, "stage", Stage.class),
                Jdbc.enumValue(rs, "ipr", Ipr.class), rs.getString("partner_role"), rs.getString("country"),
                Jdbc.date(rs, "expires_on"), rs.getString("language"), Jdbc.uuid(rs, "organisation_id"),
                Jdbc.uuid(rs, "association_id"), Jdbc.uuid(rs, "owner_user_id"), rs.getString("owner_email"),
                rs.getString("contact_name"), rs.getString("contact_email"), rs.getString("contact_phone"),
                rs.getString("moderation_comment"), rs.getBoolean("expiry_notified"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"), Jdbc.instant(rs, "published_at"));
    }
}
