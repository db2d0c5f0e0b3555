package eu.danubia.rdi.internal;

/** The checked configuration: a value out of range stops the component rather than running with it. */
record Settings(int maxImportRows, int proposalsPerRole) {

    static final Settings DEFAULTS = new Settings(10_000, 5);

    Settings {
        check("maxImportRows", maxImportRows, 1, 100_000);
        check("proposalsPerRole", proposalsPerRole, 1, 20);
    }

    static Settings of(RdiConfig config) {
        return new Settings(config.maxImportRows(), config.proposalsPerRole());
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(RdiConfig.PID + ": " + name + " must be between " + min + " and " + max
                    + ", is " + value);
        }
    }
}
