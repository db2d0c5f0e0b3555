package eu.danubia.connector.sdk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One source document for {@link ConnectorTestKit} and what the connector must make of it.
 *
 * @param name              the document's file name; the kit drops it under this name and serves it at
 *                          {@code /fixtures/<name>}
 * @param content           the document's bytes
 * @param expected          exactly the normalized records the document holds ({@code CompanyRecord},
 *                          {@code FinancialStatement}, {@code RegionStat}), in any order
 * @param rejectedPositions the item positions the reader must reject, e.g. {@code line 4}; usually none
 */
public record Fixture(String name, byte[] content, List<Object> expected, List<String> rejectedPositions) {

    public Fixture {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("a fixture name is a plain file name: " + name);
        }
        content = content.clone();
        expected = List.copyOf(expected);
        rejectedPositions = List.copyOf(rejectedPositions);
    }

    /** A fixture file, e.g. one from {@code ../shared/data} or the test's resources folder. */
    public static Fixture of(Path file, Object... expected) {
        try {
            return new Fixture(file.getFileName().toString(), Files.readAllBytes(file), Arrays.asList(expected), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + file, e);
        }
    }

    /** A fixture on the test class path, next to {@code base}. */
    public static Fixture resource(Class<?> base, String resource, Object... expected) {
        try (InputStream in = base.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource + " next to " + base.getName());
            }
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            return new Fixture(name, in.readAllBytes(), Arrays.asList(expected), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + resource, e);
        }
    }

    /** The same fixture, whose reader must reject the items at these positions (e.g. {@code "line 4"}). */
    public Fixture rejecting(String... positions) {
        return new Fixture(name, content, expected, Arrays.asList(positions));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fixture f && f.name.equals(name) && Arrays.equals(f.content, content)
                && f.expected.equals(expected) && f.rejectedPositions.equals(rejectedPositions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(content), expected, rejectedPositions);
    }

    @Override
    public String toString() {
        return "Fixture[" + name + ", " + content.length + " bytes, " + expected.size() + " records]";
    }
}
