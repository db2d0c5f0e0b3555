package eu.danubia.indicators.internal.rest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.ws.rs.GET;
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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import eu.danubia.api.ValidationException;
import eu.danubia.api.indicator.IndicatorProvider;
import eu.danubia.api.indicator.IndicatorValue;
import eu.danubia.indicators.internal.IndicatorService;
import eu.danubia.indicators.internal.Views;
import eu.danubia.web.Api;
import eu.danubia.web.Params;
import eu.danubia.web.RequestCaller;

/** {@code /api/indicators}: definitions, values, version and the dashboards' numbers. */
@Component(service = IndicatorResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("indicators")
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorResource {

    private final IndicatorService service;
    private final List<IndicatorProvider> providers = new CopyOnWriteArrayList<>();

    @Activate
    public IndicatorResource(@Reference IndicatorService service) {
        this.service = service;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addProvider(IndicatorProvider provider) {
        providers.add(provider);
    }

    public void removeProvider(IndicatorProvider provider) {
        providers.remove(provider);
    }

    @GET
    public Views.Definitions definitions() {
        return new Views.Definitions(providers.stream().flatMap(p -> p.definitions().stream()).toList());
    }

    @GET
    @Path("values")
    public List<IndicatorValue> values(@Context SecurityContext security, @QueryParam("indicator") String indicator,
            @QueryParam("subject") String subject) {
        IndicatorProvider owner = providers.stream()
                .filter(p -> p.definitions().stream().anyMatch(d -> d.id().equals(indicator))).findFirst()
                .orElseThrow(() -> new ValidationException("indicator", "is not a known indicator"));
        return owner.values(RequestCaller.of(security), indicator, subject);
    }

    @GET
    @Path("version")
    public Views.Version version() {
        return new Views.Version(service.version());
    }

    @GET
    @Path("clusters/{id}")
    public Views.ClusterDashboard cluster(@Context SecurityContext security, @PathParam("id") String id) {
        return service.cluster(RequestCaller.of(security), Params.pathId(id, "Cluster"));
    }

    @GET
    @Path("companies/{id}")
    public Views.CompanyBenchmark company(@Context SecurityContext security, @PathParam("id") String id) {
        return service.company(RequestCaller.of(security), Params.pathId(id, "Organisation"));
    }

    @GET
    @Path("regions")
    public Views.RegionMap regions(@Context SecurityContext security, @QueryParam("level") String level,
            @QueryParam("sector") String sector, @QueryParam("year") String year, @QueryParam("basis") String basis) {
        return service.regions(RequestCaller.of(security), Params.integer("level", level), sector, Params.integer("year", year), basis);
    }

    @GET
    @Path("regions/{code}")
    public Views.RegionDetail region(@Context SecurityContext security, @PathParam("code") String code,
            @QueryParam("sector") String sector) {
        return service.region(RequestCaller.of(security), code, sector);
    }
}
