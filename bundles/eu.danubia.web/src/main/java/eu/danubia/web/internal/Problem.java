package eu.danubia.web.internal;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document: the one error format of the API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, Map<String, String> errors) {

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }
}
