package eu.danubia.itests;

import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Talks to a running DanubIA over HTTP the way a client does: JSON, bearer tokens or session cookies. */
final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    private int port() {
        return URI.create(baseUrl).getPort();
    }

    Reply request(String method, String path, Auth auth, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (auth.bearer() != null) {
            b.header("Authorization", "Bearer " + auth.bearer());
        }
        if (auth.cookie() != null) {
            b.header("Cookie", "DANUBIA_SESSION=" + auth.cookie());
        }
        if (auth.csrf() != null) {
            b.header("X-CSRF-Token", auth.csrf());
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Sends a request over a plain socket, writing the body from another thread while the response
     * is read: a server may answer (e.g. 413) and close before a large body is fully sent, which
     * java.net.http reports as a broken connection instead of the answer.
     */
    Reply rawRequest(String method, String path, Auth auth, String contentType, byte[] body, boolean chunked) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Accept: application/json\r\nConnection: close\r\nContent-Type: " + contentType + "\r\n");
            if (auth.bearer() != null) {
                head.append("Authorization: Bearer ").append(auth.bearer()).append("\r\n");
            }
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n").append("\r\n");
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    if (chunked) {
                        for (int off = 0; off < body.length; off += 8192) {
                            int n = Math.min(8192, body.length - off);
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(body, off, n);
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } else {
                        out.write(body);
                    }
                    out.flush();
                } catch (IOException refusedMidway) {
                    // the server answered and closed first: that is what is being tested
                }
            });
            writer.setDaemon(true);
            writer.start();
            java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            String status = readLine(in);
            Map<String, java.util.List<String>> headers = new java.util.HashMap<>();
            int length = -1;
            for (String line; !(line = readLine(in)).isEmpty();) {
                int colon = line.indexOf(':');
                String name = line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                headers.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
                if (name.equals("content-length")) {
                    length = Integer.parseInt(value);
                }
            }
            byte[] responseBody = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
            String type = headers.containsKey("content-type") ? headers.get("content-type").get(0) : null;
            return new Reply(Integer.parseInt(status.split(" ")[1]), type, new String(responseBody, StandardCharsets.UTF_8), headers);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        }
    }

    private static String readLine(java.io.InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) != -1 && c != '\n';) {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    Reply get(String path, Auth auth) {
        return request("GET", path, auth, null, null);
    }

    Reply send(String method, String path, Auth auth, Object json) {
        try {
            return request(method, path, auth, "application/json", json == null ? null : DanubiaTestSupport.JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Logs in through the API; returns bearer, cookie and CSRF token of the new session. */
    Auth login(String email, String password) {
        Reply r = send("POST", "/api/auth/login", Auth.NONE, Map.of("email", email, "password", password));
        if (r.status() != 200) {
            fail("login of " + email + " failed: " + r.status() + " " + r.body());
        }
        String cookie = r.headers().getOrDefault("set-cookie", java.util.List.of()).stream()
                .filter(c -> c.startsWith("DANUBIA_SESSION=")).findFirst()
                .map(c -> c.substring("DANUBIA_SESSION=".length(), c.indexOf(';')))
                .orElseThrow(() -> new AssertionError("no session cookie: " + r.headers()));
        return new Auth(r.json().path("token").asText(), cookie, r.json().path("csrfToken").asText());
    }

    static Auth bearer(Auth a) {
        return new Auth(a.bearer(), null, null);
    }

    /**
     * A new member user acting for a business organisation of a demo association, created by that
     * association's admin; returns its e-mail (the password is {@code memberPassword(slug)}).
     */
    String createMember(String slug, String demoPassword, String emailPrefix) {
        Auth admin = bearer(login("admin@" + slug + ".demo.danubia.eu", demoPassword));
        String associationId = get("/api/auth/me", admin).json().path("user").path("associationId").asText();
        String organisationId = get("/api/organisations?type=BUSINESS&associationId=" + associationId + "&size=50", admin)
                .json().path("items").get(0).path("id").asText();
        String email = emailPrefix + System.nanoTime() + "@" + slug + ".example.eu";
        Reply created = send("POST", "/api/users", admin, Map.of("email", email, "name", "Member " + emailPrefix,
                "password", memberPassword(slug), "organisationId", organisationId, "roles", java.util.List.of("member")));
        if (created.status() != 201) {
            fail("creating member " + email + " failed: " + created.status() + " " + created.body());
        }
        return email;
    }

    /**
     * A new member user acting for the organisation of a demo association whose name matches {@code organisationQuery}
     * (the directory's {@code ?q=} search), created by that association's admin; returns its e-mail (the password is
     * {@code memberPassword(slug)}).
     */
    String createMemberOf(String slug, String demoPassword, String emailPrefix, String organisationQuery) {
        Auth admin = bearer(login("admin@" + slug + ".demo.danubia.eu", demoPassword));
        String associationId = get("/api/auth/me", admin).json().path("user").path("associationId").asText();
        Reply found = get("/api/organisations?q=" + java.net.URLEncoder.encode(organisationQuery, StandardCharsets.UTF_8)
                + "&associationId=" + associationId + "&size=5", admin);
        if (found.status() != 200 || found.json().path("items").isEmpty()) {
            fail("no organisation '" + organisationQuery + "' in " + slug + ": " + found.status() + " " + found.body());
        }
        String organisationId = found.json().path("items").get(0).path("id").asText();
        String email = emailPrefix + System.nanoTime() + "@" + slug + ".example.eu";
        Reply created = send("POST", "/api/users", admin, Map.of("email", email, "name", "Member " + emailPrefix,
                "password", memberPassword(slug), "organisationId", organisationId, "roles", java.util.List.of("member")));
        if (created.status() != 201) {
            fail("creating member " + email + " failed: " + created.status() + " " + created.body());
        }
        return email;
    }

    static String memberPassword(String slug) {
        return "Member-Pass-" + slug + "-77";
    }
}
