package eu.danubia.b2b.internal;

import eu.danubia.api.cooperation.Direction;

/**
 * The EEN profile types. Each belongs to a family (business or technology); matching pairs an offer
 * with a request of the same family, and an R&amp;D request with technology offers, since research
 * partners are found among those who already offer the technology.
 */
public enum ProfileType {
    BUSINESS_OFFER(Direction.OFFER, Family.BUSINESS),
    BUSINESS_REQUEST(Direction.REQUEST, Family.BUSINESS),
    TECHNOLOGY_OFFER(Direction.OFFER, Family.TECHNOLOGY),
    TECHNOLOGY_REQUEST(Direction.REQUEST, Family.TECHNOLOGY),
    RD_REQUEST(Direction.REQUEST, Family.TECHNOLOGY);

    enum Family {
        BUSINESS, TECHNOLOGY
    }

    private final Direction direction;
    private final Family family;

    ProfileType(Direction direction, Family family) {
        this.direction = direction;
        this.family = family;
    }

    public Direction direction() {
        return direction;
    }

    /** Technology offers and requests describe a technology, so they state its stage of development. */
    public boolean needsStage() {
        return this == TECHNOLOGY_OFFER || this == TECHNOLOGY_REQUEST;
    }

    /** Whether profiles of this type look for profiles of the other type. Symmetric. */
    public boolean matches(ProfileType other) {
        return other != null && direction != other.direction && family == other.family;
    }
}
