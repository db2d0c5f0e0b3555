package eu.danubia.c2c.internal;

/**
 * A proposal's workflow: {@code PROPOSED → ACCEPTED | DECLINED | WITHDRAWN}, {@code ACCEPTED → ACTIVE},
 * {@code ACTIVE → ENDED}. DECLINED, WITHDRAWN and ENDED are final.
 */
public enum ProposalStatus {
    PROPOSED, ACCEPTED, DECLINED, WITHDRAWN, ACTIVE, ENDED;

    /** Still open: a second proposal of the same type between the same two clusters is a conflict. */
    boolean open() {
        return this == PROPOSED || this == ACCEPTED || this == ACTIVE;
    }
}
