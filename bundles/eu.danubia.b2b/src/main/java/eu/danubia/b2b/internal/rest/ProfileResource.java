package eu.danubia.b2b.internal.rest;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import eu.danubia.api.Page;
import eu.danubia.b2b.internal.B2bService;
import eu.danubia.b2b.internal.Interest;
import eu.danubia.b2b.internal.InterestInput;
import eu.danubia.b2b.internal.Profile;
import eu.danubia.b2b.internal.ProfileInput;
import eu.danubia.b2b.internal.ReturnInput;
import eu.danubia.b2b.internal.SimilarProfile;
import eu.danubia.web.Api;
import eu.danubia.web.Params;
import eu.danubia.web.RequestCaller;

/** {@code /api/b2b/profiles}: HTTP mapping only; the rules are in {@link B2bService}. */
@Component(service = ProfileResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("b2b/profiles")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    static final String CSV = "text/csv; charset=utf-8";

    private final B2bService b2b;

    @Activate
    public ProfileResource(@Reference B2bService b2b) {
        this.b2b = b2b;
    }

    @GET
    public Page<Profile> list(@Context SecurityContext security, @QueryParam("q") String q, @QueryParam("type") String type,
            @QueryParam("country") String country, @QueryParam("nace") String nace, @QueryParam("keyword") String keyword,
            @QueryParam("from") String from, @QueryParam("sort") String sort, @QueryParam("mine") String mine,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return b2b.list(RequestCaller.of(security), Filters.of(q, type, country, nace, keyword, from, sort, mine),
                Params.page(page, size));
    }

    @GET
    @Path("mine")
    public List<Profile> mine(@Context SecurityContext security) {
        return b2b.mine(RequestCaller.required(security));
    }

    /** Any Accept header is served: a browser download or a script asking for JSON both get the CSV. */
    @GET
    @Path("export.csv")
    @Produces({CSV, MediaType.WILDCARD})
    public Response export(@Context SecurityContext security, @QueryParam("q") String q, @QueryParam("type") String type,
            @QueryParam("country") String country, @QueryParam("nace") String nace, @QueryParam("keyword") String keyword,
            @QueryParam("from") String from, @QueryParam("sort") String sort, @QueryParam("mine") String mine) {
        String csv = b2b.export(RequestCaller.of(security), Filters.of(q, type, country, nace, keyword, from, sort, mine));
        return Response.ok(csv, CSV).header("Content-Disposition", "attachment; filename=\"b2b-profiles.csv\"")
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{id}")
    public Profile get(@Context SecurityContext security, @PathParam("id") String id) {
        return b2b.get(RequestCaller.of(security), profileId(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, @Context UriInfo uri, ProfileInput body) {
        Profile created = b2b.create(RequestCaller.required(security), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Profile update(@Context SecurityContext security, @PathParam("id") String id, ProfileInput body) {
        return b2b.update(RequestCaller.required(security), profileId(id), body);
    }

    @POST
    @Path("{id}/submit")
    public Profile submit(@Context SecurityContext security, @PathParam("id") String id) {
        return b2b.submit(RequestCaller.required(security), profileId(id));
    }

    @POST
    @Path("{id}/approve")
    public Profile approve(@Context SecurityContext security, @PathParam("id") String id) {
        return b2b.approve(RequestCaller.required(security), profileId(id));
    }

    @POST
    @Path("{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    public Profile returnToDraft(@Context SecurityContext security, @PathParam("id") String id, ReturnInput body) {
        return b2b.returnToDraft(RequestCaller.required(security), profileId(id), body);
    }

    @POST
    @Path("{id}/close")
    public Profile close(@Context SecurityContext security, @PathParam("id") String id) {
        return b2b.close(RequestCaller.required(security), profileId(id));
    }

    @POST
    @Path("{id}/renew")
    public Profile renew(@Context SecurityContext security, @PathParam("id") String id) {
        return b2b.renew(RequestCaller.required(security), profileId(id));
    }

    @GET
    @Path("{id}/similar")
    public List<SimilarProfile> similar(@Context SecurityContext security, @PathParam("id") String id,
            @QueryParam("limit") String limit) {
        return b2b.similar(RequestCaller.of(security), profileId(id), Params.integer("limit", limit));
    }

    @POST
    @Path("{id}/interests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response express(@Context SecurityContext security, @Context UriInfo uri, @PathParam("id") String id,
            InterestInput body) {
        Interest created = b2b.express(RequestCaller.required(security), profileId(id), body);
        return Response.created(uri.getBaseUriBuilder().path("b2b/interests").path(created.id().toString()).build())
                .entity(created).build();
    }

    private static UUID profileId(String id) {
        return Params.pathId(id, "Profile");
    }
}
