package eu.danubia.c2c.internal;

/** What two clusters propose to do together. */
public enum ProposalType {
    JOINT_ACTION("Joint action"),
    JOINT_PROJECT("Joint project"),
    MEMBER_EXCHANGE("Member exchange"),
    STUDY_VISIT("Study visit"),
    VALUE_CHAIN_PARTNERSHIP("Value-chain partnership");

    private final String label;

    ProposalType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
