package eu.danubia.b2b.internal;

/** The kinds of agreement the partners report after an accepted interest (EEN partnership agreements). */
public enum AgreementType {
    COMMERCIAL_AGENCY, DISTRIBUTION, FRANCHISE, JOINT_VENTURE, SUBCONTRACTING, OUTSOURCING, MANUFACTURING, ACQUISITION,
    LICENCE, TECHNICAL_COOPERATION, RESEARCH_PROPOSAL_SUBMITTED, RESEARCH_PROPOSAL_FUNDED
}
