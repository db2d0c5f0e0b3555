package eu.danubia.c2c.internal;

import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.danubia.api.cooperation.ActivityItem;
import eu.danubia.api.cooperation.OrganisationActivity;
import eu.danubia.api.security.Caller;

/** The organisation page's C2C section: see {@link C2cService#activity}. */
@Component(service = OrganisationActivity.class, property = "cooperation.mode=" + C2cMode.ID)
public class C2cOrganisationActivity implements OrganisationActivity {

    private final C2cService c2c;

    @Activate
    public C2cOrganisationActivity(@Reference C2cService c2c) {
        this.c2c = c2c;
    }

    @Override
    public String mode() {
        return C2cMode.ID;
    }

    @Override
    public String label() {
        return "Cluster partnerships";
    }

    @Override
    public List<ActivityItem> activity(Caller caller, UUID organisationId, int limit) {
        return c2c.activity(caller == null ? Caller.ANONYMOUS : caller, organisationId, limit);
    }
}
