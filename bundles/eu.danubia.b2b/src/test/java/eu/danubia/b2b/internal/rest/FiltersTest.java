package eu.danubia.b2b.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import eu.danubia.api.ValidationException;
import eu.danubia.b2b.internal.ProfileFilter;
import eu.danubia.b2b.internal.ProfileType;

class FiltersTest {

    @Test
    void parsesTheQueryParameters() {
        ProfileFilter f = Filters.of("laser", "technology_offer", "ro", "26", "optics", "2026-01-31", "title", "TRUE");

        assertThat(f).isEqualTo(new ProfileFilter("laser", ProfileType.TECHNOLOGY_OFFER, "ro", "26", "optics",
                LocalDate.of(2026, 1, 31), ProfileFilter.Sort.TITLE, true));
        assertThat(Filters.of(null, null, null, null, null, null, null, null)).isEqualTo(ProfileFilter.none());
    }

    @Test
    void reportsEveryBadParameterAtOnce() {
        ValidationException e = catchThrowableOfType(
                () -> Filters.of(null, "OFFER", null, null, null, "yesterday", "best", "maybe"), ValidationException.class);

        assertThat(e.errors()).containsOnlyKeys("type", "from", "sort", "mine");
        assertThat(e.errors().get("sort")).isEqualTo("must be one of RECENT, TITLE, RELEVANCE");
    }
}
