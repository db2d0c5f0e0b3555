package eu.danubia.matching.internal.calls;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Horizon Europe topic. Its code carries structure the ranking uses: the year
 * ({@code HORIZON-CL5-2021-D5-01-05} → 2021), the family (the code without year and the two last
 * parts: {@code HORIZON-CL5-D5}, a destination or programme line) and the call (the code without its
 * last part: {@code HORIZON-CL5-2021-D5-01}).
 *
 * @param thematic false for bottom-up calls (ERC, MSCA, EIC open), which a project title cannot point to
 */
public record Topic(String code, String title, boolean thematic) {

    private static final Pattern YEAR = Pattern.compile("-(20\\d\\d)(?=-|$)");

    public String year() {
        Matcher m = YEAR.matcher(code);
        return m.find() ? m.group(1) : "";
    }

    public String family() {
        String withoutYear = YEAR.matcher(code).replaceFirst("");
        String[] parts = withoutYear.split("-");
        int keep = Math.max(1, parts.length - 2);
        return String.join("-", java.util.Arrays.copyOf(parts, keep));
    }

    public String familyYear() {
        return family() + "|" + year();
    }

    public String call() {
        int last = code.lastIndexOf('-');
        return last < 0 ? code : code.substring(0, last);
    }
}
