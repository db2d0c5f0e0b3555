package eu.danubia.rdi.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationActivity;
import eu.danubia.store.Database;

/**
 * The RDI mode's cooperation record for indicators: every application is an INTEREST (from the
 * applicant to the idea's owner, when sent), every accepted one also an AGREEMENT (when accepted).
 * Not tenant-scoped: it carries no content, and the indicators decide what a user sees.
 */
@Component(service = CooperationActivity.class, property = "cooperation.mode=" + RdiMode.ID)
public class RdiCooperationActivity implements CooperationActivity {

    private final Database db;
    private final ApplicationRepository repository = new ApplicationRepository();

    /** {@code RdiService} migrates the tables: the reference only makes this start after it. */
    @Activate
    public RdiCooperationActivity(@Reference Database db, @Reference RdiService tables) {
        this.db = db;
    }

    @Override
    public String mode() {
        return RdiMode.ID;
    }

    @Override
    public List<Cooperation> cooperations(Collection<UUID> organisationIds) {
        if (organisationIds == null || organisationIds.isEmpty()) {
            return List.of();
        }
        return db.read(c -> repository.involving(c, organisationIds));
    }
}
