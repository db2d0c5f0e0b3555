package eu.danubia.indicators.internal;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * One company's figures for one fiscal year in EUR, where it belongs, and the directory
 * organisation it is linked to, if any. A row of {@code indicator_facts}.
 *
 * @param region NUTS 3 (or 2) code, or the country code outside NUTS or when unknown
 * @param division NACE division (two digits), {@code ""} when unknown
 */
public record Fact(String country, String nationalId, int year, String region, String division, UUID organisationId,
        String source, BigDecimal turnoverEur, Integer employees, BigDecimal profitEur, BigDecimal exportsEur) {

    /** The primary key. */
    public record Key(String country, String nationalId, int year) {
    }

    public Key key() {
        return new Key(country, nationalId, year);
    }

    /** Equal stored content; numbers compared by value, so 1.5 equals 1.5000 as read back. */
    public boolean sameAs(Fact o) {
        return country.equals(o.country) && nationalId.equals(o.nationalId) && year == o.year && region.equals(o.region)
                && division.equals(o.division) && Objects.equals(organisationId, o.organisationId)
                && source.equals(o.source) && same(turnoverEur, o.turnoverEur) && Objects.equals(employees, o.employees)
                && same(profitEur, o.profitEur) && same(exportsEur, o.exportsEur);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
