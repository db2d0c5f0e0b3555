package eu.danubia.directory.internal.rest;

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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import eu.danubia.api.Cluster;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.Page;
import eu.danubia.api.cooperation.ActivityItem;
import eu.danubia.api.cooperation.OrganisationActivity;
import eu.danubia.api.security.Caller;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.directory.DirectoryService.OrganisationFilter;
import eu.danubia.web.Api;
import eu.danubia.web.Params;
import eu.danubia.web.RequestCaller;

/** {@code /api/organisations}: HTTP mapping only; the rules are in {@link DirectoryService}. */
@Component(service = OrganisationResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    private static final Logger LOG = LoggerFactory.getLogger(OrganisationResource.class);
    private static final int ACTIVITY_LIMIT = 20;

    private final DirectoryService directory;
    private final List<OrganisationActivity> activities = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** One mode's section of an organisation's activity. */
    public record ModeActivity(String mode, String label, List<ActivityItem> items) {
    }

    @Activate
    public OrganisationResource(@Reference DirectoryService directory) {
        this.directory = directory;
    }

    @GET
    public Page<Organisation> list(@Context SecurityContext security, @QueryParam("q") String q,
            @QueryParam("country") String country, @QueryParam("type") String type, @QueryParam("nace") String nace,
            @QueryParam("nuts") String nuts, @QueryParam("associationId") String associationId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        OrganisationFilter filter = new OrganisationFilter(q, country, Params.enumValue("type", type, OrganisationType.class),
                nace, nuts, Params.queryId("associationId", associationId));
        return directory.organisations(RequestCaller.of(security), filter, Params.page(page, size));
    }

    @GET
    @Path("{id}")
    public Organisation get(@Context SecurityContext security, @PathParam("id") String id) {
        return directory.organisation(RequestCaller.of(security), Params.pathId(id, "Organisation"))
                .orElseThrow(() -> new NotFoundException("Organisation"));
    }

    /** The clusters the organisation belongs to, as far as the caller may see them. */
    @GET
    @Path("{id}/clusters")
    public List<Cluster> clusters(@Context SecurityContext security, @PathParam("id") String id) {
        UUID organisationId = Params.pathId(id, "Organisation");
        get(security, id);
        return directory.clustersOf(RequestCaller.of(security), organisationId);
    }

    /**
     * The organisation's activity in every installed cooperation mode, as far as the caller may see it: one
     * entry per registered {@link OrganisationActivity}, so a mode that is not installed contributes nothing,
     * and a mode that fails is left out rather than failing the page.
     */
    @GET
    @Path("{id}/activity")
    public List<ModeActivity> activity(@Context SecurityContext security, @PathParam("id") String id) {
        UUID organisationId = Params.pathId(id, "Organisation");
        get(security, id);
        Caller caller = RequestCaller.of(security);
        List<ModeActivity> out = new java.util.ArrayList<>();
        for (OrganisationActivity a : activities) {
            try {
                out.add(new ModeActivity(a.mode(), a.label(), a.activity(caller, organisationId, ACTIVITY_LIMIT)));
            } catch (RuntimeException e) {
                LOG.warn("the {} mode could not list the activity of organisation {}", a.mode(), organisationId, e);
            }
        }
        out.sort(java.util.Comparator.comparing(ModeActivity::mode));
        return out;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addActivity(OrganisationActivity activity) {
        activities.add(activity);
    }

    void removeActivity(OrganisationActivity activity) {
        activities.remove(activity);
    }

    @POST
    public Response create(@Context SecurityContext security, @Context UriInfo uri, Organisation body) {
        Organisation created = directory.createOrganisation(RequestCaller.required(security), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public Organisation update(@Context SecurityContext security, @PathParam("id") String id, Organisation body) {
        return directory.updateOrganisation(RequestCaller.required(security), Params.pathId(id, "Organisation"), body);
    }
}
