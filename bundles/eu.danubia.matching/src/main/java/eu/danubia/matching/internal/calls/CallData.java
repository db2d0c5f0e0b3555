package eu.danubia.matching.internal.calls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the CORDIS tab-separated files: {@code topics.tsv} (topic, title, thematic) and the funded
 * projects (project_id, acronym, title, topic). Fields hold no tabs, quotes are literal.
 */
public final class CallData {

    public static final String TOPICS = "/reference/cordis-callmatch/topics.tsv";
    public static final String PROJECTS = "/reference/cordis-callmatch/dev.tsv";

    private CallData() {
    }

    public static List<Topic> topics(InputStream in) throws IOException {
        List<Topic> out = new ArrayList<>();
        for (String[] row : rows(in, "topic", "title", "thematic")) {
            out.add(new Topic(row[0], row[1], Boolean.parseBoolean(row[2])));
        }
        return out;
    }

    public static List<FundedProject> projects(InputStream in) throws IOException {
        List<FundedProject> out = new ArrayList<>();
        for (String[] row : rows(in, "project_id", "acronym", "title", "topic")) {
            out.add(new FundedProject(row[0], row[1], row[2], row[3]));
        }
        return out;
    }

    /** The bundled files (copied from shared/data/cordis-callmatch at build time). */
    public static List<Topic> bundledTopics() throws IOException {
        try (InputStream in = resource(TOPICS)) {
            return topics(in);
        }
    }

    public static List<FundedProject> bundledProjects() throws IOException {
        try (InputStream in = resource(PROJECTS)) {
            return projects(in);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = CallData.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource " + name);
        }
        return in;
    }

    private static List<String[]> rows(InputStream in, String... columns) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = r.readLine();
        if (header == null) {
            throw new IOException("empty file: expected the header " + String.join("\t", columns));
        }
        String[] names = strip(header).split("\t", -1);
        if (!Arrays.asList(names).equals(Arrays.asList(columns))) {
            throw new IOException("line 1: expected the columns " + String.join(", ", columns) + ", found " + String.join(", ", names));
        }
        List<String[]> out = new ArrayList<>();
        String line;
        int n = 1;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != columns.length) {
                throw new IOException("line " + n + ": " + f.length + " fields, expected " + columns.length);
            }
            out.add(f);
        }
        return out;
    }

    private static String strip(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }
}
