package eu.danubia.store.testing;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;

/** Rows and callers the modules' test fixtures share: associations, users of each role, row counts. */
public final class TestData {

    private TestData() {
    }

    /** Inserts the association {@code slug} ("Association slug", country RO) and returns its new id. */
    public static UUID association(Database db, String slug) {
        return association(db, slug, "RO");
    }

    /** Inserts the association {@code slug} ("Association slug") in {@code country} and returns its new id. */
    public static UUID association(Database db, String slug, String country) {
        UUID id = UUID.randomUUID();
        db.transaction(c -> Jdbc.update(c,
                "INSERT INTO associations (id, slug, name, country, created_at) VALUES (?, ?, ?, ?, ?)",
                id, slug, "Association " + slug, country, Instant.now()));
        return id;
    }

    /** The platform's administrator, root@danubia.example. */
    public static Caller platformAdmin() {
        return new Caller(UUID.randomUUID(), "root@danubia.example", null, null, Set.of(Role.PLATFORM_ADMIN));
    }

    /** The administrator of an association, admin@{@code slug}.example. */
    public static Caller associationAdmin(UUID association, String slug) {
        return new Caller(UUID.randomUUID(), "admin@" + slug + ".example", association, null,
                Set.of(Role.ASSOCIATION_ADMIN));
    }

    /** A user of an organisation with the one role MEMBER (reads and writes for it). */
    public static Caller member(String email, UUID association, UUID organisation) {
        return new Caller(UUID.randomUUID(), email, association, organisation, Set.of(Role.MEMBER));
    }

    /** A user of an organisation with the one role VIEWER (reads only). */
    public static Caller viewer(String email, UUID association, UUID organisation) {
        return new Caller(UUID.randomUUID(), email, association, organisation, Set.of(Role.VIEWER));
    }

    /** The single number a {@code SELECT COUNT(*) ...} query returns. */
    public static long count(Database db, String sql, Object... params) {
        return db.read(c -> Jdbc.count(c, sql, params));
    }
}
