package eu.danubia.b2b.internal.rest;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import eu.danubia.api.ValidationException;
import eu.danubia.b2b.internal.Agreement;
import eu.danubia.b2b.internal.AgreementInput;
import eu.danubia.b2b.internal.B2bService;
import eu.danubia.b2b.internal.ImportResult;
import eu.danubia.b2b.internal.Profile;
import eu.danubia.web.Api;
import eu.danubia.web.Params;
import eu.danubia.web.RequestCaller;

/** {@code /api/b2b/moderation}, {@code /api/b2b/agreements} and {@code /api/b2b/import}. */
@Component(service = B2bResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("b2b")
@Produces(MediaType.APPLICATION_JSON)
public class B2bResource {

    private final B2bService b2b;

    @Activate
    public B2bResource(@Reference B2bService b2b) {
        this.b2b = b2b;
    }

    @GET
    @Path("moderation")
    public List<Profile> moderation(@Context SecurityContext security) {
        return b2b.moderation(RequestCaller.required(security));
    }

    @POST
    @Path("agreements")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createAgreement(@Context SecurityContext security, @Context UriInfo uri, AgreementInput body) {
        Agreement created = b2b.createAgreement(RequestCaller.required(security), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("agreements")
    public List<Agreement> agreements(@Context SecurityContext security) {
        return b2b.agreements(RequestCaller.required(security));
    }

    @GET
    @Path("agreements/{id}")
    public Agreement agreement(@Context SecurityContext security, @PathParam("id") String id) {
        return b2b.agreement(RequestCaller.required(security), Params.pathId(id, "Agreement"));
    }

    /** A CSV file with the EEN field names in its first line; UTF-8 unless the Content-Type names another charset. */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public ImportResult importCsv(@Context SecurityContext security, @Context HttpHeaders headers, byte[] body) {
        return b2b.importCsv(RequestCaller.required(security), new String(body == null ? new byte[0] : body,
                charset(headers.getMediaType())));
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    public ImportResult importJson(@Context SecurityContext security, List<Map<String, Object>> body) {
        return b2b.importJson(RequestCaller.required(security), body);
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
