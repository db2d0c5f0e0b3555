package eu.danubia.connector.sdk;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import eu.danubia.connector.sdk.internal.CronSchedule;

/**
 * Where a connector's documents come from and how hard to try: an HTTP pull (base URL and paths) and/or a
 * file-drop directory, the cron schedule of the pull, timeouts, redelivery and batch size.
 *
 * <p>A connector maps its own typed configuration ({@code @ObjectClassDefinition}) to these settings in its
 * activate constructor. Blank strings mean "not configured", so metatype defaults of {@code ""} switch a source
 * off. Everything is checked in {@link Builder#build()}: a bad value fails the connector's activation with a
 * message naming the field, rather than a route that silently never runs.
 */
public final class ConnectorSettings {

    /**
     * The characters a drop directory may contain. The directory becomes part of a Camel endpoint URI, where
     * {@code ?}, {@code &}, {@code #}, {@code %} and {@code {{...}}} (property placeholders) have meanings of their own.
     */
    private static final Pattern SAFE_DIRECTORY = Pattern.compile("[\\p{L}\\p{N}/\\\\:._\\- ]+");
    private static final Pattern COMMA = Pattern.compile(",");

    private final URI baseUrl;
    private final List<String> paths;
    private final Path dropDirectory;
    private final String schedule;
    private final ZoneId zone;
    private final Duration scheduleCheckInterval;
    private final Duration pollInterval;
    private final Duration fileStableFor;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxRedeliveries;
    private final Duration redeliveryDelay;
    private final Duration maxRedeliveryDelay;
    private final int batchSize;

