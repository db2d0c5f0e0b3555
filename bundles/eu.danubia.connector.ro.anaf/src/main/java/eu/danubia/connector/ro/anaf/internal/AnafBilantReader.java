package eu.danubia.connector.ro.anaf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.connector.sdk.Item;
import eu.danubia.connector.sdk.SourceReader;

/**
 * Reads one answer of ANAF's public financial-statement service, {@code /bilant?an=YEAR&cui=CUI}:
 * {@code {an, cui, deni, caen, den_caen, i:[{indicator, val_indicator, val_den_indicator}]}}, into
 * a {@link FinancialStatement} in RON with the EUR rate of the year, and a {@link CompanyRecord}
 * with the name and main activity.
 * <p>
 * Indicators are read by code, never by label: the labels vary between answers (double spaces,
 * {@code I19} labelled "Pierdere bruta" like {@code I17}). Commercial companies file the short
 * layout {@code I1}–{@code I20}; other filers (banks, insurers, IFRS reporters, non-profits) use
 * other layouts in which the same codes mean other things, so an answer with a code above
 * {@code I20} is rejected rather than misread. The codes used:
 * <ul>
 * <li>turnover: {@code I13} cifra de afaceri netă;</li>
 * <li>employees: {@code I20} numărul mediu de salariați;</li>
 * <li>profit or loss: {@code I18} profit net minus {@code I19} pierdere netă. The layout reports a
 * loss as a positive {@code I19} beside a zero {@code I18}, so the difference is the signed net
 * result. Net, not gross ({@code I16}/{@code I17}), because the result after tax is what a
 * company has earned; gross figures are not used;</li>
 * <li>assets: {@code I1} active imobilizate + {@code I2} active circulante + {@code I6} cheltuieli
 * în avans, the layout's total assets (it equals {@code I7} datorii + {@code I8} venituri în
 * avans + {@code I9} provizioane + {@code I10} capitaluri); null unless {@code I1} and {@code I2}
 * are both given;</li>
 * <li>equity: {@code I10} capitaluri – total;</li>
 * <li>exports: not in the service, always null.</li>
 * </ul>
 * A figure the answer does not give is null, never 0. Answers are a few kilobytes; a document
 * over {@link #MAX_DOCUMENT_BYTES} is refused before it is read further.
 */
final class AnafBilantReader implements SourceReader {

    static final String SOURCE = "ro-anaf";
    static final int MAX_DOCUMENT_BYTES = 256 * 1024;

