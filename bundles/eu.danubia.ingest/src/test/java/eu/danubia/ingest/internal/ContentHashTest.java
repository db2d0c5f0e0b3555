package eu.danubia.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ContentHashTest {

    @Test
    void valuesAreSeparatedAndNullIsNotEmpty() {
        assertThat(ContentHash.of(new Object[] {"ab", "c"})).isNotEqualTo(ContentHash.of(new Object[] {"a", "bc"}));
        assertThat(ContentHash.of(new Object[] {null, "x"})).isNotEqualTo(ContentHash.of(new Object[] {"", "x"}));
        assertThat(ContentHash.of(new Object[] {"x", null})).isNotEqualTo(ContentHash.of(new Object[] {"x"}));
    }

    @Test
    void amountsCompareByValue() {
        assertThat(ContentHash.of(new Object[] {new BigDecimal("1234.50")})).isEqualTo(ContentHash.of(new Object[] {new BigDecimal("1234.5")}));
        assertThat(ContentHash.of(new Object[] {new BigDecimal("0.000")})).isEqualTo(ContentHash.of(new Object[] {BigDecimal.ZERO}));
        assertThat(ContentHash.of(new Object[] {new BigDecimal("1E+3")})).isEqualTo(ContentHash.of(new Object[] {new BigDecimal("1000")}));
        assertThat(ContentHash.of(new Object[] {new BigDecimal("1234.5")})).isNotEqualTo(ContentHash.of(new Object[] {new BigDecimal("1234.05")}));
    }

    @Test
    void isSha256InHex() {
        assertThat(ContentHash.of(new Object[] {"Seznam.cz, a.s.", 2021, LocalDate.of(2000, 4, 5)})).matches("[0-9a-f]{64}");
    }
}
