package eu.danubia.api;

/** Who may read a record: everyone (also anonymous visitors), or only the owning association. */
public enum Visibility {
    PUBLIC, ASSOCIATION
}
