package eu.danubia.rdi.internal;

import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.danubia.api.cooperation.CooperationProfile;
import eu.danubia.api.matching.ProfileSource;

/**
 * What the matching engine indexes for RDI: open public ideas ({@code PROJECT_IDEA}) and the public
 * organisations of the directory as {@code PARTNER}s, whose profile id is the organisation's id, so
 * that the consortium builder's {@code search(..., {mode: rdi, type: PARTNER})} answers organisations.
 * Idea changes reach the engine through {@code RdiService}; directory changes are picked up when this
 * source registers again (bundle start) or by {@code danubia:reindex}.
 */
@Component(service = ProfileSource.class, property = "cooperation.mode=" + RdiMode.ID)
public class RdiProfileSource implements ProfileSource {

    private final RdiService rdi;

    @Activate
    public RdiProfileSource(@Reference RdiService rdi) {
        this.rdi = rdi;
    }

    @Override
    public String mode() {
        return RdiMode.ID;
    }

    @Override
    public void forEachPublished(Consumer<CooperationProfile> sink) {
        rdi.forEachPublished(sink);
    }
}
