package eu.danubia.b2b.internal;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;

import eu.danubia.api.cooperation.CooperationMode;
import eu.danubia.api.cooperation.Direction;
import eu.danubia.api.cooperation.ProfileStatus;

/**
 * The B2B cooperation mode as the platform lists it. Its lifecycle table is also the one the
 * service enforces: a profile is drafted, submitted, published by a moderator (or returned to
 * draft), and ends closed by its owner or expired; published and expired profiles can be renewed.
 */
@Component(service = CooperationMode.class, property = "cooperation.mode=b2b")
public class B2bMode implements CooperationMode {

    static final String ID = "b2b";

    private static final Map<ProfileStatus, Set<ProfileStatus>> TRANSITIONS = new EnumMap<>(ProfileStatus.class);

    static {
        TRANSITIONS.put(ProfileStatus.DRAFT, EnumSet.of(ProfileStatus.SUBMITTED));
        TRANSITIONS.put(ProfileStatus.SUBMITTED, EnumSet.of(ProfileStatus.PUBLISHED, ProfileStatus.DRAFT));
        // PUBLISHED -> PUBLISHED is a renewal
        TRANSITIONS.put(ProfileStatus.PUBLISHED,
                EnumSet.of(ProfileStatus.CLOSED, ProfileStatus.EXPIRED, ProfileStatus.PUBLISHED));
        TRANSITIONS.put(ProfileStatus.EXPIRED, EnumSet.of(ProfileStatus.PUBLISHED));
        TRANSITIONS.put(ProfileStatus.CLOSED, EnumSet.noneOf(ProfileStatus.class));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "B2B — business and technology cooperation";
    }

    @Override
    public Set<String> profileTypes() {
        return Arrays.stream(ProfileType.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Direction direction(String profileType) {
        return type(profileType).direction();
    }

    @Override
    public boolean matches(String from, String to) {
        ProfileType a = typeOrNull(from);
        ProfileType b = typeOrNull(to);
        return a != null && a.matches(b);
    }

    @Override
    public boolean canTransition(ProfileStatus from, ProfileStatus to) {
        return from != null && to != null && TRANSITIONS.get(from).contains(to);
    }

    /** The types a profile of this type is matched with. */
    static List<ProfileType> counterpartTypes(ProfileType type) {
        return Arrays.stream(ProfileType.values()).filter(type::matches).toList();
    }

    private static ProfileType type(String name) {
        ProfileType t = typeOrNull(name);
        if (t == null) {
            throw new IllegalArgumentException("not a B2B profile type: " + name);
        }
        return t;
    }

    private static ProfileType typeOrNull(String name) {
        if (name == null) {
            return null;
        }
        try {
            return ProfileType.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
