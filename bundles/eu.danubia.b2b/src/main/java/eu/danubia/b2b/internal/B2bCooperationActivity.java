package eu.danubia.b2b.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.danubia.api.cooperation.CooperationActivity;
import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.store.Database;

/**
 * The B2B mode's cooperation record for indicators: every expression of interest, whatever its
 * status (from = the sending organisation, to = the profile's owner), and every agreement (between
 * the same two organisations as its interest), with the time each was recorded. Not tenant-scoped:
 * it carries no content, and the indicators decide what a user sees.
 */
@Component(service = CooperationActivity.class, property = "cooperation.mode=" + B2bMode.ID)
public class B2bCooperationActivity implements CooperationActivity {

    private final Database db;
    private final CooperationRepository repository = new CooperationRepository();

    /** {@code B2bService} migrates the tables: the reference only makes this start after it. */
    @Activate
    public B2bCooperationActivity(@Reference Database db, @Reference B2bService tables) {
        this.db = db;
    }

    @Override
    public String mode() {
        return B2bMode.ID;
    }

    @Override
    public List<Cooperation> cooperations(Collection<UUID> organisationIds) {
        if (organisationIds == null || organisationIds.isEmpty()) {
            return List.of();
        }
        return db.read(c -> repository.involving(c, organisationIds));
    }
}
