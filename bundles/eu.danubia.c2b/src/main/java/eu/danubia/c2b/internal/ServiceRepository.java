package eu.danubia.c2b.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.danubia.store.Jdbc;
import eu.danubia.store.Where;

/** SQL of the service catalogue. Tenant rules are applied by the caller through {@link Access}. */
final class ServiceRepository {

    private static final String COLUMNS = "s.id, s.cluster_id, s.association_id, s.provider_organisation_id, "
            + "s.cluster_country, s.category, s.title, s.description, s.price_model, s.price_amount, s.currency, "
            + "s.eligibility, s.status, s.created_by, s.created_at, s.updated_at, s.published_at";

    void insert(Connection c, StoredService s) throws SQLException {
        Jdbc.update(c, "INSERT INTO c2b_services (id, cluster_id, association_id, provider_organisation_id, "
                + "cluster_country, category, title, description, price_model, price_amount, currency, eligibility, "
                + "status, created_by, created_at, updated_at, published_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.id(), s.clusterId(), s.associationId(), s.providerOrganisationId(), s.clusterCountry(), s.category(),
                s.title(), s.description(), s.priceModel(), s.priceAmount(), s.currency(), s.eligibility(), s.status(),
                s.createdBy(), s.createdAt(), s.updatedAt(), s.publishedAt());
        insertLists(c, s);
    }

    void update(Connection c, StoredService s) throws SQLException {
        Jdbc.update(c, "UPDATE c2b_services SET association_id = ?, provider_organisation_id = ?, cluster_country = ?, "
                + "category = ?, title = ?, description = ?, price_model = ?, price_amount = ?, currency = ?, "
                + "eligibility = ?, status = ?, updated_at = ?, published_at = ? WHERE id = ?",
                s.associationId(), s.providerOrganisationId(), s.clusterCountry(), s.category(), s.title(),
                s.description(), s.priceModel(), s.priceAmount(), s.currency(), s.eligibility(), s.status(),
                s.updatedAt(), s.publishedAt(), s.id());
        Jdbc.update(c, "DELETE FROM c2b_service_countries WHERE service_id = ?", s.id());
        Jdbc.update(c, "DELETE FROM c2b_service_languages WHERE service_id = ?", s.id());
        insertLists(c, s);
    }

