package eu.danubia.connector.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.connector.sdk.Item;
import eu.danubia.connector.sdk.SourceReader;

/**
 * A minimal reader of one ARES {@code ekonomicke-subjekty} record, only to run the test kit's checks for
 * formats where a document is one record (JSON, XML). The real ARES connector is its own bundle.
 */
final class JsonCompanyReader implements SourceReader {

    static final String SOURCE = "json-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void read(InputStream in, String name, Consumer<Item> sink) throws IOException {
        JsonNode root = JSON.readTree(in);
        if (root == null || !root.path("ico").isTextual()) {
            throw new IOException(name + " is not an ARES ekonomicke-subjekty record");
        }
        JsonNode seat = root.path("sidlo");
        List<String> nace = new ArrayList<>();
        root.path("czNace").forEach(n -> nace.add(n.asText()));
        String street = seat.path("nazevUlice").asText() + " " + seat.path("cisloDomovni").asText() + "/"
                + seat.path("cisloOrientacni").asText();
        sink.accept(new Item.Accepted(new CompanyRecord(SOURCE, root.path("ico").asText(), root.path("obchodniJmeno").asText(),
                root.path("pravniForma").asText(), nace, street, seat.path("nazevObce").asText(), seat.path("psc").asText(),
                seat.path("kodStatu").asText(), null,
                "AKTIVNI".equals(root.path("seznamRegistraci").path("stavZdrojeVr").asText()) ? "ACTIVE" : "TERMINATED",
                LocalDate.parse(root.path("datumVzniku").asText())), "$"));
    }
}
