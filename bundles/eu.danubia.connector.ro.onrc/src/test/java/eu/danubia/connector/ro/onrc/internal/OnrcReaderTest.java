package eu.danubia.connector.ro.onrc.internal;

import static eu.danubia.connector.sdk.testing.Reading.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.connector.sdk.Item;
import eu.danubia.connector.sdk.testing.Reading;

/** ONRC od_firme.csv (test resources, see README.md there) into company records. */
class OnrcReaderTest {

    static final CompanyRecord CONSTRUCT = new CompanyRecord("ro-onrc", "99100011", "EXEMPLU CONSTRUCT SRL", "SRL", List.of(),
            "Str. Exemplului 12, bl. A1, sc. 2, et. 3, ap. 14", "Bucureşti Sectorul 3", "030167", "RO", "RO321", null,
            LocalDate.of(2005, 2, 14));
    static final CompanyRecord LEMNLIND = new CompanyRecord("ro-onrc", "13735411", "\"LEMNLIND\" SRL", "SRL", List.of(),
            "Str. Lemnului 4", "Sfântu Gheorghe", "520008", "RO", "RO123", null, LocalDate.of(2001, 1, 30));
    static final CompanyRecord ALFA = new CompanyRecord("ro-onrc", "99100029", "\"ALFA LEMN SRL", "SRL", List.of(),
            "Str. Gării 7", "Covasna", null, "RO", "RO123", null, LocalDate.of(2003, 5, 5));
    static final CompanyRecord SOFTWARE = new CompanyRecord("ro-onrc", "99100037", "EXEMPLU SOFTWARE SRL", "SRL", List.of(),
            "Str. Memorandumului 28", "Cluj-Napoca", "400114", "RO", "RO113", null, LocalDate.of(2016, 6, 21));
    static final CompanyRecord AGRO = new CompanyRecord("ro-onrc", "99100045", "EXEMPLU AGRO SA", "SA", List.of(),
            "Bd. Ștefan cel Mare și Sfânt 1, corp B", "Iași", null, "RO", "RO213", null, LocalDate.of(1991, 3, 12));
    static final CompanyRecord PFA = new CompanyRecord("ro-onrc", "99100053", "POPESCU ION PERSOANĂ FIZICĂ AUTORIZATĂ", "PFA",
            List.of(), "Str. Exemplu 3", "Timișoara", null, "RO", "RO424", null, LocalDate.of(2012, 11, 9));
    static final CompanyRecord TRANSPORT = new CompanyRecord("ro-onrc", "99100096", "EXEMPLU TRANSPORT SRL", "SRL", List.of(),
            "Str. Republicii 10", "Oradea", "410167", "RO", "RO111", null, LocalDate.of(2020, 3, 2));

    @Test
    void theLemnlindRowsAreStoredAndSoAreAllTheRowsAfterThem() throws IOException {
        List<Item> items = read(resource("od_firme.csv"));

        assertThat(accepted(items)).containsExactly(CONSTRUCT, LEMNLIND, ALFA, SOFTWARE, AGRO, PFA, TRANSPORT);
        assertThat(items).filteredOn(Item.Accepted.class::isInstance).extracting(Item::position)
                .containsExactly("line 2", "line 3", "line 4", "line 5", "line 6", "line 7", "line 12");
        assertThat(rejected(items)).extracting(Item.Rejected::position, Item.Rejected::reason).containsExactly(
                tuple("line 8", "3 fields, the header has 20"),
                tuple("line 9", "CUI: not a number: 'RO-9910'"),
                tuple("line 10", "CUI is 0 (the register gives none)"),
                tuple("line 11", "DATA_INMATRICULARE: not a date: '31/02/2020'"));
        assertThat(rejected(items).get(0).payload()).isEqualTo("\"BETA SRL^99100061^J40/1/2001");
    }

