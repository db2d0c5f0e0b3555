package eu.danubia.c2b.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;

import eu.danubia.api.cooperation.CooperationMode;
import eu.danubia.api.cooperation.Direction;
import eu.danubia.api.cooperation.ProfileStatus;

/**
 * The C2B/B2C mode as the platform lists it. Its "profiles" are the clusters' services (one type per
 * category, offers) and the businesses' requests (SERVICE_REQUEST and MEMBERSHIP_APPLICATION,
 * requests); a service request matches every service category. The service lifecycle in the
 * shared statuses: DRAFT and PUBLISHED move freely between each other, ARCHIVED is CLOSED and can
 * be restored to either.
 */
@Component(service = CooperationMode.class, property = "cooperation.mode=" + C2bMode.ID)
public class C2bMode implements CooperationMode {

    static final String ID = "c2b";

    private static final Map<ProfileStatus, Set<ProfileStatus>> TRANSITIONS = new EnumMap<>(ProfileStatus.class);

    static {
        TRANSITIONS.put(ProfileStatus.DRAFT, EnumSet.of(ProfileStatus.PUBLISHED, ProfileStatus.CLOSED));
        TRANSITIONS.put(ProfileStatus.PUBLISHED, EnumSet.of(ProfileStatus.DRAFT, ProfileStatus.CLOSED));
        TRANSITIONS.put(ProfileStatus.CLOSED, EnumSet.of(ProfileStatus.DRAFT, ProfileStatus.PUBLISHED));
        TRANSITIONS.put(ProfileStatus.SUBMITTED, EnumSet.noneOf(ProfileStatus.class));
        TRANSITIONS.put(ProfileStatus.EXPIRED, EnumSet.noneOf(ProfileStatus.class));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "C2B/B2C — cluster services and membership";
    }

    @Override
    public Set<String> profileTypes() {
        return Stream.concat(Stream.of(ServiceCategory.values()).map(Enum::name),
                Stream.of(RequestKind.values()).map(Enum::name)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Direction direction(String profileType) {
        if (category(profileType) != null) {
            return Direction.OFFER;
        }
        if (kind(profileType) != null) {
            return Direction.REQUEST;
        }
        throw new IllegalArgumentException("not a C2B profile type: " + profileType);
    }

    @Override
    public boolean matches(String from, String to) {
        return category(from) != null && kind(to) == RequestKind.SERVICE_REQUEST
                || kind(from) == RequestKind.SERVICE_REQUEST && category(to) != null;
    }

    @Override
    public boolean canTransition(ProfileStatus from, ProfileStatus to) {
        return from != null && to != null && TRANSITIONS.get(from).contains(to);
    }

    /** The shared status of a service status. */
    static ProfileStatus shared(ServiceStatus status) {
        return switch (status) {
            case DRAFT -> ProfileStatus.DRAFT;
            case PUBLISHED -> ProfileStatus.PUBLISHED;
            case ARCHIVED -> ProfileStatus.CLOSED;
        };
    }

    private static ServiceCategory category(String name) {
        try {
            return name == null ? null : ServiceCategory.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static RequestKind kind(String name) {
        try {
            return name == null ? null : RequestKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
