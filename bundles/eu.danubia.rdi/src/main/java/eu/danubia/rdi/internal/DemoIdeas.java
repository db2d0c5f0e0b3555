package eu.danubia.rdi.internal;

import java.util.List;
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
import eu.danubia.api.Organisation;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.security.AccountService;
import eu.danubia.api.security.Caller;
import eu.danubia.store.DemoSeeding;
import eu.danubia.store.DemoSeeding.Result;

/**
 * Project ideas of the demo organisations, loaded like B2B's demo profiles: once the demo bundle's
 * marker service says its data set is loaded, through {@link RdiService} as the owner association's
 * admin on behalf of the platform (so nobody is notified). An idea whose title its organisation
 * already has is skipped, so restarts create nothing.
 */
@Component(service = {}, immediate = true)
public class DemoIdeas {

    static final String RESOURCE = "demo/rdi-demo-ideas.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    record DemoApplication(String association, String organisation, String role, boolean accepted, String message) {
    }

    record DemoIdea(String association, String organisation, IdeaStatus status, IdeaInput idea,
            List<DemoApplication> applications) {
    }

    record DemoFile(List<DemoIdea> ideas) {
    }

    private final RdiService rdi;
    private final DemoSeeding.Names names;
    private final DemoSeeding seeding = new DemoSeeding(DemoIdeas.class, "RDI demo ideas", "danubia-rdi-demo");

    @Activate
    public DemoIdeas(@Reference RdiService rdi, @Reference DirectoryService directory, @Reference AccountService accounts) {
        this(rdi, directory, slug -> accounts.associationBySlug(slug).map(Association::id));
    }

    DemoIdeas(RdiService rdi, DirectoryService directory, Function<String, Optional<UUID>> associationBySlug) {
        this.rdi = rdi;
        this.names = new DemoSeeding.Names(directory, associationBySlug);
    }

    /** Called on the SCR thread, which must not wait for the database: the work goes to our own thread. */
    @Reference(name = "demoLoaded", service = Object.class, target = DemoSeeding.MARKER,
            cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "demoGone")
    void demoLoaded(Object marker) {
        seeding.start(() -> seeding.summary("RDI demo ideas", seed(read(DemoIdeas.class.getClassLoader()))));
    }

    void demoGone(Object marker) {
        // the ideas stay: they are data like any other
    }

    @Deactivate
    void deactivate() {
        seeding.stop();
    }

    static List<DemoIdea> read(ClassLoader loader) {
        DemoFile file = DemoSeeding.read(loader, RESOURCE, in -> JSON.readValue(in, DemoFile.class));
        return file.ideas() == null ? List.of() : List.copyOf(file.ideas());
    }

    Result seed(List<DemoIdea> ideas) {
        return seeding.seedEach(ideas, d -> "RDI demo idea '" + (d.idea() == null ? null : d.idea().title()) + "'",
                this::seed);
    }

    private boolean seed(DemoIdea d) {
        Organisation owner = names.organisation(d.association(), d.organisation());
        if (rdi.hasIdea(owner.id(), d.idea().title())) {
            return false;
        }
        Caller ownerAdmin = adminOf(owner);
        IdeaInput in = d.idea();
        Idea idea = rdi.createIdea(ownerAdmin, new IdeaInput(owner.id().toString(), in.title(), in.summary(), in.callCode(),
                in.visibility(), in.ownerRole(), in.roles()));
        if (d.status() == IdeaStatus.OPEN) {
            rdi.publish(ownerAdmin, idea.id());
            for (DemoApplication a : d.applications() == null ? List.<DemoApplication>of() : d.applications()) {
                Organisation applicant = names.organisation(a.association(), a.organisation());
                UUID role = idea.roles().stream().filter(r -> !r.filled() && r.role().name().equals(a.role())).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no open role " + a.role())).id();
                Application sent = rdi.apply(adminOf(applicant), idea.id(),
                        new ApplicationInput(role.toString(), a.message(), applicant.id().toString()));
                if (a.accepted()) {
                    rdi.accept(ownerAdmin, sent.id());
                }
            }
        }
        return true;
    }

    /** The association's admin acting for the organisation: the platform itself, so nobody is notified. */
    private static Caller adminOf(Organisation o) {
        return DemoSeeding.admin(o.associationId(), o.id());
    }
}
