package eu.danubia.c2c.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;

import eu.danubia.api.cooperation.CooperationMode;
import eu.danubia.api.cooperation.Direction;
import eu.danubia.api.cooperation.ProfileStatus;

/**
 * The C2C cooperation mode as the platform lists it. It publishes one kind of profile, the cluster
 * profile, which is shown as soon as it is saved (no moderation, no expiry): a published profile
 * can only be edited, so the only transition is PUBLISHED → PUBLISHED. Cluster profiles match each
 * other (complementary clusters). The proposal workflow has its own statuses ({@link ProposalStatus}).
 */
@Component(service = CooperationMode.class, property = "cooperation.mode=" + C2cMode.ID)
public class C2cMode implements CooperationMode {

    static final String ID = "c2c";
    static final String CLUSTER_PROFILE = "CLUSTER_PROFILE";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "C2C — cluster partnerships";
    }

    @Override
    public Set<String> profileTypes() {
        return Set.of(CLUSTER_PROFILE);
    }

    @Override
    public Direction direction(String profileType) {
        if (!CLUSTER_PROFILE.equals(profileType)) {
            throw new IllegalArgumentException("not a C2C profile type: " + profileType);
        }
        return Direction.OFFER;
    }

    @Override
    public boolean matches(String from, String to) {
        return CLUSTER_PROFILE.equals(from) && CLUSTER_PROFILE.equals(to);
    }

    @Override
    public boolean canTransition(ProfileStatus from, ProfileStatus to) {
        return from == ProfileStatus.PUBLISHED && to == ProfileStatus.PUBLISHED;
    }
}
