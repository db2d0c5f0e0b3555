package eu.danubia.rdi.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;

import eu.danubia.api.cooperation.CooperationMode;
import eu.danubia.api.cooperation.Direction;
import eu.danubia.api.cooperation.ProfileStatus;

/**
 * The RDI projects mode as the platform lists it. Two profile types reach the matching engine: a
 * {@code PROJECT_IDEA} (an open idea asking for partners) and a {@code PARTNER} (an organisation of
 * the directory offering itself as one); they match each other. An idea's DRAFT → OPEN → CLOSED is
 * DRAFT → PUBLISHED → CLOSED in the shared lifecycle.
 */
@Component(service = CooperationMode.class, property = "cooperation.mode=" + RdiMode.ID)
public class RdiMode implements CooperationMode {

    static final String ID = "rdi";
    static final String PROJECT_IDEA = "PROJECT_IDEA";
    static final String PARTNER = "PARTNER";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "RDI projects — research and innovation consortia";
    }

    @Override
    public Set<String> profileTypes() {
        return Set.of(PROJECT_IDEA, PARTNER);
    }

    @Override
    public Direction direction(String profileType) {
        if (PROJECT_IDEA.equals(profileType)) {
            return Direction.REQUEST;
        }
        if (PARTNER.equals(profileType)) {
            return Direction.OFFER;
        }
        throw new IllegalArgumentException("not an RDI profile type: " + profileType);
    }

    @Override
    public boolean matches(String from, String to) {
        return PROJECT_IDEA.equals(from) && PARTNER.equals(to) || PARTNER.equals(from) && PROJECT_IDEA.equals(to);
    }

    @Override
    public boolean canTransition(ProfileStatus from, ProfileStatus to) {
        if (from == null || to == null) {
            return false;
        }
        return from == ProfileStatus.DRAFT && (to == ProfileStatus.PUBLISHED || to == ProfileStatus.CLOSED)
                || from == ProfileStatus.PUBLISHED && to == ProfileStatus.CLOSED;
    }

    static ProfileStatus profileStatus(IdeaStatus status) {
        return switch (status) {
            case DRAFT -> ProfileStatus.DRAFT;
            case OPEN -> ProfileStatus.PUBLISHED;
            case CLOSED -> ProfileStatus.CLOSED;
        };
    }
}
