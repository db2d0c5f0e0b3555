package eu.danubia.b2b.internal;

/** Stage of development of a technology (EEN technology profiles). */
public enum Stage {
    CONCEPT, LAB_TESTED, PROTOTYPE, FIELD_TESTED, ON_MARKET
}
