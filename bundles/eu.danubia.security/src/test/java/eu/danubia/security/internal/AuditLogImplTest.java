package eu.danubia.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.Association;
import eu.danubia.api.ForbiddenException;
import eu.danubia.api.Page;
import eu.danubia.api.PageRequest;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.api.security.UserAccount;
import eu.danubia.store.Database;

class AuditLogImplTest {

    private static final String DBS = "eu.danubia.store.testing.TestDatabases#all";

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void recordsWhoDidWhatWhere(Database db) {
        Fixture f = new Fixture(db);
        Association a = f.association("cluster-a");
        UserAccount admin = f.user("boss@a.example", a.id(), Role.ASSOCIATION_ADMIN);
        f.clock.advance(Duration.ofMinutes(1));

        f.audit.record(f.caller(admin), "organisation.update", "organisation:42");

        AuditEntry newest = f.audit.list(f.caller(admin), PageRequest.of(0, 1)).items().get(0);
        assertThat(newest.action()).isEqualTo("organisation.update");
        assertThat(newest.target()).isEqualTo("organisation:42");
        assertThat(newest.userId()).isEqualTo(admin.id());
        assertThat(newest.associationId()).isEqualTo(a.id());
        assertThat(newest.at()).isEqualTo(f.clock.instant());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void associationAdminsSeeTheirTenantOnly(Database db) {
        Fixture f = new Fixture(db);
        Association a = f.association("cluster-a");
        Association b = f.association("cluster-b");
        UserAccount adminA = f.user("boss@a.example", a.id(), Role.ASSOCIATION_ADMIN);
        UserAccount adminB = f.user("boss@b.example", b.id(), Role.ASSOCIATION_ADMIN);
        f.user("member@b.example", b.id(), Role.MEMBER);
        f.login("boss@b.example");
        f.audit.record(f.caller(adminB), "organisation.update", "organisation:b1");

        Page<AuditEntry> ofA = f.audit.list(f.caller(adminA), PageRequest.of(0, 50));
        Page<AuditEntry> ofB = f.audit.list(f.caller(adminB), PageRequest.of(0, 50));

        assertThat(ofA.items()).isNotEmpty().allSatisfy(e -> assertThat(e.associationId()).isEqualTo(a.id()));
        assertThat(ofA.items()).extracting(AuditEntry::action).containsExactly("user.create", "association.create");
        assertThat(ofB.items()).allSatisfy(e -> assertThat(e.associationId()).isEqualTo(b.id()));
        assertThat(ofB.items()).extracting(AuditEntry::action)
                .contains("organisation.update", "login.success", "user.create", "association.create");
        assertThat(ofA.total()).isEqualTo(ofA.items().size());

        Page<AuditEntry> all = f.audit.list(Caller.SYSTEM, PageRequest.of(0, 50));
        assertThat(all.total()).isEqualTo(ofA.total() + ofB.total());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void pagesNewestFirst(Database db) {
        Fixture f = new Fixture(db);
        for (int i = 0; i < 5; i++) {
            f.audit.record(Caller.SYSTEM, "import.run", "import:" + i);
        }

        Page<AuditEntry> second = f.audit.list(Caller.SYSTEM, PageRequest.of(1, 2));

        assertThat(second.total()).isEqualTo(5);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(2);
        assertThat(second.items()).extracting(AuditEntry::target).containsExactly("import:2", "import:1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void onlyAdminsReadTheLog(Database db) {
        Fixture f = new Fixture(db);
        Association a = f.association("cluster-a");
        Caller member = f.caller(f.user("member@a.example", a.id(), Role.MEMBER));

        assertThatThrownBy(() -> f.audit.list(member, PageRequest.of(0, 10))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.audit.list(Caller.ANONYMOUS, PageRequest.of(0, 10)))
                .isInstanceOf(UnauthorizedException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void anonymousEntriesKeepTheirTenant(Database db) {
        Fixture f = new Fixture(db);
        Association a = f.association("cluster-a");
        Caller adminA = f.caller(f.user("boss@a.example", a.id(), Role.ASSOCIATION_ADMIN));

        f.audit.recordAnonymous("form.submit", null, a.id());

        AuditEntry newest = f.audit.list(adminA, PageRequest.of(0, 1)).items().get(0);
        assertThat(newest.action()).isEqualTo("form.submit");
        assertThat(newest.userId()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void rejectsMalformedActions(Database db) {
        Fixture f = new Fixture(db);
        assertThatThrownBy(() -> f.audit.record(Caller.SYSTEM, "Drop table; --", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.audit.record(Caller.SYSTEM, "x.y", "t".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(f.count("SELECT COUNT(*) FROM audit_log")).isZero();
    }
}
