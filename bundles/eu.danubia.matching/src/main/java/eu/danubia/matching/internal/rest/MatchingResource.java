package eu.danubia.matching.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import eu.danubia.api.ForbiddenException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.Validator;
import eu.danubia.api.cooperation.Direction;
import eu.danubia.api.matching.CallMatch;
import eu.danubia.api.matching.Classification;
import eu.danubia.api.matching.Match;
import eu.danubia.api.matching.MatchingService;
import eu.danubia.api.security.Caller;
import eu.danubia.matching.internal.MatchingAdmin;
import eu.danubia.web.Api;
import eu.danubia.web.Params;
import eu.danubia.web.RequestCaller;

/**
 * {@code /api/matching}: HTTP mapping only. The engine decides what a caller may see (search returns
 * published profiles only); this class checks the input and who may call what.
 */
@Component(service = MatchingResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("matching")
@Produces(MediaType.APPLICATION_JSON)
public class MatchingResource {

    static final int TEXT_MAX = 10_000;
    static final int LIMIT_DEFAULT = 10;
    static final int LIMIT_MAX = 50;

    private final MatchingService matching;
    private final MatchingAdmin admin;

    @Activate
    public MatchingResource(@Reference MatchingService matching, @Reference MatchingAdmin admin) {
        this.matching = matching;
        this.admin = admin;
    }

    /** Open to anonymous callers: the engine searches published profiles only. */
    @POST
    @Path("search")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<Match> search(@Context SecurityContext security, SearchInput body) {
        Caller caller = RequestCaller.of(security);
        SearchInput in = ValidationException.requireBody(body);
        Validator v = new Validator();
        String text = text(v, in.text());
        int limit = limit(v, in.limit());
        Map<String, String> filters = new LinkedHashMap<>();
        putIf(filters, "mode", lower(in.mode()));
        putIf(filters, "type", upper(in.type()));
        try {
            Direction direction = Params.enumValue("direction", in.direction(), Direction.class);
            putIf(filters, "direction", direction == null ? null : direction.name());
        } catch (ValidationException e) {
            e.errors().forEach((field, problem) -> v.that(false, field, problem));
        }
        String country = upper(in.country());
        v.country("country", country);
        putIf(filters, "country", country);
        v.check();
        return matching.search(caller, text, filters, limit);
    }

    @POST
    @Path("classify")
    @Consumes(MediaType.APPLICATION_JSON)
    public Classification classify(@Context SecurityContext security, TextInput body) {
        RequestCaller.required(security);
        TextInput in = ValidationException.requireBody(body);
        Validator v = new Validator();
        String text = text(v, in.text());
        int limit = limit(v, in.limit());
        v.check();
        return matching.classify(text, limit);
    }

    @POST
    @Path("calls")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<CallMatch> calls(@Context SecurityContext security, TextInput body) {
        RequestCaller.required(security);
        TextInput in = ValidationException.requireBody(body);
        Validator v = new Validator();
        String text = text(v, in.text());
        int limit = limit(v, in.limit());
        v.check();
        return matching.recommendCalls(text, limit);
    }

    /** Index size, models and sources reveal nothing personal, but they are operations data: platform admins only. */
    @GET
    @Path("status")
    public MatchingAdmin.Status status(@Context SecurityContext security) {
        Caller caller = RequestCaller.required(security);
        if (!caller.isPlatformAdmin()) {
            throw new ForbiddenException("Only platform admins see the matching engine's status");
        }
        return admin.status();
    }

    private static String text(Validator v, String text) {
        v.required("text", text).maxLength("text", text, TEXT_MAX);
        return text == null ? null : text.strip();
    }

    private static int limit(Validator v, Integer limit) {
        int n = limit == null ? LIMIT_DEFAULT : limit;
        v.that(n >= 1 && n <= LIMIT_MAX, "limit", "must be between 1 and " + LIMIT_MAX);
        return n;
    }

    private static void putIf(Map<String, String> filters, String field, String value) {
        if (value != null) {
            filters.put(field, value);
        }
    }

    private static String lower(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
