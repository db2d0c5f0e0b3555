package eu.danubia.c2c.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationActivity;

/**
 * The C2C mode's cooperation record for indicators, between the clusters' managing organisations:
 * every proposal is an interest (from = the proposing cluster's, to = the target cluster's, at its
 * creation), and every accepted one also an agreement (at its acceptance; it stays one when the
 * partnership starts and ends). Proposals of a cluster without a managing organisation are left
 * out. Not tenant-scoped: it carries no content, and the indicators decide what a user sees.
 */
@Component(service = CooperationActivity.class, property = "cooperation.mode=" + C2cMode.ID)
public class C2cCooperationActivity implements CooperationActivity {

    private final C2cService c2c;

    @Activate
    public C2cCooperationActivity(@Reference C2cService c2c) {
        this.c2c = c2c;
    }

    @Override
    public String mode() {
        return C2cMode.ID;
    }

    @Override
    public List<Cooperation> cooperations(Collection<UUID> organisationIds) {
        if (organisationIds == null || organisationIds.isEmpty()) {
            return List.of();
        }
        return c2c.cooperations(organisationIds);
    }
}
