package eu.danubia.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import eu.danubia.api.NotFoundException;
import eu.danubia.api.TooManyRequestsException;
import eu.danubia.api.ValidationException;
import eu.danubia.store.StoreException;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void validationErrorsCarryEveryField() {
        Problem p = ProblemMapper.problemFor(new ValidationException(Map.of("name", "is required", "country", "bad")));
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.errors()).containsOnlyKeys("name", "country");
    }

    @Test
    void domainExceptionsKeepTheirStatusAndMessage() {
        Response r = mapper.toResponse(new NotFoundException("Organisation"));
        assertThat(r.getStatus()).isEqualTo(404);
        assertThat(r.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(((Problem) r.getEntity()).detail()).isEqualTo("Organisation not found");
    }

    @Test
    void rateLimitTellsWhenToRetry() {
        Response r = mapper.toResponse(new TooManyRequestsException("Too many failed logins", 900));
        assertThat(r.getStatus()).isEqualTo(429);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("900");
    }

    @Test
    void malformedAndUnknownJsonAreClientErrors() throws Exception {
        Exception malformed = catchJson("{\"name\": \"Broken", Holder.class);
        assertThat(ProblemMapper.problemFor(malformed).detail()).isEqualTo("Malformed JSON body");

        Exception unknown = catchJson("{\"name\":\"x\",\"bogus\":1}", Holder.class);
        assertThat(unknown).isInstanceOf(UnrecognizedPropertyException.class);
        Problem p = ProblemMapper.problemFor(unknown);
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.errors()).containsKey("bogus");

        Exception wrongType = catchJson("{\"name\":\"x\",\"count\":\"many\"}", Holder.class);
        assertThat(ProblemMapper.problemFor(wrongType).errors()).containsKey("count");
    }

    @Test
    void frameworkStatusesBecomeProblemsAndServerErrorsHideTheirCause() {
        assertThat(ProblemMapper.problemFor(new NotSupportedException()).status()).isEqualTo(415);
        assertThat(ProblemMapper.problemFor(new WebApplicationException(413)).detail()).isEqualTo("Request body too large");
        Problem hidden = ProblemMapper.problemFor(new StoreException("secret table name", new java.sql.SQLException("x")));
        assertThat(hidden.status()).isEqualTo(500);
        assertThat(hidden.detail()).doesNotContain("secret").contains("error id");
        Problem wrapped = ProblemMapper.problemFor(new RuntimeException(new WebApplicationException(413)));
        assertThat(wrapped.status()).isEqualTo(413);
    }

    public record Holder(String name, Integer count) {
    }

    private static Exception catchJson(String json, Class<?> type) {
        try {
            ObjectMapperResolver.MAPPER.readValue(json, type);
            throw new AssertionError("expected a failure for " + json);
        } catch (Exception e) {
            return e;
        }
    }
}
