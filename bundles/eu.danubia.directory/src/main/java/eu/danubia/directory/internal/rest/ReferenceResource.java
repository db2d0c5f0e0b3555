package eu.danubia.directory.internal.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import eu.danubia.directory.internal.ReferenceData;
import eu.danubia.directory.internal.ReferenceData.NaceCode;
import eu.danubia.directory.internal.ReferenceData.NutsRegion;
import eu.danubia.web.Api;
import eu.danubia.web.Params;

/** {@code /api/reference}: the classifications for the forms, public like the classifications themselves. */
@Component(service = ReferenceResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("reference")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceResource {

    private final ReferenceData reference;

    @Activate
    public ReferenceResource(@Reference ReferenceData reference) {
        this.reference = reference;
    }

    @GET
    @Path("nace")
    public List<NaceCode> nace(@QueryParam("q") String q, @QueryParam("limit") String limit) {
        return reference.nace(q, Params.integer("limit", limit));
    }

    @GET
    @Path("nuts")
    public List<NutsRegion> nuts(@QueryParam("country") String country, @QueryParam("level") String level) {
        return reference.nuts(country, Params.integer("level", level));
    }
}
