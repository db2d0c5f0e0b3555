package eu.danubia.b2b.internal;

import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.danubia.api.cooperation.CooperationProfile;
import eu.danubia.api.matching.ProfileSource;

/**
 * The B2B profiles the matching engine indexes: every PUBLISHED one that has not expired. Later
 * changes reach the engine through {@code B2bService}, which reports each create, edit and status
 * change to {@code MatchingService.profileChanged}.
 */
@Component(service = ProfileSource.class, property = "cooperation.mode=" + B2bMode.ID)
public class B2bProfileSource implements ProfileSource {

    private final B2bService b2b;

    @Activate
    public B2bProfileSource(@Reference B2bService b2b) {
        this.b2b = b2b;
    }

    @Override
    public String mode() {
        return B2bMode.ID;
    }

    @Override
    public void forEachPublished(Consumer<CooperationProfile> sink) {
        b2b.forEachPublished(sink);
    }
}
