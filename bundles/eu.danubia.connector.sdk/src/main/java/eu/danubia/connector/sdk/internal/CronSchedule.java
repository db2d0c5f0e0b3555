package eu.danubia.connector.sdk.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A classic five-field cron expression ({@code minute hour day-of-month month day-of-week}) with lists, ranges,
 * steps, month and day names, and the macros {@code @hourly @daily @midnight @weekly @monthly @yearly @annually}.
 * As in Vixie cron, when both day fields are restricted a day matching either one fires.
 *
 * <p>Written here instead of embedding camel-quartz: the only thing the connectors need from a scheduler is "when
 * is the next pull", and Quartz would bring its own thread pool, a c3p0 dependency and class loading through the
 * thread context class loader into the shared Camel bundle.
 */
public final class CronSchedule {

    private static final Map<String, String> MACROS = Map.of(
            "@hourly", "0 * * * *",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@weekly", "0 0 * * 0",
            "@monthly", "0 0 1 * *",
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *");
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    /** A schedule that has not fired for this long never will (e.g. 30 February). */
    private static final int SEARCH_YEARS = 5;

    private final String expression;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronSchedule(String expression, String[] f) {
        this.expression = expression;
        minutes = field(f[0], 0, 59, null, "minute");
        hours = field(f[1], 0, 23, null, "hour");
        daysOfMonth = field(f[2], 1, 31, null, "day of month");
        months = field(f[3], 1, 12, MONTHS, "month");
        BitSet dow = field(f[4], 0, 7, DAYS, "day of week");
        if (dow.get(7)) {
            dow.set(0);
            dow.clear(7);
        }
        daysOfWeek = dow;
        anyDayOfMonth = f[2].startsWith("*");
        anyDayOfWeek = f[4].startsWith("*");
    }

    /** @throws IllegalArgumentException saying which field is wrong and why */
    public static CronSchedule parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("empty cron expression");
        }
        String e = expression.strip();
        String expanded = e.startsWith("@") ? MACROS.get(e.toLowerCase(Locale.ROOT)) : e;
        if (expanded == null) {
            throw new IllegalArgumentException("unknown macro " + e + " (known: " + String.join(" ", MACROS.keySet()) + ")");
        }
        String[] fields = expanded.split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("a cron expression has 5 fields (minute hour day-of-month month"
                    + " day-of-week), not " + fields.length);
        }
        return new CronSchedule(e, fields);
    }

    /** The first time strictly after {@code after} at which the schedule fires, or empty if it never does. */
    public Optional<Instant> next(Instant after, ZoneId zone) {
        LocalDateTime t = LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDateTime limit = t.plusYears(SEARCH_YEARS);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
            } else if (!dayMatches(t)) {
                t = t.toLocalDate().plusDays(1).atStartOfDay();
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                // a local time in a daylight-saving gap fires at the shifted time; in an overlap, once
                ZonedDateTime z = t.atZone(zone);
                if (z.toInstant().isAfter(after)) {
                    return Optional.of(z.toInstant());
                }
                t = t.plusMinutes(1);
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(LocalDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
        if (anyDayOfMonth || anyDayOfWeek) {
            return dom && dow;
        }
        return dom || dow;
    }

    private static BitSet field(String text, int min, int max, String[] names, String what) {
        BitSet bits = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException(what + ": empty list entry in '" + text + "'");
            }
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), 1, max - min + 1, null, what);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else {
                int dash = range.indexOf('-');
                if (dash >= 0) {
                    from = number(range.substring(0, dash), min, max, names, what);
                    to = number(range.substring(dash + 1), min, max, names, what);
                    if (to < from) {
                        throw new IllegalArgumentException(what + ": range " + range + " runs backwards");
                    }
                } else {
                    from = number(range, min, max, names, what);
                    to = slash >= 0 ? max : from;
                }
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int number(String text, int min, int max, String[] names, String what) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equalsIgnoreCase(text)) {
                    return names == MONTHS ? i + 1 : i;
                }
            }
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not a number");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + ": " + value + " is outside " + min + "-" + max);
        }
        return value;
    }

    @Override
    public String toString() {
        return expression;
    }
}
