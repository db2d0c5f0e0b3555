package eu.danubia.c2b.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationActivity;

/**
 * The C2B record of cooperation for indicators: every request (whatever its status) as an interest
 * from the requesting organisation to the cluster's managing organisation, and every accepted one
 * also as an agreement (see {@link CooperationEvents}). Not tenant-scoped: it carries no content.
 */
@Component(service = CooperationActivity.class, property = "cooperation.mode=" + C2bMode.ID)
public class C2bCooperationActivity implements CooperationActivity {

    private final C2bService c2b;

    @Activate
    public C2bCooperationActivity(@Reference C2bService c2b) {
        this.c2b = c2b;
    }

    @Override
    public String mode() {
        return C2bMode.ID;
    }

    @Override
    public List<Cooperation> cooperations(Collection<UUID> organisationIds) {
        return c2b.cooperations(organisationIds);
    }
}
