package eu.danubia.security.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.danubia.api.ForbiddenException;
import eu.danubia.api.Page;
import eu.danubia.api.PageRequest;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.security.AuditLog;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.store.Jdbc;
import eu.danubia.store.TenantScope;
import eu.danubia.store.Where;

/**
 * The append-only audit log: this class only ever inserts. Entries carry the tenant they concern,
 * so each association's admins read their own tenant's entries and platform admins read all.
 */
@Component(service = {AuditLog.class, AuditLogImpl.class})
public class AuditLogImpl implements AuditLog {

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");
    private static final int MAX_ACTION = 64;
    private static final int MAX_TARGET = 200;

    private final SecurityStore store;
    private final Clock clock;

    @Activate
    public AuditLogImpl(@Reference SecurityStore store) {
        this(store, Clock.systemUTC());
    }

    AuditLogImpl(SecurityStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void record(Caller caller, String action, String target) {
        store.transaction(c -> {
            append(c, caller.userId(), caller.associationId(), action, target);
            return null;
        });
    }

    /** Appends an entry within the caller's transaction, so the entry and the action commit together. */
    void append(Connection c, UUID userId, UUID associationId, String action, String target) throws SQLException {
        if (action == null || action.length() > MAX_ACTION || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("audit action must be like 'organisation.update': " + action);
        }
        if (target != null && target.length() > MAX_TARGET) {
            throw new IllegalArgumentException("audit target longer than " + MAX_TARGET + " characters");
        }
        Jdbc.update(c, "INSERT INTO audit_log (at, user_id, association_id, action, target) VALUES (?, ?, ?, ?, ?)",
                clock.instant(), userId, associationId, action, target);
    }

    /** Newest first; association admins see their tenant's entries, platform admins all. */
    public Page<AuditEntry> list(Caller caller, PageRequest page) {
        if (caller.isAnonymous()) {
            throw new UnauthorizedException("Log in first");
        }
        if (!caller.isPlatformAdmin() && !(caller.has(Role.ASSOCIATION_ADMIN) && caller.associationId() != null)) {
            throw new ForbiddenException("Only administrators read the audit log");
        }
        Where where = TenantScope.own(caller, "association_id");
        return store.read(c -> {
            long total = Jdbc.count(c, "SELECT COUNT(*) FROM audit_log" + where.sql(), where.params());
            List<AuditEntry> items = Jdbc.query(c,
                    "SELECT id, at, user_id, association_id, action, target FROM audit_log" + where.sql()
                            + " ORDER BY id DESC LIMIT ? OFFSET ?",
                    rs -> new AuditEntry(rs.getLong("id"), Jdbc.instant(rs, "at"), Jdbc.uuid(rs, "user_id"),
                            Jdbc.uuid(rs, "association_id"), rs.getString("action"), rs.getString("target")),
                    where.params(page.size(), page.offset()));
            return new Page<>(items, page.page(), page.size(), total);
        });
    }
}
