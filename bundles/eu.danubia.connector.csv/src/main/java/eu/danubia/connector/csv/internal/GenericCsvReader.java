package eu.danubia.connector.csv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.connector.sdk.Item;
import eu.danubia.connector.sdk.SourceReader;

/**
 * Reads a national CSV export into {@link CompanyRecord}s and, when figures are mapped,
 * {@link FinancialStatement}s, as {@link CsvSettings} describe it. A row becomes a company (and a
 * statement) or one rejection listing everything wrong with it: storing half a row would hide the
 * other half's problem.
 */
final class GenericCsvReader implements SourceReader {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final CsvSettings settings;
    private final DelimitedLines lines;

    GenericCsvReader(CsvSettings settings) {
        this.settings = settings;
        this.lines = new DelimitedLines(settings.delimiter(), settings.quote(), settings.charset(), settings.maxLineBytes());
    }

    @Override
    public void read(InputStream in, String name, Consumer<Item> sink) throws IOException {
        Pass pass = new Pass(sink);
        try {
            lines.read(in, pass);
        } catch (DocumentError e) {
            throw new IOException(e.getMessage());
        }
        if (pass.columns == null) {
            throw new IOException("no header at line " + settings.headerLine());
        }
    }

    /** A problem with the document as a whole, raised from inside the line callbacks. */
    private static final class DocumentError extends RuntimeException {
        DocumentError(String message) {
            super(message, null, false, false);
        }
    }

    private final class Pass implements DelimitedLines.Handler {
        private final Consumer<Item> sink;
        private int headerSize;
        private long headerNumber;
        private Map<Field, Integer> columns;

        Pass(Consumer<Item> sink) {
            this.sink = sink;
        }

        @Override
        public void line(DelimitedLines.Line line) {
            if (line.number() < settings.headerLine()) {
                return;
            }
            if (columns == null) {
                header(line);
                return;
            }
            String position = position(line.number());
            if (line.fields().size() != headerSize) {
                sink.accept(new Item.Rejected(position, line.text(), line.fields().size() + " fields, the header (line "
                        + headerNumber + ") has " + headerSize
                        + (line.quotesLiteral() ? "; its quotes do not pair up, so they were read as text" : "")));
                return;
            }
            row(line, position);
        }

        @Override
        public void malformed(long number, String preview, String reason) {
            if (number < settings.headerLine()) {
                return;
            }
            if (columns == null) {
                throw new DocumentError("header line " + number + ": " + reason);
            }
            sink.accept(new Item.Rejected(position(number), preview, reason));
        }

        private String position(long number) {
            return "line " + number;
        }

        private void header(DelimitedLines.Line line) {
            List<String> names = line.fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            Map<Field, Integer> resolved = new EnumMap<>(Field.class);
            for (Map.Entry<Field, String> mapped : settings.columns().entrySet()) {
                String column = mapped.getValue();
                int index;
                if (column.startsWith("#")) {
                    try {
                        index = Integer.parseInt(column.substring(1)) - 1;
                    } catch (NumberFormatException e) {
                        index = -1;
                    }
                    if (index < 0 || index >= names.size()) {
                        throw new DocumentError("column " + column + " (" + mapped.getKey().key + ") is not among the "
                                + names.size() + " columns of the header (line " + line.number() + ")");
                    }
                } else {
                    String wanted = column.toLowerCase(Locale.ROOT);
                    index = names.indexOf(wanted);
                    if (index < 0) {
                        throw new DocumentError("column '" + column + "' (" + mapped.getKey().key
                                + ") is not in the header (line " + line.number() + "): " + line.fields());
                    }
                    if (names.lastIndexOf(wanted) != index) {
                        throw new DocumentError("column '" + column + "' (" + mapped.getKey().key
                                + ") appears twice in the header; map it by position (#n)");
                    }
                }
                resolved.put(mapped.getKey(), index);
            }
            headerSize = names.size();
            headerNumber = line.number();
            columns = resolved;
        }

        private void row(DelimitedLines.Line line, String position) {
            List<String> errors = new ArrayList<>();
            Row row = new Row(line.fields(), errors);

            String nationalId = row.text(Field.NATIONAL_ID);
            if (nationalId == null) {
                errors.add("nationalId is empty");
            }
            String companyName = row.text(Field.NAME);
            if (companyName == null) {
                errors.add("name is empty");
            }
            String country = settings.country();
            String countryCell = row.text(Field.COUNTRY);
            if (countryCell != null) {
                country = countryCell.toUpperCase(Locale.ROOT);
                if (!COUNTRY.matcher(country).matches()) {
                    errors.add("country: not an ISO 3166 alpha-2 code: '" + countryCell + "'");
                }
            }
            List<String> nace = row.nace();
            String status = row.text(Field.STATUS);
            if (status != null) {
                status = settings.statuses().getOrDefault(status.toLowerCase(Locale.ROOT), status);
            }
            LocalDate foundedOn = row.date(Field.FOUNDED_ON);

            FinancialStatement statement = settings.financials() ? row.statement(nationalId) : null;

            if (!errors.isEmpty()) {
                sink.accept(new Item.Rejected(position, line.text(), String.join("; ", errors)));
                return;
            }
            sink.accept(new Item.Accepted(new CompanyRecord(settings.source(), nationalId, companyName, row.text(Field.LEGAL_FORM),
                    nace, row.text(Field.STREET), row.text(Field.CITY), row.text(Field.POSTAL_CODE), country,
                    row.text(Field.NUTS_CODE), status, foundedOn), position));
            if (statement != null) {
                sink.accept(new Item.Accepted(statement, position));
            }
        }

