package eu.danubia.api.ingest;

import java.time.LocalDate;
import java.util.List;

/**
 * A company as a register describes it, normalized across countries.
 *
 * @param source the connector id, e.g. {@code cz-ares}
 * @param nationalId the register's identifier (IČO, CUI, EDRPOU ...)
 * @param nutsCode NUTS region where derivable from the address, else {@code null}
 * @param status e.g. {@code ACTIVE}, {@code TERMINATED}, as mapped by the connector
 */
public record CompanyRecord(
        String source,
        String nationalId,
        String name,
        String legalForm,
        List<String> naceCodes,
        String street,
        String city,
        String postalCode,
        String country,
        String nutsCode,
        String status,
        LocalDate foundedOn) {

    public CompanyRecord {
        naceCodes = naceCodes == null ? List.of() : List.copyOf(naceCodes);
    }
}