    private static final int LAST_CODE = 20;
    private static final Pattern CODE = Pattern.compile("I(\\d{1,3})");
    private static final Pattern CUI = Pattern.compile("(?:RO)?\\s*0*(\\d{1,10})");
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_DOCUMENT_BYTES)
                    .maxStringLength(16 * 1024)
                    .maxNumberLength(40)
                    .maxNestingDepth(16)
                    .build())
            .build();

    private final EurRates rates;

    AnafBilantReader(EurRates rates) {
        this.rates = rates;
    }

    @Override
    public void read(InputStream in, String name, Consumer<Item> sink) throws IOException {
        Answer answer;
        try (JsonParser parser = JSON.createParser(in)) {
            answer = parse(parser);
        } catch (StreamConstraintsException e) {
            throw new IOException("not an ANAF answer: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IOException("not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": " + e.getOriginalMessage());
        }
        map(answer, sink);
    }

    /** A JSON scalar as text, or a marker that an object or array stood where a scalar belongs. */
    private record Value(String text, boolean composite) {
        static final Value NULL = new Value(null, false);
        static final Value COMPOSITE = new Value(null, true);

        String describe() {
            return composite ? "an object or array" : "'" + text + "'";
        }
    }

    private record Indicator(int index, Value code, Value value) {
    }

    private static final class Answer {
        Value an = Value.NULL;
        Value cui = Value.NULL;
        Value deni = Value.NULL;
        Value caen = Value.NULL;
        boolean iPresent;
        boolean iNotArray;
        final List<Indicator> indicators = new ArrayList<>();
        final List<Integer> notObjects = new ArrayList<>();
    }

    private static Answer parse(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("not an ANAF answer: the document is not a JSON object");
        }
        Answer answer = new Answer();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken token = p.nextToken();
            switch (field) {
                case "an" -> answer.an = scalar(p, token);
                case "cui" -> answer.cui = scalar(p, token);
                case "deni" -> answer.deni = scalar(p, token);
                case "caen" -> answer.caen = scalar(p, token);
                case "i" -> indicators(p, token, answer);
                default -> p.skipChildren();
            }
        }
        if (p.nextToken() != null) {
            throw new IOException("not an ANAF answer: more content after the JSON object");
        }
        return answer;
    }

    private static void indicators(JsonParser p, JsonToken token, Answer answer) throws IOException {
        answer.iPresent = token != JsonToken.VALUE_NULL;
        if (token != JsonToken.START_ARRAY) {
            answer.iNotArray = token != JsonToken.VALUE_NULL;
            p.skipChildren();
            return;
        }
        int index = 0;
        JsonToken element;
        while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
            if (element != JsonToken.START_OBJECT) {
                answer.notObjects.add(index++);
                p.skipChildren();
                continue;
            }
            Value code = Value.NULL;
            Value value = Value.NULL;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "indicator" -> code = scalar(p, t);
                    case "val_indicator" -> value = scalar(p, t);
                    default -> p.skipChildren();
                }
            }
            answer.indicators.add(new Indicator(index++, code, value));
        }
    }

    private static Value scalar(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            p.skipChildren();
            return Value.COMPOSITE;
        }
        return token == JsonToken.VALUE_NULL ? Value.NULL : new Value(p.getText(), false);
    }

    private void map(Answer answer, Consumer<Item> sink) {
        String cui = null;
        Matcher m = answer.cui.text() == null ? null : CUI.matcher(answer.cui.text().strip());
        if (m != null && m.matches() && !m.group(1).equals("0")) {
            cui = m.group(1);
        }
        Integer year = null;
        if (answer.an.text() != null && answer.an.text().strip().matches("\\d{4}")) {
            year = Integer.valueOf(answer.an.text().strip());
        }
        if (cui == null || year == null) {
            sink.accept(new Item.Rejected("$", "an=" + answer.an.describe() + ", cui=" + answer.cui.describe(),
                    "not an ANAF bilant answer: " + (cui == null ? "cui is " + (answer.cui.text() == null && !answer.cui.composite()
                            ? "missing" : "not a CUI: " + answer.cui.describe()) : "an is not a year: " + answer.an.describe())));
            return;
        }
        String deni = answer.deni.text() == null ? null : answer.deni.text().strip();
        if (deni != null && !deni.isEmpty()) {
            company(cui, deni, answer.caen, sink);
        }
        if (answer.iNotArray) {
            sink.accept(new Item.Rejected("$.i", "", "i is not an array"));
            return;
        }
        if (answer.indicators.isEmpty() && answer.notObjects.isEmpty()) {
            sink.accept(new Item.Rejected("$", "cui=" + cui + ", an=" + year,
                    "no financial statement: the answer has no indicators for " + year));
            return;
        }
        statement(cui, year, answer, sink);
    }

    private static void company(String cui, String deni, Value caen, Consumer<Item> sink) {
        List<String> nace = List.of();
        String code = caen.text() == null ? null : caen.text().strip();
        if (caen.composite() || code != null && !code.isEmpty() && !code.matches("\\d{1,4}")) {
            sink.accept(new Item.Rejected("$.caen", caen.describe(), "caen: not a CAEN code: " + caen.describe()));
            return;
        }
        if (code != null && !code.isEmpty() && Integer.parseInt(code) != 0) {
            // CAEN Rev. 2 classes are NACE Rev. 2 classes; a JSON number loses the leading zero of 0111
            String padded = "0".repeat(4 - code.length()) + code;
            nace = List.of(padded.substring(0, 2) + "." + padded.substring(2));
        }
        sink.accept(new Item.Accepted(new CompanyRecord(SOURCE, cui, deni, null, nace, null, null, null, "RO", null, null, null), "$"));
    }

    private void statement(String cui, int year, Answer answer, Consumer<Item> sink) {
        List<String> errors = new ArrayList<>();
        String firstPosition = null;
        Map<Integer, BigDecimal> values = new LinkedHashMap<>();
        for (int index : answer.notObjects) {
            errors.add("$.i[" + index + "] is not an object");
            firstPosition = firstPosition == null ? "$.i[" + index + "]" : firstPosition;
        }
        for (Indicator indicator : answer.indicators) {
            String at = "$.i[" + indicator.index() + "]";
            String codeText = indicator.code().text() == null ? null : indicator.code().text().strip();
            Matcher code = codeText == null ? null : CODE.matcher(codeText);
            String problem = null;
            if (code == null || !code.matches()) {
                problem = at + ": not an indicator code: " + indicator.code().describe();
            } else {
                int number = Integer.parseInt(code.group(1));
                if (number < 1 || number > LAST_CODE) {
                    problem = codeText + ": not in the I1-I20 layout of commercial companies (another layout, not read)";
                } else {
                    BigDecimal value = null;
                    Value raw = indicator.value();
                    if (raw.composite()) {
                        problem = codeText + ": not a number: " + raw.describe();
                    } else if (raw.text() != null && !raw.text().isBlank()) {
                        try {
                            value = new BigDecimal(raw.text().strip());
                        } catch (NumberFormatException e) {
                            problem = codeText + ": not a number: " + raw.describe();
                        }
                    }
                    if (problem == null && value != null) {
                        BigDecimal earlier = values.putIfAbsent(number, value);
                        if (earlier != null && earlier.compareTo(value) != 0) {
                            problem = codeText + ": given twice, as " + earlier.toPlainString() + " and " + value.toPlainString();
                        }
                    }
                }
            }
            if (problem != null) {
                errors.add(problem);
                firstPosition = firstPosition == null ? at : firstPosition;
            }
        }

        Integer employees = null;
        BigDecimal i20 = values.get(20);
        if (i20 != null) {
            try {
                employees = i20.stripTrailingZeros().intValueExact();
                if (employees < 0) {
                    errors.add("I20: negative number of employees: " + employees);
                }
            } catch (ArithmeticException e) {
                errors.add("I20: not a whole number of employees: " + i20.toPlainString());
            }
        }
        BigDecimal profit = values.get(18);
        BigDecimal loss = values.get(19);
        BigDecimal profitLoss = null;
        if (profit != null && loss != null && profit.signum() > 0 && loss.signum() > 0) {
            errors.add("I18 profit net " + profit.toPlainString() + " and I19 pierdere netă " + loss.toPlainString()
                    + " are both positive");
        } else if (profit != null || loss != null) {
            profitLoss = (profit == null ? BigDecimal.ZERO : profit).subtract(loss == null ? BigDecimal.ZERO : loss);
        }
        BigDecimal assets = null;
        if (values.get(1) != null && values.get(2) != null) {
            assets = values.get(1).add(values.get(2)).add(values.getOrDefault(6, BigDecimal.ZERO));
        }

        if (!errors.isEmpty()) {
            sink.accept(new Item.Rejected(firstPosition == null ? "$.i" : firstPosition, summary(cui, year, answer),
                    String.join("; ", errors)));
            return;
        }
        sink.accept(new Item.Accepted(new FinancialStatement(SOURCE, cui, year, "RON", values.get(13), employees, profitLoss,
                assets, values.get(10), null, rates.rate(year)), "$.i"));
    }

    /** The indicators as the answer gave them, for the dead letter. */
    private static String summary(String cui, int year, Answer answer) {
        StringBuilder text = new StringBuilder("cui=").append(cui).append(", an=").append(year).append(':');
        for (Indicator indicator : answer.indicators) {
            text.append(' ').append(indicator.code().describe()).append('=').append(indicator.value().describe());
            if (text.length() > Item.Rejected.MAX_PAYLOAD) {
                break;
            }
        }
        return text.toString();
    }
}
