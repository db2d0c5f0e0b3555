package eu.danubia.web.internal;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import eu.danubia.api.DanubiaException;
import eu.danubia.api.TooManyRequestsException;
import eu.danubia.api.ValidationException;
import eu.danubia.web.Api;

/**
 * Turns every failure into {@code application/problem+json}. Client errors say what to fix;
 * server errors say only an error id, which is logged with the stack trace.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        return response(problemFor(failure), failure);
    }

    static Problem problemFor(Throwable failure) {
        if (failure instanceof ValidationException v) {
            return new Problem("about:blank", v.title(), v.status(), v.getMessage(), v.errors());
        }
        if (failure instanceof DanubiaException d) {
            return Problem.of(d.status(), d.title(), d.getMessage());
        }
        WebApplicationException web = cause(failure, WebApplicationException.class);
        if (web != null) {
            return webProblem(web);
        }
        JsonProcessingException json = cause(failure, JsonProcessingException.class);
        if (json != null) {
            return jsonProblem(json);
        }
        String id = UUID.randomUUID().toString();
        LOG.error("Unhandled error {}", id, failure);
        return Problem.of(500, "Internal Server Error", "Something went wrong on our side (error id " + id + ")");
    }

    private static Problem webProblem(WebApplicationException w) {
        int status = w.getResponse().getStatus();
        // Jersey reports an unparsable query parameter as 404 (as the spec says); it is the client's input
        if (w.getClass().getSimpleName().equals("QueryParamException")) {
            return Problem.of(400, "Bad Request", "A query parameter has an invalid value");
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed here";
            case 406 -> "Cannot produce the requested media type; ask for application/json";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported content type; send application/json";
            default -> status >= 500 ? "Something went wrong on our side" : title;
        };
        if (status >= 500) {
            LOG.error("Server error {}", status, w);
        }
        return Problem.of(status, title, detail);
    }

    private static Problem jsonProblem(JsonProcessingException e) {
        if (cause(e, JsonParseException.class) != null) { // includes a body that ends too early
            return Problem.of(400, "Bad Request", "Malformed JSON body");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new Problem("about:blank", "Bad Request", 400, "Unknown field '" + u.getPropertyName() + "'",
                    Map.of(u.getPropertyName(), "is not a known field"));
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("body");
            String why = e instanceof InvalidFormatException ? "has an invalid value" : "has the wrong type or is missing";
            return new Problem("about:blank", "Bad Request", 400, "Field '" + field + "' " + why, Map.of(field, why));
        }
        if (e instanceof JsonMappingException) {
            return Problem.of(400, "Bad Request", "The JSON body does not have the expected shape");
        }
        return Problem.of(400, "Bad Request", "Malformed JSON body");
    }

    static Response response(Problem problem, Throwable failure) {
        Response.ResponseBuilder r = Response.status(problem.status()).type(Api.PROBLEM_JSON).entity(problem);
        if (failure instanceof TooManyRequestsException t) {
            r.header("Retry-After", t.retryAfterSeconds());
        }
        if (problem.status() == 401) {
            r.header("WWW-Authenticate", "Bearer realm=\"danubia\"");
        }
        return r.build();
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
