package eu.danubia.itests;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A response with its body parsed as JSON when it is JSON. */
record Reply(int status, String contentType, String body, Map<String, List<String>> headers) {

    JsonNode json() {
        try {
            return DanubiaTestSupport.JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + status + "): " + body, e);
        }
    }

    boolean isProblem() {
        return contentType != null && contentType.startsWith("application/problem+json")
                && json().path("status").asInt() == status && json().hasNonNull("title")
                && !body.contains("Exception") && !body.contains("\tat ");
    }
}
