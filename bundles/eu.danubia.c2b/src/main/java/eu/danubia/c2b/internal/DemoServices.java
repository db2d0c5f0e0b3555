package eu.danubia.c2b.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.danubia.api.Association;
import eu.danubia.api.Cluster;
import eu.danubia.api.Organisation;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.security.AccountService;
import eu.danubia.api.security.Caller;
import eu.danubia.store.DemoSeeding;
import eu.danubia.store.DemoSeeding.Result;

/**
 * Services of the demo clusters and two open requests, so the C2B pages of the embedded default are
 * not empty. Runs only once the demo bundle announces its data set (its marker service), and goes
 * through {@link C2bService} as the owning association's admin on behalf of the platform, so the
 * usual validation applies and nobody is notified. A service whose cluster already has one of that
 * title, and a request whose organisation already asked the same, are left alone: restarts create
 * nothing.
 */
@Component(service = {}, immediate = true)
public class DemoServices {

    static final String RESOURCE = "demo/c2b-demo-services.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    record DemoService(String association, String cluster, String category, String title, String description,
            String priceModel, String priceAmount, String currency, String eligibility, List<String> countries,
            List<String> languages) {
    }

    record DemoRequest(String association, String organisation, String kind, String targetAssociation, String cluster,
            String service, String message) {
    }

    record DemoFile(List<DemoService> services, List<DemoRequest> requests) {
    }

    private final C2bService c2b;
    private final DemoSeeding.Names names;
    private final DemoSeeding seeding = new DemoSeeding(DemoServices.class, "C2B demo data", "danubia-c2b-demo");

    @Activate
    public DemoServices(@Reference C2bService c2b, @Reference DirectoryService directory,
            @Reference AccountService accounts) {
        this(c2b, directory, slug -> accounts.associationBySlug(slug).map(Association::id));
    }

    DemoServices(C2bService c2b, DirectoryService directory, Function<String, Optional<UUID>> associationBySlug) {
        this.c2b = c2b;
        this.names = new DemoSeeding.Names(directory, associationBySlug);
    }

    /** Called on the SCR thread, which must not wait for the database: the work goes to our own thread. */
    @Reference(name = "demoLoaded", service = Object.class, target = DemoSeeding.MARKER,
            cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "demoGone")
    void demoLoaded(Object marker) {
        seeding.start(() -> seeding.summary("C2B demo data", seed(read(DemoServices.class.getClassLoader()))));
    }

    void demoGone(Object marker) {
        // the services stay: they are data like any other
    }

    @Deactivate
    void deactivate() {
        seeding.stop();
    }

    static DemoFile read(ClassLoader loader) {
        return DemoSeeding.read(loader, RESOURCE, in -> JSON.readValue(in, DemoFile.class));
    }

    /** Services first (requests name them); each failure is logged and counted, never thrown. */
    Result seed(DemoFile file) {
        Result services = seeding.seedEach(file.services(), d -> "C2B demo service '" + d.title() + "'", this::seed);
        if (seeding.isStopping()) {
            return services;
        }
        return services.plus(seeding.seedEach(file.requests(), d -> "C2B demo request of '" + d.organisation() + "'",
                this::seed));
    }

    private boolean seed(DemoService d) {
        Cluster cluster = names.cluster(d.association(), d.cluster());
        Caller admin = DemoSeeding.admin(cluster.associationId(), null);
        boolean present = c2b.services(admin, new ServiceFilter(null, null, null, cluster.id()), true).stream()
                .anyMatch(s -> s.title().equals(d.title()));
        if (present) {
            return false;
        }
        c2b.createService(admin, new ServiceInput(cluster.id().toString(), d.category(), d.title(), d.description(),
                d.priceModel(), d.priceAmount(), d.currency(), d.eligibility(), d.countries(), d.languages(), "PUBLISHED"));
        return true;
    }

    private boolean seed(DemoRequest d) {
        Organisation org = names.organisation(d.association(), d.organisation());
        Cluster cluster = names.cluster(d.targetAssociation(), d.cluster());
        Caller admin = DemoSeeding.admin(org.associationId(), org.id());
        UUID serviceId = null;
        if (d.service() != null) {
            serviceId = c2b.services(admin, new ServiceFilter(null, null, null, cluster.id()), false).stream()
                    .filter(s -> s.title().equals(d.service())).map(ClusterService::id).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no published service '" + d.service() + "'"));
        }
        UUID service = serviceId;
        boolean present = c2b.requests(admin, ServiceRequest.Box.OUT).stream()
                .anyMatch(r -> r.organisationId().equals(org.id()) && r.clusterId().equals(cluster.id())
                        && Objects.equals(r.serviceId(), service));
        if (present) {
            return false;
        }
        c2b.submit(admin, new RequestInput(d.kind(), service == null ? null : service.toString(), cluster.id().toString(),
                d.message(), org.id().toString()));
        return true;
    }
}
