package eu.danubia.c2c.internal;

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
import eu.danubia.api.Cluster;
import eu.danubia.api.Validator;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.security.AccountService;
import eu.danubia.api.security.Caller;
import eu.danubia.store.DemoSeeding.Result;
import eu.danubia.store.DemoSeeding;

/**
 * C2C profiles and proposals for the demo clusters, so that the C2C pages of the embedded default
 * are not empty. Runs only once the demo bundle announces that its data set is loaded (its marker
 * service, as for the B2B demo profiles), and goes through {@link C2cService} as each association's
 * admin on behalf of the platform (the {@link Caller#SYSTEM} user id, so nobody is notified). A
 * cluster that has a profile keeps it, and a proposal whose title already exists between its two
 * clusters is not made again: restarts create nothing.
 */
@Component(service = {}, immediate = true)
public class DemoPartnerships {

    static final String RESOURCE = "demo/c2c-demo.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    record ClusterRef(String association, String cluster) {
    }

    record DemoProfile(String association, String cluster, ProfileInput profile) {
    }

    /** {@code status}: PROPOSED, ACCEPTED, ACTIVE or DECLINED. */
    record DemoProposal(ClusterRef from, ClusterRef to, ProposalStatus status, ProposalInput proposal) {
    }

    record DemoFile(List<DemoProfile> profiles, List<DemoProposal> proposals) {
    }

    private final C2cService c2c;
    private final DemoSeeding.Names names;
    private final DemoSeeding seeding = new DemoSeeding(DemoPartnerships.class, "C2C demo data", "danubia-c2c-demo");

    @Activate
    public DemoPartnerships(@Reference C2cService c2c, @Reference DirectoryService directory,
            @Reference AccountService accounts) {
        this(c2c, directory, slug -> accounts.associationBySlug(slug).map(Association::id));
    }

    DemoPartnerships(C2cService c2c, DirectoryService directory, Function<String, Optional<UUID>> associationBySlug) {
        this.c2c = c2c;
        this.names = new DemoSeeding.Names(directory, associationBySlug);
    }

    /** Called on the SCR thread, which must not wait for the database: the work goes to our own thread. */
    @Reference(name = "demoLoaded", service = Object.class, target = DemoSeeding.MARKER,
            cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "demoGone")
    void demoLoaded(Object marker) {
        seeding.start(() -> {
            DemoFile file = read(DemoPartnerships.class.getClassLoader());
            seeding.summary("C2C demo profiles", seedProfiles(file.profiles()));
            seeding.summary("C2C demo proposals", seedProposals(file.proposals()));
        });
    }

    void demoGone(Object marker) {
        // the profiles and proposals stay: they are data like any other
    }

    @Deactivate
    void deactivate() {
        seeding.stop();
    }

    static DemoFile read(ClassLoader loader) {
        DemoFile f = DemoSeeding.read(loader, RESOURCE, in -> JSON.readValue(in, DemoFile.class));
        return new DemoFile(f.profiles() == null ? List.of() : f.profiles(),
                f.proposals() == null ? List.of() : f.proposals());
    }

    /** A cluster that has a profile keeps it. */
    Result seedProfiles(List<DemoProfile> profiles) {
        return seeding.seedEach(profiles, d -> "C2C demo profile of '" + d.cluster() + "'", d -> {
            Cluster k = names.cluster(d.association(), d.cluster());
            Caller admin = DemoSeeding.admin(k.associationId(), null);
            if (c2c.profile(admin, k.id()).profiled()) {
                return false;
            }
            c2c.saveProfile(admin, k.id(), d.profile());
            return true;
        });
    }

    /** A proposal whose title already exists between its two clusters is not made again. */
    Result seedProposals(List<DemoProposal> proposals) {
        return seeding.seedEach(proposals,
                d -> "C2C demo proposal '" + (d.proposal() == null ? null : d.proposal().title()) + "'", this::seed);
    }

    private boolean seed(DemoProposal d) {
        Cluster from = names.cluster(d.from().association(), d.from().cluster());
        Cluster to = names.cluster(d.to().association(), d.to().cluster());
        Caller proposer = DemoSeeding.admin(from.associationId(), null);
        Caller target = DemoSeeding.admin(to.associationId(), null);
        String title = Validator.text(d.proposal().title());
        boolean present = c2c.proposals(proposer, Proposal.Box.OUT).stream()
                .anyMatch(p -> p.to().clusterId().equals(to.id()) && p.title().equals(title));
        if (present) {
            return false;
        }
        ProposalInput in = d.proposal();
        Proposal p = c2c.propose(proposer, new ProposalInput(from.id().toString(), to.id().toString(), in.type(),
                in.title(), in.message(), in.startOn(), in.endOn()));
        ProposalStatus status = d.status() == null ? ProposalStatus.PROPOSED : d.status();
        switch (status) {
            case PROPOSED -> { }
            case ACCEPTED -> c2c.accept(target, p.id());
            case ACTIVE -> {
                c2c.accept(target, p.id());
                c2c.start(proposer, p.id());
            }
            case DECLINED -> c2c.decline(target, p.id());
            default -> throw new IllegalArgumentException("status must be PROPOSED, ACCEPTED, ACTIVE or DECLINED");
        }
        return true;
    }
}
