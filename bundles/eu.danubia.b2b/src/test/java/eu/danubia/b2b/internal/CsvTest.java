package eu.danubia.b2b.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsQuotedFieldsWithSeparatorsQuotesAndLineBreaks() {
        String text = "\uFEFFa,b,c\r\n"
                + "1,\"x, y\",\"say \"\"hi\"\"\"\r\n"
                + "2,\"line one\r\nline two\",last\r\n"
                + "\r\n"
                + "3,,\"\"\r\n";
        Csv.Document doc = Csv.read(text);

        assertThat(doc.header().fields()).containsExactly("a", "b", "c");
        assertThat(doc.rows()).extracting(Csv.Row::line).containsExactly(2, 3, 6);
        assertThat(doc.rows()).allMatch(Csv.Row::ok);
        assertThat(doc.rows().get(0).fields()).containsExactly("1", "x, y", "say \"hi\"");
        assertThat(doc.rows().get(1).fields()).containsExactly("2", "line one\nline two", "last");
        assertThat(doc.rows().get(2).fields()).containsExactly("3", "", "");
    }

    @Test
    void acceptsLfAndCrLineEndsAndNoFinalLineEnd() {
        assertThat(Csv.read("a,b\n1,2\n3,4").rows()).extracting(Csv.Row::fields)
                .containsExactly(List.of("1", "2"), List.of("3", "4"));
        assertThat(Csv.read("a,b\r1,2\r3,4\r").rows()).extracting(Csv.Row::line).containsExactly(2, 3);
    }

    @Test
    void anUnbalancedQuoteCostsOneRowOnly() {
        String text = "a,b,c\n"
                + "1,ok,ok\n"
                + "2,\"never closed,ok\n"       // line 3
                + "3,ok,ok\n"
                + "4,\"quoted, fine\",ok\n"       // the open quote of line 3 would end here
                + "5,ok,ok\n";
        Csv.Document doc = Csv.read(text);

        assertThat(doc.rows()).extracting(Csv.Row::line).containsExactly(2, 3, 4, 5, 6);
        assertThat(doc.rows().get(1).ok()).isFalse();
        assertThat(doc.rows().get(1).error()).contains("unbalanced quote");
        assertThat(doc.rows()).filteredOn(Csv.Row::ok).extracting(r -> r.fields().get(0)).containsExactly("1", "3", "4", "5");
        assertThat(doc.rows().get(3).fields()).containsExactly("4", "quoted, fine", "ok");
    }

    @Test
    void anUnbalancedQuoteThatRunsToTheEndOfTheFileCostsOneRowOnly() {
        Csv.Document doc = Csv.read("a,b\n1,\"open\n2,x\n3,y\n");

        assertThat(doc.rows()).extracting(Csv.Row::line).containsExactly(2, 3, 4);
        assertThat(doc.rows().get(0).error()).contains("unbalanced quote").contains("never closed");
        assertThat(doc.rows().get(1).fields()).containsExactly("2", "x");
        assertThat(doc.rows().get(2).fields()).containsExactly("3", "y");
    }

    @Test
    void aQuoteThatSwallowsLinesIntoAMisshapenRowIsReadAgainLineByLine() {
        // the quote opened on line 2 closes cleanly on line 3, but the row then has 3 columns
        Csv.Document doc = Csv.read("a,b\n1,\"open\n2,x\",y\n3,z\n");

        assertThat(doc.rows()).extracting(Csv.Row::line).containsExactly(2, 3, 4);
        assertThat(doc.rows().get(0).error()).isEqualTo("wrong number of columns: expected 2, got 3 "
                + "(a quoted field starting on line 2 may be missing its closing quote)");
        assertThat(doc.rows().get(1).error()).contains("quote inside the unquoted column 2");
        assertThat(doc.rows().get(2).fields()).containsExactly("3", "z");
    }

    @Test
    void reportsQuotesInUnquotedFieldsTextAfterClosingQuotesAndWrongColumnCounts() {
        Csv.Document doc = Csv.read("a,b\n1,5\" screen\n2,\"x\"y\n3\n4,5,6\n5,ok\n,\n");

        assertThat(doc.rows()).extracting(Csv.Row::line).containsExactly(2, 3, 4, 5, 6);
        assertThat(doc.rows().get(0).error()).contains("quote inside the unquoted column 2");
        assertThat(doc.rows().get(1).error()).contains("text follows the closing quote of column 2");
        assertThat(doc.rows().get(2).error()).isEqualTo("wrong number of columns: expected 2, got 1");
        assertThat(doc.rows().get(3).error()).isEqualTo("wrong number of columns: expected 2, got 3");
        assertThat(doc.rows().get(4).fields()).containsExactly("5", "ok");
    }

    @Test
    void anEmptyFileHasNoHeader() {
        assertThat(Csv.read("").header()).isNull();
        assertThat(Csv.read("\uFEFF\r\n\r\n").header()).isNull();
    }

    @Test
    void writesEveryFieldQuotedAndNeutralisesFormulas() {
        StringBuilder out = new StringBuilder();
        Csv.appendRow(out, List.of("plain", "with \"quotes\", commas", "=HYPERLINK(\"http://x\")", "+40 264", "-1",
                "@SUM(A1)", "line\nbreak"));
        Csv.appendRow(out, java.util.Arrays.asList("", null));

        assertThat(out.toString()).isEqualTo("\"plain\",\"with \"\"quotes\"\", commas\",\"'=HYPERLINK(\"\"http://x\"\")\","
                + "\"'+40 264\",\"'-1\",\"'@SUM(A1)\",\"line\nbreak\"\r\n\"\",\"\"\r\n");
    }

    @Test
    void writtenRowsReadBackToTheSameValues() {
        List<String> values = List.of("a,b", "q\"uote", "=1+2", "multi\nline", "'kept", "-", "");
        StringBuilder out = new StringBuilder();
        Csv.appendRow(out, List.of("1", "2", "3", "4", "5", "6", "7"));
        Csv.appendRow(out, values);

        Csv.Row row = Csv.read(out.toString()).rows().get(0);
        assertThat(row.fields().stream().map(Csv::unneutralise).toList()).isEqualTo(values);
    }
}