    @Test
    void theOlderLayoutWithStatusAndOneAddressColumnIsRead() throws IOException {
        List<Item> items = read(resource("od_firme_2019.csv"));

        assertThat(accepted(items)).extracting(CompanyRecord::nationalId, CompanyRecord::status, CompanyRecord::street,
                CompanyRecord::foundedOn).containsExactly(
                        tuple("99200017", "ACTIVE", "Str. Veche nr. 1, Bucureşti", null),
                        tuple("99200025", "TERMINATED", "Str. Lungă nr. 2, Cluj-Napoca, Cluj", null),
                        tuple("99200033", "IN_LIQUIDATION", "Str. Scurtă nr. 3, Iaşi, Iaşi", null));
    }

    @Test
    void invalidUtf8AndATenMegabyteLineAreRejectedAndTheGoodRowsStored() throws IOException {
        byte[] original = resource("od_firme.csv");
        int line3 = indexOfLine(original, 3);
        int line5 = indexOfLine(original, 5);
        byte[] broken = "EXEMPLU ?? SRL^99100999^J40/9/2009^01/01/2009\r\n".getBytes(StandardCharsets.UTF_8);
        broken[9] = (byte) 0xC3;
        broken[10] = (byte) 0x28;
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) 'x');
        huge[huge.length - 1] = '\n';
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write(original, 0, line3);
        input.write(broken);
        input.write(original, line3, line5 - line3);
        input.write(huge);
        input.write(original, line5, original.length - line5);

        List<Item> items = read(input.toByteArray());

        assertThat(accepted(items)).containsExactly(CONSTRUCT, LEMNLIND, ALFA, SOFTWARE, AGRO, PFA, TRANSPORT);
        assertThat(rejected(items)).extracting(Item.Rejected::position).startsWith("line 3", "line 6");
        assertThat(rejected(items).get(0).reason()).contains("not valid UTF-8");
        assertThat(rejected(items).get(1).reason()).contains("longer than 65536 bytes");
        assertThat(rejected(items).get(1).payload().length()).isLessThan(1000);
    }

    @Test
    void aFileWithoutTheOnrcColumnsFailsAsAWhole() {
        assertThatThrownBy(() -> read("NAME;ID\nA;1\n".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class)
                .hasMessageContaining("no DENUMIRE column");
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(IOException.class).hasMessageContaining("no header");
    }

    @Test
    void aBrokenHeaderFailsTheDocument() {
        byte[] header = {'D', 'E', 'N', (byte) 0xFF, '^', 'C', 'U', 'I', '\n', 'A', '^', '1', '\n'};

        assertThatThrownBy(() -> read(header)).isInstanceOf(IOException.class).hasMessageContaining("the header, line 1");
    }

    @Test
    void statusesAreMappedByCodeOrLabel() {
        assertThat(OnrcReader.status("1048")).isEqualTo("ACTIVE");
        assertThat(OnrcReader.status("funcțiune")).isEqualTo("ACTIVE");
        assertThat(OnrcReader.status("RADIATĂ")).isEqualTo("TERMINATED");
        assertThat(OnrcReader.status("1074")).isEqualTo("SUSPENDED");
        assertThat(OnrcReader.status("dizolvare")).isEqualTo("IN_LIQUIDATION");
        assertThat(OnrcReader.status("sediu expirat")).isEqualTo("sediu expirat");
    }

    private static List<Item> read(byte[] content) throws IOException {
        return Reading.read(new OnrcReader(), content, "od_firme.csv");
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = OnrcReaderTest.class.getResourceAsStream("/" + name)) {
            return in.readAllBytes();
        }
    }

    private static int indexOfLine(byte[] content, int line) {
        int seen = 1;
        for (int i = 0; i < content.length && seen < line; i++) {
            if (content[i] == '\n' && ++seen == line) {
                return i + 1;
            }
        }
        return content.length;
    }

    private static List<CompanyRecord> accepted(List<Item> items) {
        return Reading.records(items, CompanyRecord.class);
    }
}
