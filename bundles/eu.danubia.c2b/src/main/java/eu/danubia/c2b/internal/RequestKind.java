package eu.danubia.c2b.internal;

/** What a business asks a cluster for. */
public enum RequestKind {
    SERVICE_REQUEST("Service request"),
    MEMBERSHIP_APPLICATION("Membership application");

    private final String label;

    RequestKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
