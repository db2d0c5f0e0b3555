package eu.danubia.connector.csv.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a source column can be mapped to: the fields of CompanyRecord and FinancialStatement. */
enum Field {
    NATIONAL_ID("nationalId", false),
    NAME("name", false),
    LEGAL_FORM("legalForm", false),
    NACE("nace", false),
    STREET("street", false),
    CITY("city", false),
    POSTAL_CODE("postalCode", false),
    COUNTRY("country", false),
    NUTS_CODE("nutsCode", false),
    STATUS("status", false),
    FOUNDED_ON("foundedOn", false),
    YEAR("year", true),
    CURRENCY("currency", true),
    TURNOVER("turnover", true),
    EMPLOYEES("employees", true),
    PROFIT_LOSS("profitLoss", true),
    ASSETS("assets", true),
    EQUITY("equity", true),
    EXPORTS("exports", true),
    EUR_RATE("eurRate", true);

    final String key;
    final boolean financial;

    Field(String key, boolean financial) {
        this.key = key;
        this.financial = financial;
    }

    /** The figures of a statement: mapping any of them asks for financial statements. */
    boolean figure() {
        return financial && this != YEAR && this != CURRENCY && this != EUR_RATE;
    }

    static Field of(String key) {
        String wanted = key.strip().toLowerCase(Locale.ROOT);
        for (Field field : values()) {
            if (field.key.toLowerCase(Locale.ROOT).equals(wanted)) {
                return field;
            }
        }
        throw new IllegalArgumentException("unknown target field '" + key.strip() + "'; known: "
                + Arrays.stream(values()).map(f -> f.key).collect(Collectors.joining(", ")));
    }
}
