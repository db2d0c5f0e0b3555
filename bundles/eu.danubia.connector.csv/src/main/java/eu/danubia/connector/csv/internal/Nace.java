package eu.danubia.connector.csv.internal;

/** NACE Rev. 2 codes in the platform's form: division {@code 62}, group {@code 62.0}, class {@code 62.01}. */
final class Nace {

    private Nace() {
    }

    /**
     * Accepts {@code 6201}, {@code 62.01}, {@code 62 01} and national five- and six-digit
     * subclasses ({@code 62010}: the first four digits are the NACE class); returns null for blank
     * input and throws for anything else, sections ({@code J}) included: a company's activity is a
     * division at least.
     */
    static String normalize(String raw) {
        String s = raw.strip().replace(".", "").replace(" ", "");
        if (s.isEmpty()) {
            return null;
        }
        if (s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return switch (s.length()) {
                case 2 -> s;
                case 3 -> s.substring(0, 2) + "." + s.substring(2);
                case 4, 5, 6 -> s.substring(0, 2) + "." + s.substring(2, 4);
                default -> throw new IllegalArgumentException("not a NACE division, group or class: '" + raw.strip() + "'");
            };
        }
        throw new IllegalArgumentException("not a NACE division, group or class: '" + raw.strip() + "'");
    }
}
