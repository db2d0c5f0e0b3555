package eu.danubia.b2b.internal;

/** Intellectual property rights status of a technology. */
public enum Ipr {
    PATENT_GRANTED, PATENT_PENDING, EXCLUSIVE_RIGHTS, SECRET_KNOW_HOW, COPYRIGHT, TRADEMARK, OTHER, NONE
}
