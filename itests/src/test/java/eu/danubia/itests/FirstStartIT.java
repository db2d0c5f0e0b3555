package eu.danubia.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A first start where the operator set no password: no credential works until one is known, and
 * the generated passwords are shown once (console banner and one log line) and do work.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FirstStartIT extends DanubiaTestSupport {

    private static final Pattern ADMIN_LINE = Pattern.compile("first platform admin (\\S+) with the generated password (\\S+)");
    private static final Pattern DEMO_LINE = Pattern.compile("Demo administrators created with generated passwords \\(shown once\\): (.*)$",
            Pattern.MULTILINE);

    @Override
    protected boolean operatorSetsPasswords() {
        return false;
    }

    @Before
    public void healthy() {
        awaitHealthy();
    }

    @Test
    public void noGuessableCredentialWorksAndTheGeneratedOnesAreShownOnceAndWork() throws IOException {
        String slug = get("/api/associations", Auth.NONE).json().get(0).path("slug").asText();
        String demoAdmin = "admin@" + slug + ".demo.danubia.eu";
        for (String email : List.of(ADMIN_EMAIL, demoAdmin, "admin", "karaf")) {
            for (String password : List.of("admin", "karaf", "danubia", "Password123!")) {
                Reply r = send("POST", "/api/auth/login", Auth.NONE, Map.of("email", email, "password", password));
                assertTrue(email + "/" + password + " -> " + r.status(), r.status() == 401 || r.status() == 429);
            }
        }

        String log = Files.readString(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"));
        Matcher admin = ADMIN_LINE.matcher(log);
        assertTrue("the generated admin password is logged once", admin.find());
        String adminEmail = admin.group(1);
        String adminPassword = admin.group(2);
        assertTrue("only once", !admin.find());
        assertEquals(ADMIN_EMAIL, adminEmail);
        assertTrue(adminPassword.length() >= 16);
        assertEquals(200, get("/api/auth/me", bearer(login(adminEmail, adminPassword))).status());

        Matcher demo = DEMO_LINE.matcher(log);
        assertTrue("the generated demo passwords are logged once", demo.find());
        List<String[]> credentials = new ArrayList<>();
        for (String pair : demo.group(1).trim().split(",\\s*")) {
            credentials.add(pair.trim().split(" "));
        }
        assertTrue(!demo.find());
        assertEquals("one admin per demo association", get("/api/associations", Auth.NONE).json().size(), credentials.size());
        String[] other = credentials.stream().filter(c -> !c[0].equals(demoAdmin)).findFirst().orElseThrow();
        assertEquals(200, get("/api/auth/me", bearer(login(other[0], other[1]))).status());
    }
}
