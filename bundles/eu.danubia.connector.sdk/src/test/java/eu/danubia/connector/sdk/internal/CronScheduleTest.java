package eu.danubia.connector.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CronScheduleTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

    @Test
    void dailyAtHalfPastThree() {
        CronSchedule cron = CronSchedule.parse("30 3 * * *");

        assertThat(next(cron, "2026-03-10T03:29:59", UTC)).isEqualTo("2026-03-10T03:30");
        assertThat(next(cron, "2026-03-10T03:30:00", UTC)).isEqualTo("2026-03-11T03:30");
        assertThat(next(cron, "2026-12-31T23:59:00", UTC)).isEqualTo("2027-01-01T03:30");
    }

    @Test
    void stepsListsRangesAndNames() {
        assertThat(next(CronSchedule.parse("*/15 * * * *"), "2026-03-10T10:16:00", UTC)).isEqualTo("2026-03-10T10:30");
        assertThat(next(CronSchedule.parse("0 8-18/2 * * MON-FRI"), "2026-03-13T18:00:00", UTC)) // a Friday
                .isEqualTo("2026-03-16T08:00");
        assertThat(next(CronSchedule.parse("0 0 1 jan,jul *"), "2026-02-01T00:00:00", UTC)).isEqualTo("2026-07-01T00:00");
        assertThat(next(CronSchedule.parse("5 4 * * 7"), "2026-03-10T00:00:00", UTC)).isEqualTo("2026-03-15T04:05"); // 7 = Sunday
        assertThat(next(CronSchedule.parse("@monthly"), "2026-03-10T00:00:00", UTC)).isEqualTo("2026-04-01T00:00");
        assertThat(next(CronSchedule.parse("@weekly"), "2026-03-10T00:00:00", UTC)).isEqualTo("2026-03-15T00:00");
    }

    @Test
    void bothDayFieldsRestrictedMeansEitherDay() {
        // Vixie cron: the 13th of the month or any Friday
        CronSchedule cron = CronSchedule.parse("0 12 13 * 5");

        assertThat(next(cron, "2026-03-01T00:00:00", UTC)).isEqualTo("2026-03-06T12:00"); // Friday 6 March
        assertThat(next(cron, "2026-03-12T13:00:00", UTC)).isEqualTo("2026-03-13T12:00"); // the 13th (also a Friday)
        assertThat(next(cron, "2026-04-11T00:00:00", UTC)).isEqualTo("2026-04-13T12:00"); // Monday the 13th
    }

    @Test
    void dailySavingTimeGapAndOverlapFireOnce() {
        CronSchedule cron = CronSchedule.parse("30 2 * * *");

        // 29 March 2026: Prague skips from 02:00 to 03:00; the pull runs at 03:30 local time
        Instant spring = cron.next(LocalDateTime.parse("2026-03-29T01:00:00").atZone(PRAGUE).toInstant(), PRAGUE).orElseThrow();
        assertThat(spring.atZone(PRAGUE).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-29T03:30"));

        // 25 October 2026: 02:30 happens twice; the pull runs at the first one only
        Instant autumn = cron.next(LocalDateTime.parse("2026-10-25T01:00:00").atZone(PRAGUE).toInstant(), PRAGUE).orElseThrow();
        assertThat(autumn).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        Instant after = cron.next(autumn, PRAGUE).orElseThrow();
        assertThat(after.atZone(PRAGUE).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-10-26T02:30"));
    }

    @Test
    void aScheduleThatNeverFiresHasNoNextTime() {
        assertThat(CronSchedule.parse("0 0 30 2 *").next(Instant.parse("2026-01-01T00:00:00Z"), UTC)).isEmpty();
    }

    @Test
    void wrongExpressionsSayWhatIsWrong() {
        assertThatThrownBy(() -> CronSchedule.parse("0 3 * *")).hasMessageContaining("5 fields");
        assertThatThrownBy(() -> CronSchedule.parse("60 3 * * *")).hasMessageContaining("minute: 60 is outside 0-59");
        assertThatThrownBy(() -> CronSchedule.parse("0 3 * * FUNDAY")).hasMessageContaining("day of week: 'FUNDAY' is not a number");
        assertThatThrownBy(() -> CronSchedule.parse("0 5-3 * * *")).hasMessageContaining("hour: range 5-3 runs backwards");
        assertThatThrownBy(() -> CronSchedule.parse("0 3 * * *,")).hasMessageContaining("empty list entry");
        assertThatThrownBy(() -> CronSchedule.parse("@fortnightly")).hasMessageContaining("unknown macro");
        assertThatThrownBy(() -> CronSchedule.parse("${jndi:ldap://x} * * * *")).hasMessageContaining("minute");
    }

    private static String next(CronSchedule cron, String after, ZoneId zone) {
        Instant from = LocalDateTime.parse(after).atZone(zone).toInstant();
        return cron.next(from, zone).orElseThrow().atZone(zone).toLocalDateTime().toString();
    }
}
