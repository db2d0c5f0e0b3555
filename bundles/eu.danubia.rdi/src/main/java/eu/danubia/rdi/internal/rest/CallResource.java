package eu.danubia.rdi.internal.rest;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import eu.danubia.api.Page;
import eu.danubia.api.ValidationException;
import eu.danubia.rdi.internal.Call;
import eu.danubia.rdi.internal.ImportResult;
import eu.danubia.rdi.internal.ProgrammeCount;
import eu.danubia.rdi.internal.RdiService;
import eu.danubia.web.Api;
import eu.danubia.web.Params;
import eu.danubia.web.RequestCaller;

/** {@code /api/rdi/calls}: public search of the funding calls; imports by platform admins. */
@Component(service = CallResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("rdi/calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {

    private final RdiService rdi;

    @Activate
    public CallResource(@Reference RdiService rdi) {
        this.rdi = rdi;
    }

    @GET
    public Page<Call> list(@QueryParam("q") String q, @QueryParam("programme") String programme,
            @QueryParam("thematic") String thematic, @QueryParam("page") String page, @QueryParam("size") String size) {
        return rdi.calls(q, programme, bool("thematic", thematic), Params.page(page, size));
    }

    @GET
    @Path("programmes")
    public List<ProgrammeCount> programmes() {
        return rdi.programmes();
    }

    @GET
    @Path("{code}")
    public Call get(@PathParam("code") String code) {
        return rdi.call(code);
    }

    /** CSV, or tab-separated like CORDIS's topics.tsv; UTF-8 unless the Content-Type names another charset. */
    @POST
    @Path("import")
    @Consumes({"text/csv", "text/tab-separated-values", MediaType.TEXT_PLAIN})
    public ImportResult importText(@Context SecurityContext security, @Context HttpHeaders headers, byte[] body) {
        return rdi.importCalls(RequestCaller.required(security),
                new String(body == null ? new byte[0] : body, charset(headers.getMediaType())));
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    public ImportResult importJson(@Context SecurityContext security, List<Map<String, Object>> body) {
        return rdi.importCalls(RequestCaller.required(security), body);
    }

    private static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ValidationException(name, "must be true or false");
        };
    }

    private static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ValidationException("charset", "is not a known character set: " + name);
        }
    }
}
