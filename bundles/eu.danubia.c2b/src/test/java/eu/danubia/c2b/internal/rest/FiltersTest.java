package eu.danubia.c2b.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import eu.danubia.api.ValidationException;

class FiltersTest {

    @Test
    void flagsAreTrueFalseOrA400() {
        assertThat(Filters.flag("mine", null)).isFalse();
        assertThat(Filters.flag("mine", " ")).isFalse();
        assertThat(Filters.flag("mine", "TRUE")).isTrue();
        assertThat(Filters.flag("mine", "0")).isFalse();
        assertThatThrownBy(() -> Filters.flag("mine", "maybe")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("mine");
    }
}
