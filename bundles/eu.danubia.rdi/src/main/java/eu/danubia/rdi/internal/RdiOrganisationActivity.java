package eu.danubia.rdi.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.danubia.api.NotFoundException;
import eu.danubia.api.Organisation;
import eu.danubia.api.cooperation.ActivityItem;
import eu.danubia.api.cooperation.OrganisationActivity;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;

/**
 * The organisation page's RDI section: the organisation's project ideas the caller may read (each
 * checked by {@link RdiService#idea}, so its visibility rules apply), and, for the organisation's
 * own users and its association's admins, the applications it sent.
 */
@Component(service = OrganisationActivity.class, property = "cooperation.mode=" + RdiMode.ID)
public class RdiOrganisationActivity implements OrganisationActivity {

    private final Database db;
    private final DirectoryService directory;
    private final RdiService rdi;

    @Activate
    public RdiOrganisationActivity(@Reference Database db, @Reference DirectoryService directory, @Reference RdiService rdi) {
        this.db = db;
        this.directory = directory;
        this.rdi = rdi;
    }

    @Override
    public String mode() {
        return RdiMode.ID;
    }

    @Override
    public String label() {
        return "RDI projects";
    }

    @Override
    public List<ActivityItem> activity(Caller caller, UUID organisationId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<UUID> ids = db.read(c -> Jdbc.query(c,
                "SELECT id FROM rdi_ideas WHERE organisation_id = ? ORDER BY updated_at DESC LIMIT ?",
                rs -> Jdbc.uuid(rs, "id"), organisationId, limit));
        List<ActivityItem> items = new ArrayList<>();
        for (UUID id : ids) {
            try {
                Idea idea = rdi.idea(caller, id);
                items.add(new ActivityItem("Project idea", idea.title(), idea.status().name(), idea.updatedAt(), "#/rdi/ideas/" + id));
            } catch (NotFoundException notReadable) {
                // private to the owner's side
            }
        }
        Organisation org = directory.organisation(Caller.SYSTEM, organisationId).orElse(null);
        if (org != null && (organisationId.equals(caller.organisationId()) || caller.administers(org.associationId()))) {
            items.addAll(db.read(c -> Jdbc.query(c,
                    "SELECT a.status, a.created_at, i.title FROM rdi_applications a JOIN rdi_ideas i ON i.id = a.idea_id"
                            + " WHERE a.applicant_organisation_id = ? ORDER BY a.created_at DESC LIMIT ?",
                    rs -> new ActivityItem("Application to join", rs.getString("title"), rs.getString("status"),
                            Jdbc.instant(rs, "created_at"), "#/rdi/applications"),
                    organisationId, limit)));
        }
        items.sort(Comparator.comparing(ActivityItem::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return List.copyOf(items.subList(0, Math.min(limit, items.size())));
    }
}
