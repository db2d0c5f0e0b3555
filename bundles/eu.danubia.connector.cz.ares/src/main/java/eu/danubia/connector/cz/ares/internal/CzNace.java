package eu.danubia.connector.cz.ares.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CZ-NACE codes as ARES gives them, as NACE Rev.2 codes in the platform's form: a class
 * ({@code 62.01}) or a division ({@code 62}), the two levels of the platform's {@code nace_codes}.
 */
final class CzNace {

    private static final Pattern DIGITS = Pattern.compile("\\d{2,5}");

    private CzNace() {
    }

    /**
     * CZ-NACE (2008) is NACE Rev.2 with a fifth, national digit: {@code 62090} and {@code 6209} are
     * class {@code 62.09}. A three-digit group ({@code 461}) has no class to name, so it counts as its
     * division ({@code 46}); a division stays a division. Duplicates are dropped, order is kept.
     *
     * @throws InvalidRecord for anything that is not 2 to 5 digits
     */
    static List<String> toNace(List<String> czNace) throws InvalidRecord {
        Set<String> out = new LinkedHashSet<>();
        for (String code : czNace) {
            if (!DIGITS.matcher(code).matches()) {
                throw new InvalidRecord("not a CZ-NACE code: '" + code + "'");
            }
            out.add(code.length() >= 4 ? code.substring(0, 2) + "." + code.substring(2, 4) : code.substring(0, 2));
        }
        return new ArrayList<>(out);
    }
}
