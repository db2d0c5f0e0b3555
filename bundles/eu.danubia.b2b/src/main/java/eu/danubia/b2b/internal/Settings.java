package eu.danubia.b2b.internal;

/** The checked configuration: a value out of range stops the component rather than running with it. */
record Settings(int expiryWarningDays, int defaultValidityMonths, int maxImportRows) {

    static final Settings DEFAULTS = new Settings(14, 12, 10_000);

    Settings {
        check("expiryWarningDays", expiryWarningDays, 1, 90);
        check("defaultValidityMonths", defaultValidityMonths, 1, ProfileInputs.MAX_VALIDITY_MONTHS);
        check("maxImportRows", maxImportRows, 1, 100_000);
    }

    static Settings of(B2bConfig config) {
        return new Settings(config.expiryWarningDays(), config.defaultValidityMonths(), config.maxImportRows());
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(B2bConfig.PID + ": " + name + " must be between " + min + " and " + max
                    + ", is " + value);
        }
    }
}
