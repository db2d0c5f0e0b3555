package eu.danubia.c2b.internal;

import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.danubia.api.cooperation.ActivityItem;
import eu.danubia.api.cooperation.OrganisationActivity;
import eu.danubia.api.security.Caller;

/** The organisation page's "Cluster services" section: its requests, and the services it offers as a cluster office. */
@Component(service = OrganisationActivity.class, property = "cooperation.mode=" + C2bMode.ID)
public class C2bOrganisationActivity implements OrganisationActivity {

    private final C2bService c2b;

    @Activate
    public C2bOrganisationActivity(@Reference C2bService c2b) {
        this.c2b = c2b;
    }

    @Override
    public String mode() {
        return C2bMode.ID;
    }

    @Override
    public String label() {
        return "Cluster services";
    }

    @Override
    public List<ActivityItem> activity(Caller caller, UUID organisationId, int limit) {
        return c2b.activity(caller == null ? Caller.ANONYMOUS : caller, organisationId, limit);
    }
}