    private ConnectorSettings(Builder b) {
        this.baseUrl = b.baseUrl;
        this.paths = List.copyOf(b.paths);
        this.dropDirectory = b.dropDirectory;
        this.schedule = b.schedule;
        this.zone = b.zone;
        this.scheduleCheckInterval = b.scheduleCheckInterval;
        this.pollInterval = b.pollInterval;
        this.fileStableFor = b.fileStableFor;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.maxRedeliveries = b.maxRedeliveries;
        this.redeliveryDelay = b.redeliveryDelay;
        this.maxRedeliveryDelay = b.maxRedeliveryDelay;
        this.batchSize = b.batchSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The entries of a {@code String[]} configuration attribute, each also split at commas: a {@code .cfg} file
     * gives {@code paths = a.csv, b.csv} as one string, a {@code .config} file or the web console as an array.
     */
    public static List<String> list(String[] values) {
        return list(values, COMMA);
    }

    /**
     * The entries of a {@code String[]} configuration attribute, each also split at {@code separators}, stripped,
     * blank ones left out: a {@code .cfg} file gives a multi-value attribute as one string however its values are
     * written ({@code years = 2022 2023}, {@code mapping = name=Cégnév; city=Település}).
     *
     * @param values     the attribute; null gives an empty list
     * @param separators what separates values within one entry, e.g. {@code [\s,;]+}
     */
    public static List<String> list(String[] values, Pattern separators) {
        Objects.requireNonNull(separators, "separators");
        List<String> list = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null) {
                    for (String part : separators.split(value)) {
                        if (!part.isBlank()) {
                            list.add(part.strip());
                        }
                    }
                }
            }
        }
        return list;
    }

    /**
     * The entries of a {@code String[]} attribute as {@link #list(String[])} gives them, each checked against
     * {@code format} and kept once, in their order: ids a connector pulls, e.g. {@code icos = 26168685, 45274649}.
     * Checked here so that a typo fails the configuration, not a request.
     *
     * @param attribute the attribute's name, for the message
     * @param expected  what an entry must be, for the message, e.g. {@code an IČO (8 digits)}
     * @throws IllegalArgumentException {@code icos: '2616868' is not an IČO (8 digits)}
     */
    public static List<String> distinct(String attribute, String[] values, Pattern format, String expected) {
        Set<String> out = new LinkedHashSet<>();
        for (String value : list(values)) {
            if (!format.matcher(value).matches()) {
                throw new IllegalArgumentException(attribute + ": '" + value + "' is not " + expected);
            }
            out.add(value);
        }
        return List.copyOf(out);
    }

    /** A builder holding these settings, to change a few of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.baseUrl = baseUrl;
        b.paths.addAll(paths);
        b.dropDirectory = dropDirectory;
        b.schedule = schedule;
        b.zone = zone;
        b.scheduleCheckInterval = scheduleCheckInterval;
        b.pollInterval = pollInterval;
        b.fileStableFor = fileStableFor;
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.maxRedeliveries = maxRedeliveries;
        b.redeliveryDelay = redeliveryDelay;
        b.maxRedeliveryDelay = maxRedeliveryDelay;
        b.batchSize = batchSize;
        return b;
    }

    /** The base of every pulled URL, ending in {@code /}; empty when the connector pulls nothing over HTTP. */
    public Optional<URI> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /** The configured paths below {@link #baseUrl()}; a connector may build its own instead. */
    public List<String> paths() {
        return paths;
    }

    public Optional<Path> dropDirectory() {
        return Optional.ofNullable(dropDirectory);
    }

    /** The cron expression of the scheduled HTTP pull (five fields or {@code @daily} ...); empty: manual only. */
    public Optional<String> schedule() {
        return Optional.ofNullable(schedule);
    }

    public ZoneId zone() {
        return zone;
    }

    /** How often the schedule is looked at; a due pull starts at most this late. */
    public Duration scheduleCheckInterval() {
        return scheduleCheckInterval;
    }

    /** How often the drop directory is looked at. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** How long a dropped file's size must stay the same before it is read (it may still be being copied). */
    public Duration fileStableFor() {
        return fileStableFor;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for the response headers of one request. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Further attempts after a transient failure (HTTP 5xx, timeout, connection refused). */
    public int maxRedeliveries() {
        return maxRedeliveries;
    }

    /** The wait before the first further attempt; it doubles with each one, up to {@link #maxRedeliveryDelay()}. */
    public Duration redeliveryDelay() {
        return redeliveryDelay;
    }

    public Duration maxRedeliveryDelay() {
        return maxRedeliveryDelay;
    }

    /** Records handed to the store together. */
    public int batchSize() {
        return batchSize;
    }

    /**
     * The absolute URL of {@code path} below the base URL.
     *
     * @throws IllegalArgumentException when no base URL is configured, or the path would leave the base URL
     *                                  (another host, {@code ..}, an absolute path): connectors build paths from
     *                                  data such as company ids, and a crafted id must not reach another server
     */
    public URI resolve(String path) {
        if (baseUrl == null) {
            throw new IllegalArgumentException("no baseUrl configured");
        }
        Objects.requireNonNull(path, "path");
        String p = path.strip();
        URI relative;
        try {
            relative = new URI(p);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("path '" + path + "' is not a valid URL path (encode data with"
                    + " ConnectorRoutes.segment): " + e.getMessage());
        }
        if (relative.isAbsolute() || relative.getRawAuthority() != null || p.startsWith("/") || p.contains("\\")
                || relative.getRawFragment() != null) {
            throw new IllegalArgumentException("path '" + path + "' leaves the base URL " + baseUrl);
        }
        URI resolved = baseUrl.resolve(relative).normalize();
        String resolvedPath = resolved.getRawPath() == null ? "" : resolved.getRawPath();
        if (!resolvedPath.startsWith(baseUrl.getRawPath()) || resolvedPath.contains("/../")
                || resolvedPath.endsWith("/..")) {
            throw new IllegalArgumentException("path '" + path + "' leaves the base URL " + baseUrl);
        }
        return resolved;
    }

    @Override
    public String toString() {
        return "ConnectorSettings[baseUrl=" + baseUrl + ", paths=" + paths + ", dropDirectory=" + dropDirectory
                + ", schedule=" + schedule + ", zone=" + zone + "]";
    }

    /** Checks and builds {@link ConnectorSettings}; durations must be positive. */
    public static final class Builder {
        private URI baseUrl;
        private final List<String> paths = new ArrayList<>();
        private Path dropDirectory;
        private String schedule;
        private ZoneId zone = ZoneId.systemDefault();
        private Duration scheduleCheckInterval = Duration.ofSeconds(20);
        private Duration pollInterval = Duration.ofSeconds(10);
        private Duration fileStableFor = Duration.ofSeconds(2);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private int maxRedeliveries = 4;
        private Duration redeliveryDelay = Duration.ofSeconds(2);
        private Duration maxRedeliveryDelay = Duration.ofMinutes(2);
        private int batchSize = 500;

        private Builder() {
        }

        /** {@code http(s)://host[:port]/path}; blank: no HTTP pull. */
        public Builder baseUrl(String url) {
            if (url == null || url.isBlank()) {
                baseUrl = null;
                return this;
            }
            URI uri;
            try {
                uri = new URI(url.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("baseUrl '" + url + "' is not a URL: " + e.getMessage());
            }
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("baseUrl '" + url + "' must be an http or https URL with a host");
            }
            if (uri.getRawUserInfo() != null) {
                // credentials in a URL end up in logs and in the import runs
                throw new IllegalArgumentException("baseUrl must not contain a user name or password");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl '" + url + "' must not have a query or fragment; put them in the paths");
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (!path.endsWith("/")) {
                path = path + "/";
            }
            baseUrl = URI.create(uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getRawAuthority() + path);
            return this;
        }

        /** Paths below the base URL, e.g. {@code ekonomicke-subjekty/26168685}; blank entries are skipped. */
        public Builder paths(List<String> paths) {
            this.paths.clear();
            if (paths != null) {
                for (String p : paths) {
                    if (p != null && !p.isBlank()) {
                        this.paths.add(p.strip());
                    }
                }
            }
            return this;
        }

        public Builder paths(String... paths) {
            return paths(paths == null ? null : List.of(paths));
        }

        /** An absolute directory; processed files move to its {@code .done} or {@code .failed}. Blank: no file drop. */
        public Builder dropDirectory(String directory) {
            if (directory == null || directory.isBlank()) {
                dropDirectory = null;
                return this;
            }
            String d = directory.strip();
            if (!SAFE_DIRECTORY.matcher(d).matches() || d.contains("{{")) {
                throw new IllegalArgumentException("dropDirectory '" + directory
                        + "' may contain only letters, digits, spaces and / \\ : . _ -");
            }
            Path path = Path.of(d);
            if (!path.isAbsolute()) {
                throw new IllegalArgumentException("dropDirectory '" + directory + "' must be an absolute path");
            }
            dropDirectory = path.normalize();
            return this;
        }

        /**
         * The two sources that run by themselves, the scheduled pull and the drop directory, behind a connector's
         * {@code enabled} switch: when it is false neither is set (nor checked), and the connector imports only by
         * hand ({@code danubia:import}), from its base URL and paths or from a file.
         */
        public Builder automatic(boolean enabled, String schedule, String dropDirectory) {
            if (enabled) {
                return schedule(schedule).dropDirectory(dropDirectory);
            }
            this.schedule = null;
            this.dropDirectory = null;
            return this;
        }

        /** A five-field cron expression ({@code minute hour day-of-month month day-of-week}) or a macro; blank: none. */
        public Builder schedule(String cron) {
            schedule = cron == null || cron.isBlank() ? null : cron.strip();
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        public Builder scheduleCheckInterval(Duration interval) {
            scheduleCheckInterval = positive(interval, "scheduleCheckInterval");
            return this;
        }

        public Builder pollInterval(Duration interval) {
            pollInterval = positive(interval, "pollInterval");
            return this;
        }

        public Builder fileStableFor(Duration duration) {
            fileStableFor = positive(duration, "fileStableFor");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * @param maxRedeliveries further attempts after a transient failure, 0–20
         * @param firstDelay      the wait before the first further attempt; it doubles each time
         * @param maxDelay        the longest wait between attempts
         */
        public Builder redelivery(int maxRedeliveries, Duration firstDelay, Duration maxDelay) {
            if (maxRedeliveries < 0 || maxRedeliveries > 20) {
                throw new IllegalArgumentException("maxRedeliveries must be between 0 and 20, not " + maxRedeliveries);
            }
            this.maxRedeliveries = maxRedeliveries;
            this.redeliveryDelay = positive(firstDelay, "redeliveryDelay");
            this.maxRedeliveryDelay = positive(maxDelay, "maxRedeliveryDelay");
            return this;
        }

        public Builder batchSize(int size) {
            if (size < 1 || size > 10_000) {
                throw new IllegalArgumentException("batchSize must be between 1 and 10000, not " + size);
            }
            batchSize = size;
            return this;
        }

        public ConnectorSettings build() {
            if (schedule != null) {
                CronSchedule cron;
                try {
                    cron = CronSchedule.parse(schedule);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("schedule '" + schedule + "': " + e.getMessage(), e);
                }
                if (cron.next(Instant.now(), zone).isEmpty()) {
                    throw new IllegalArgumentException("schedule '" + schedule + "' never fires");
                }
            }
            if (schedule != null && baseUrl == null) {
                throw new IllegalArgumentException("a schedule pulls over HTTP: it needs a baseUrl");
            }
            if (baseUrl == null && !paths.isEmpty()) {
                throw new IllegalArgumentException("paths are configured but no baseUrl");
            }
            if (maxRedeliveryDelay.compareTo(redeliveryDelay) < 0) {
                throw new IllegalArgumentException("maxRedeliveryDelay is shorter than redeliveryDelay");
            }
            ConnectorSettings settings = new ConnectorSettings(this);
            for (String p : paths) {
                settings.resolve(p);
            }
            return settings;
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration");
            }
            return d;
        }
    }
}