    boolean archive(Connection c, UUID id, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE c2b_services SET status = 'ARCHIVED', updated_at = ? WHERE id = ? "
                + "AND status <> 'ARCHIVED'", now, id) > 0;
    }

    Optional<StoredService> find(Connection c, UUID id) throws SQLException {
        if (id == null) {
            return Optional.empty();
        }
        return select(c, new Where().and("s.id = ?", id), "", 1).stream().findFirst();
    }

    List<StoredService> findAll(Connection c, Collection<UUID> ids) throws SQLException {
        List<UUID> list = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (list.isEmpty()) {
            return List.of();
        }
        return select(c, new Where().and("s.id IN (" + placeholders(list.size()) + ")", list.toArray()), "", list.size());
    }

    /** PUBLISHED services matching the filter, newest first, from the {@code offset}-th on. */
    List<StoredService> published(Connection c, ServiceFilter f, int limit, int offset) throws SQLException {
        return select(c, filter(f).and("s.status = 'PUBLISHED'"), " ORDER BY s.published_at DESC, s.id", limit, offset);
    }

    /** Services of any status in the caller's reach (the where clause), matching the filter, newest first. */
    List<StoredService> managed(Connection c, Where scope, ServiceFilter f, int limit) throws SQLException {
        return select(c, filter(f).and(scope), " ORDER BY s.updated_at DESC, s.id", limit);
    }

    /** The services a provider organisation offers, newest change first. */
    List<StoredService> ofProvider(Connection c, UUID organisationId, int limit) throws SQLException {
        return select(c, new Where().and("s.provider_organisation_id = ?", organisationId),
                " ORDER BY s.updated_at DESC, s.id", limit);
    }

    private static Where filter(ServiceFilter f) {
        Where w = new Where();
        if (f == null) {
            return w;
        }
        w.andIf(f.category() != null, "s.category = ?", f.category());
        w.andIf(f.country() != null, "s.cluster_country = ?", f.country());
        w.andIf(f.clusterId() != null, "s.cluster_id = ?", f.clusterId());
        for (String word : Jdbc.queryWords(f.q())) {
            String like = Jdbc.likeContains(word);
            w.and("lower(s.title) LIKE ? ESCAPE '\\' OR lower(s.description) LIKE ? ESCAPE '\\'", like, like);
        }
        return w;
    }

    private List<StoredService> select(Connection c, Where w, String order, int limit) throws SQLException {
        return select(c, w, order, limit, 0);
    }

    private List<StoredService> select(Connection c, Where w, String order, int limit, int offset) throws SQLException {
        List<Row> rows = Jdbc.query(c, "SELECT " + COLUMNS + " FROM c2b_services s" + w.sql() + order + " LIMIT ? OFFSET ?",
                ServiceRepository::row, w.params(limit, offset));
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(r -> r.id).toList();
        String in = placeholders(ids.size());
        Map<UUID, List<String>> countries = new HashMap<>();
        Jdbc.query(c, "SELECT service_id, country FROM c2b_service_countries WHERE service_id IN (" + in
                + ") ORDER BY country", rs -> {
                    countries.computeIfAbsent(Jdbc.uuid(rs, "service_id"), k -> new ArrayList<>()).add(rs.getString("country"));
                    return null;
                }, ids.toArray());
        Map<UUID, List<String>> languages = new HashMap<>();
        Jdbc.query(c, "SELECT service_id, code FROM c2b_service_languages WHERE service_id IN (" + in
                + ") ORDER BY position", rs -> {
                    languages.computeIfAbsent(Jdbc.uuid(rs, "service_id"), k -> new ArrayList<>()).add(rs.getString("code"));
                    return null;
                }, ids.toArray());
        List<StoredService> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(r.with(countries.get(r.id), languages.get(r.id)));
        }
        return out;
    }

    private static void insertLists(Connection c, StoredService s) throws SQLException {
        for (String country : s.countries()) {
            Jdbc.update(c, "INSERT INTO c2b_service_countries (service_id, country) VALUES (?, ?)", s.id(), country);
        }
        int position = 0;
        for (String code : s.languages()) {
            Jdbc.update(c, "INSERT INTO c2b_service_languages (service_id, code, position) VALUES (?, ?, ?)", s.id(), code,
                    position++);
        }
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** A row before its lists are read. */
    private record Row(UUID id, StoredService base) {
        StoredService with(List<String> countries, List<String> languages) {
            StoredService b = base;
            return new StoredService(b.id(), b.clusterId(), b.associationId(), b.providerOrganisationId(),
                    b.clusterCountry(), b.category(), b.title(), b.description(), b.priceModel(), b.priceAmount(),
                    b.currency(), b.eligibility(), countries, languages, b.status(), b.createdBy(), b.createdAt(),
                    b.updatedAt(), b.publishedAt());
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        UUID id = Jdbc.uuid(rs, "id");
        return new Row(id, new StoredService(id, Jdbc.uuid(rs, "cluster_id"), Jdbc.uuid(rs, "association_id"),
                Jdbc.uuid(rs, "provider_organisation_id"), rs.getString("cluster_country"),
                Jdbc.enumValue(rs, "category", ServiceCategory.class), rs.getString("title"), rs.getString("description"),
                Jdbc.enumValue(rs, "price_model", PriceModel.class), rs.getBigDecimal("price_amount"),
                rs.getString("currency"), Jdbc.enumValue(rs, "eligibility", Eligibility.class), null, null,
                Jdbc.enumValue(rs, "status", ServiceStatus.class), Jdbc.uuid(rs, "created_by"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"), Jdbc.instant(rs, "published_at")));
    }
}
