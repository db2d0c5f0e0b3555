package eu.danubia.connector.cz.ares.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CzNaceTest {

    @Test
    void subclassesAndClassesBecomeClassesGroupsAndDivisionsBecomeDivisions() throws InvalidRecord {
        assertThat(CzNace.toNace(List.of("62010", "6201", "620", "62", "46900", "461", "01110")))
                .containsExactly("62.01", "62", "46.90", "46", "01.11");
    }

    @Test
    void anythingElseIsInvalid() {
        assertThatThrownBy(() -> CzNace.toNace(List.of("6"))).isInstanceOf(InvalidRecord.class).hasMessage("not a CZ-NACE code: '6'");
        assertThatThrownBy(() -> CzNace.toNace(List.of("620100"))).isInstanceOf(InvalidRecord.class);
        assertThatThrownBy(() -> CzNace.toNace(List.of("J"))).isInstanceOf(InvalidRecord.class);
    }
}