        /** One row's cells by target field, collecting what is wrong instead of stopping at the first problem. */
        private final class Row {
            private final List<String> fields;
            private final List<String> errors;

            Row(List<String> fields, List<String> errors) {
                this.fields = fields;
                this.errors = errors;
            }

            String text(Field field) {
                Integer index = columns.get(field);
                if (index == null) {
                    return null;
                }
                String value = fields.get(index).strip();
                return value.isEmpty() ? null : value;
            }

            List<String> nace() {
                String cell = text(Field.NACE);
                if (cell == null) {
                    return List.of();
                }
                List<String> codes = new ArrayList<>();
                String[] parts = settings.naceSeparator() == null ? new String[] {cell}
                        : cell.split(Pattern.quote(settings.naceSeparator()));
                for (String part : parts) {
                    try {
                        String code = Nace.normalize(part);
                        if (code != null && !codes.contains(code)) {
                            codes.add(code);
                        }
                    } catch (IllegalArgumentException e) {
                        errors.add("nace: " + e.getMessage());
                    }
                }
                return codes;
            }

            LocalDate date(Field field) {
                String cell = text(field);
                if (cell == null) {
                    return null;
                }
                try {
                    return LocalDate.parse(cell, settings.dateFormat());
                } catch (DateTimeParseException e) {
                    errors.add(field.key + ": not a date in the configured format: '" + cell + "'");
                    return null;
                }
            }

            BigDecimal decimal(Field field) {
                String cell = text(field);
                if (cell == null) {
                    return null;
                }
                try {
                    return Numbers.decimal(cell, settings.decimalSeparator());
                } catch (NumberFormatException e) {
                    errors.add(field.key + ": not a number: '" + cell + "'" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
                    return null;
                }
            }

            Integer whole(Field field) {
                String cell = text(field);
                if (cell == null) {
                    return null;
                }
                try {
                    return Numbers.whole(cell, settings.decimalSeparator());
                } catch (NumberFormatException e) {
                    errors.add(field.key + ": not a whole number: '" + cell + "'");
                    return null;
                }
            }

            FinancialStatement statement(String nationalId) {
                BigDecimal turnover = decimal(Field.TURNOVER);
                Integer employees = whole(Field.EMPLOYEES);
                BigDecimal profitLoss = decimal(Field.PROFIT_LOSS);
                BigDecimal assets = decimal(Field.ASSETS);
                BigDecimal equity = decimal(Field.EQUITY);
                BigDecimal exports = decimal(Field.EXPORTS);
                boolean anyFigure = turnover != null || employees != null || profitLoss != null || assets != null
                        || equity != null || exports != null;
                String yearCell = text(Field.YEAR);
                if (yearCell == null) {
                    if (anyFigure) {
                        errors.add("year is empty but the row has figures");
                    }
                    return null;
                }
                int year;
                try {
                    year = Integer.parseInt(yearCell);
                } catch (NumberFormatException e) {
                    errors.add("year: not a year: '" + yearCell + "'");
                    return null;
                }
                if (year < 1900 || year > 2100) {
                    errors.add("year: out of range: " + year);
                    return null;
                }
                if (!anyFigure) {
                    return null;
                }
                String currency = settings.currency();
                String currencyCell = text(Field.CURRENCY);
                if (currencyCell != null) {
                    currency = currencyCell.toUpperCase(Locale.ROOT);
                    if (!CURRENCY.matcher(currency).matches()) {
                        errors.add("currency: not an ISO 4217 code: '" + currencyCell + "'");
                    }
                } else if (currency == null) {
                    errors.add("currency is empty and no default currency is configured");
                }
                BigDecimal eurRate = settings.columns().containsKey(Field.EUR_RATE) ? decimal(Field.EUR_RATE) : null;
                if (eurRate == null) {
                    eurRate = settings.rates().rate(currency, year);
                } else if (eurRate.signum() <= 0) {
                    errors.add("eurRate: not positive: " + eurRate);
                }
                return new FinancialStatement(settings.source(), nationalId, year, currency, turnover, employees, profitLoss,
                        assets, equity, exports, eurRate);
            }
        }
    }
}
