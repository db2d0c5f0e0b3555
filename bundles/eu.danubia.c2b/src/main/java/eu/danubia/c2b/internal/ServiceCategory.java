package eu.danubia.c2b.internal;

/** What kind of service a cluster offers to businesses. */
public enum ServiceCategory {
    TRAINING("Training"),
    INTERNATIONALISATION("Internationalisation"),
    INNOVATION_VOUCHER("Innovation voucher"),
    TESTING_FACILITY("Testing facility"),
    MATCHMAKING("Matchmaking"),
    CONSULTING("Consulting"),
    OTHER("Other service");

    private final String label;

    ServiceCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
