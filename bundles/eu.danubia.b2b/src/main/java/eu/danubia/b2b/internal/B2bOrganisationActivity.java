package eu.danubia.b2b.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.danubia.api.Organisation;
import eu.danubia.api.cooperation.ActivityItem;
import eu.danubia.api.cooperation.OrganisationActivity;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;

/**
 * The organisation page's B2B section: the organisation's profiles and the interests it sent.
 * Published profiles are anonymous until their owner accepts an interest, so listing them under
 * the organisation's name would reveal who is behind them: the section is shown only to the
 * organisation's own users, its association's admins and platform admins, and is empty for
 * everybody else.
 */
@Component(service = OrganisationActivity.class, property = "cooperation.mode=" + B2bMode.ID)
public class B2bOrganisationActivity implements OrganisationActivity {

    private final Database db;
    private final DirectoryService directory;

    /** {@code B2bService} migrates the tables: the reference only makes this start after it. */
    @Activate
    public B2bOrganisationActivity(@Reference Database db, @Reference DirectoryService directory, @Reference B2bService tables) {
        this.db = db;
        this.directory = directory;
    }

    @Override
    public String mode() {
        return B2bMode.ID;
    }

    @Override
    public String label() {
        return "B2B cooperation";
    }

    @Override
    public List<ActivityItem> activity(Caller caller, UUID organisationId, int limit) {
        Organisation org = directory.organisation(Caller.SYSTEM, organisationId).orElse(null);
        boolean insider = org != null && (organisationId.equals(caller.organisationId()) || caller.administers(org.associationId()));
        if (!insider || limit <= 0) {
            return List.of();
        }
        List<ActivityItem> items = new ArrayList<>(db.read(c -> Jdbc.query(c,
                "SELECT id, type, title, status, updated_at FROM b2b_profiles WHERE organisation_id = ? ORDER BY updated_at DESC LIMIT ?",
                rs -> new ActivityItem(label(ProfileType.valueOf(rs.getString("type"))), rs.getString("title"), rs.getString("status"),
                        Jdbc.instant(rs, "updated_at"), "#/b2b/profiles/" + rs.getString("id")),
                organisationId, limit)));
        items.addAll(db.read(c -> Jdbc.query(c,
                "SELECT i.id, i.status, i.created_at, p.title FROM b2b_interests i JOIN b2b_profiles p ON p.id = i.profile_id"
                        + " WHERE i.sender_organisation_id = ? ORDER BY i.created_at DESC LIMIT ?",
                rs -> new ActivityItem("Expression of interest sent", rs.getString("title"), rs.getString("status"),
                        Jdbc.instant(rs, "created_at"), "#/b2b/interests?box=outbox"),
                organisationId, limit)));
        items.sort(Comparator.comparing(ActivityItem::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return List.copyOf(items.subList(0, Math.min(limit, items.size())));
    }

    private static String label(ProfileType type) {
        String words = type.name().replace('_', ' ').toLowerCase(Locale.ROOT).replace("rd ", "R&D ");
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
