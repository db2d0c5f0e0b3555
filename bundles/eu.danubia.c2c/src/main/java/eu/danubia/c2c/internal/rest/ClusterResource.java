package eu.danubia.c2c.internal.rest;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import eu.danubia.api.Page;
import eu.danubia.api.ValidationException;
import eu.danubia.c2c.internal.C2cService;
import eu.danubia.c2c.internal.ClusterProfile;
import eu.danubia.c2c.internal.Complementary;
import eu.danubia.c2c.internal.EmergingIndustry;
import eu.danubia.c2c.internal.ProfileInput;
import eu.danubia.web.Api;
import eu.danubia.web.Params;
import eu.danubia.web.RequestCaller;

/** {@code /api/c2c/clusters} and {@code /api/c2c/emerging-industries}: HTTP mapping only; the rules are in {@link C2cService}. */
@Component(service = ClusterResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("c2c")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource {

    private static final String WHAT = "Cluster";

    private final C2cService c2c;

    @Activate
    public ClusterResource(@Reference C2cService c2c) {
        this.c2c = c2c;
    }

    @GET
    @Path("emerging-industries")
    public List<EmergingIndustry.Option> emergingIndustries() {
        return c2c.emergingIndustries();
    }

    @GET
    @Path("clusters")
    public Page<ClusterProfile> list(@Context SecurityContext security, @QueryParam("q") String q,
            @QueryParam("country") String country, @QueryParam("sector") String sector,
            @QueryParam("emerging") String emerging, @QueryParam("mine") String mine, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return c2c.profiles(RequestCaller.of(security), q, country, sector, emerging, bool("mine", mine),
                Params.page(page, size));
    }

    @GET
    @Path("clusters/{id}")
    public ClusterProfile get(@Context SecurityContext security, @PathParam("id") String id) {
        return c2c.profile(RequestCaller.of(security), Params.pathId(id, WHAT));
    }

    @PUT
    @Path("clusters/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClusterProfile put(@Context SecurityContext security, @PathParam("id") String id, ProfileInput body) {
        return c2c.saveProfile(RequestCaller.required(security), Params.pathId(id, WHAT), body);
    }

    @GET
    @Path("clusters/{id}/complementary")
    public List<Complementary> complementary(@Context SecurityContext security, @PathParam("id") String id,
            @QueryParam("limit") String limit) {
        return c2c.complementary(RequestCaller.of(security), Params.pathId(id, WHAT), Params.integer("limit", limit));
    }

    private static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationException(name, "must be true or false");
        };
    }
}
