package eu.danubia.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;
import eu.danubia.store.TenantScope;
import eu.danubia.store.Where;

/** The same checks on H2 and on PostgreSQL. */
class DatabaseTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void migratesCoreAndModuleSchemasOnceEach(Database db) {
        assertThat(db.migrate("storetest", getClass().getClassLoader())).isEqualTo(2);
        assertThat(db.migrate("storetest", getClass().getClassLoader())).isZero();
        assertThat(db.migrate("core", getClass().getClassLoader())).isZero();
        long tables = db.read(c -> Jdbc.count(c,
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema AND lower(table_name) IN ('associations','nuts_regions','nace_codes','notes')"));
        assertThat(tables).isEqualTo(4);
        assertThat(db.ping(2)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void rollsBackTheWholeTransactionWhenWorkFails(Database db) {
        db.migrate("storetest", getClass().getClassLoader());
        assertThatThrownBy(() -> db.transaction(c -> {
            insertAssociation(c, A, "a");
            Jdbc.update(c, "INSERT INTO associations (id, slug, name, country, created_at) VALUES (?, ?, ?, ?, ?)",
                    B, "a", "duplicate slug", "RO", Instant.now());
            return null;
        })).hasRootCauseInstanceOf(SQLException.class);
        long left = db.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM associations"));
        assertThat(left).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void roundTripsParameterTypes(Database db) {
        db.migrate("storetest", getClass().getClassLoader());
        UUID id = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDate on = LocalDate.of(2024, 2, 29);
        db.transaction(c -> {
            insertAssociation(c, A, "a");
            return Jdbc.update(c, "INSERT INTO notes (id, association_id, visibility, body, written_on, written_at, amount) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    id, A, "PUBLIC", "Ünïcødé ăîșț ľščť", on, at, new BigDecimal("1234.50"));
        });
        List<Object[]> rows = db.read(c -> Jdbc.query(c, "SELECT id, body, written_on, written_at, amount FROM notes",
                rs -> new Object[] {Jdbc.uuid(rs, "id"), rs.getString("body"), Jdbc.date(rs, "written_on"),
                    Jdbc.instant(rs, "written_at"), rs.getBigDecimal("amount")}));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsExactly(id, "Ünïcødé ăîșț ľščť", on, at, new BigDecimal("1234.50"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void tenantScopeShowsPublicRecordsAndOwnAssociationOnly(Database db) {
        db.migrate("storetest", getClass().getClassLoader());
        db.transaction(c -> {
            insertAssociation(c, A, "a");
            insertAssociation(c, B, "b");
            note(c, A, "PUBLIC", "a-public");
            note(c, A, "ASSOCIATION", "a-private");
            note(c, B, "PUBLIC", "b-public");
            note(c, B, "ASSOCIATION", "b-private");
            return null;
        });
        Caller memberOfA = new Caller(UUID.randomUUID(), "m@a.eu", A, null, Set.of(Role.MEMBER));
        Caller platformAdmin = new Caller(UUID.randomUUID(), "p@x.eu", null, null, Set.of(Role.PLATFORM_ADMIN));

        assertThat(bodies(db, TenantScope.readable(memberOfA, "association_id", "visibility")))
                .containsExactly("a-private", "a-public", "b-public");
        assertThat(bodies(db, TenantScope.readable(Caller.ANONYMOUS, "association_id", "visibility")))
                .containsExactly("a-public", "b-public");
        assertThat(bodies(db, TenantScope.readable(platformAdmin, "association_id", "visibility"))).hasSize(4);
        assertThat(bodies(db, TenantScope.own(memberOfA, "association_id"))).containsExactly("a-private", "a-public");
        assertThat(bodies(db, TenantScope.own(Caller.ANONYMOUS, "association_id"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void likePatternsTreatWildcardsAsText(Database db) {
        db.migrate("storetest", getClass().getClassLoader());
        db.transaction(c -> {
            insertAssociation(c, A, "a");
            note(c, A, "PUBLIC", "100% green");
            note(c, A, "PUBLIC", "1000 green");
            return null;
        });
        Where w = new Where().and("lower(body) LIKE ? ESCAPE '\\'", Jdbc.likeContains("100%"));
        assertThat(bodies(db, w)).containsExactly("100% green");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void rejectsModuleNamesThatCouldEscapeTheHistoryTable(Database db) {
        assertThatThrownBy(() -> db.migrate("x; DROP TABLE associations", getClass().getClassLoader()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> bodies(Database db, Where where) {
        return db.read(c -> Jdbc.query(c, "SELECT body FROM notes" + where.sql() + " ORDER BY body",
                rs -> rs.getString(1), where.params()));
    }

    private static void insertAssociation(java.sql.Connection c, UUID id, String slug) throws SQLException {
        Jdbc.update(c, "INSERT INTO associations (id, slug, name, country, created_at) VALUES (?, ?, ?, ?, ?)",
                id, slug, "Association " + slug, "RO", Instant.now());
    }

    private static void note(java.sql.Connection c, UUID association, String visibility, String body) throws SQLException {
        Jdbc.update(c, "INSERT INTO notes (id, association_id, visibility, body) VALUES (?, ?, ?, ?)",
                UUID.randomUUID(), association, visibility, body);
    }
}
