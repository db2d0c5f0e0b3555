package eu.danubia.b2b.internal;

import java.io.IOException;
import java.io.InputStream;
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
import eu.danubia.api.Validator;
import eu.danubia.api.cooperation.ProfileStatus;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.security.AccountService;
import eu.danubia.api.security.Caller;
import eu.danubia.store.DemoSeeding.Result;
import eu.danubia.store.DemoSeeding;

/**
 * B2B profiles for the demo organisations, so that the B2B pages of the embedded default are not
 * empty. Runs only once the demo bundle announces that its associations and organisations are
 * loaded (its marker service), and goes through {@link B2bService} like any admin would, so the demo
 * profiles pass the same validation and lifecycle as real ones. A profile whose title its
 * organisation already has is left alone: restarts and repeated markers create nothing, and a demo
 * profile someone edited is not overwritten.
 */
@Component(service = {}, immediate = true)
public class DemoProfiles {

    static final String RESOURCE = "demo/b2b-demo-profiles.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One demo profile: the owner by association slug and organisation name, and the status to reach. */
    record DemoProfile(String association, String organisation, ProfileStatus status, ProfileInput profile) {

        String title() {
            return profile == null ? null : Validator.text(profile.title());
        }
    }

    record DemoFile(List<DemoProfile> profiles) {
    }

    private final B2bService b2b;
    private final DemoSeeding.Names names;
    private final DemoSeeding seeding = new DemoSeeding(DemoProfiles.class, "B2B demo profiles", "danubia-b2b-demo");

    @Activate
    public DemoProfiles(@Reference B2bService b2b, @Reference DirectoryService directory,
            @Reference AccountService accounts) {
        this(b2b, directory, slug -> accounts.associationBySlug(slug).map(Association::id));
    }

    DemoProfiles(B2bService b2b, DirectoryService directory, Function<String, Optional<UUID>> associationBySlug) {
        this.b2b = b2b;
        this.names = new DemoSeeding.Names(directory, associationBySlug);
    }

    /** Called on the SCR thread, which must not wait for the database: the work goes to our own thread. */
    @Reference(name = "demoLoaded", service = Object.class, target = DemoSeeding.MARKER,
            cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "demoGone")
    void demoLoaded(Object marker) {
        seeding.start(() -> seeding.summary("B2B demo profiles", seed(read(DemoProfiles.class.getClassLoader()))));
    }

    void demoGone(Object marker) {
        // the profiles stay: they are data like any other
    }

    /** The referenced services go away after this returns: the seeding must not outlive them. */
    @Deactivate
    void deactivate() {
        seeding.stop();
    }

    static List<DemoProfile> read(ClassLoader loader) {
        return DemoSeeding.read(loader, RESOURCE, DemoProfiles::read);
    }

    /** Unknown fields are refused, so a typo in the file shows in the tests rather than as a missing value. */
    static List<DemoProfile> read(InputStream in) throws IOException {
        DemoFile file = JSON.readValue(in, DemoFile.class);
        return file.profiles() == null ? List.of() : List.copyOf(file.profiles());
    }

    /** Creates the profiles that are not there yet; each failure is logged and counted, never thrown. */
    Result seed(List<DemoProfile> profiles) {
        return seeding.seedEach(profiles, d -> "B2B demo profile '" + d.title() + "'", this::seed);
    }

    /** True when created; false when its organisation already has a profile of that title. */
    private boolean seed(DemoProfile d) {
        if (d.profile() == null || d.title() == null) {
            throw new IllegalArgumentException("the entry has no profile or no title");
        }
        ProfileStatus target = d.status() == null ? ProfileStatus.PUBLISHED : d.status();
        if (target != ProfileStatus.DRAFT && target != ProfileStatus.SUBMITTED && target != ProfileStatus.PUBLISHED) {
            throw new IllegalArgumentException("status must be DRAFT, SUBMITTED or PUBLISHED, not " + target);
        }
        Organisation owner = names.organisation(d.association(), d.organisation());
        // the association admin acting for the owner: the platform itself, so nobody is notified
        Caller caller = DemoSeeding.admin(owner.associationId(), owner.id());
        boolean present = b2b.mine(caller).stream()
                .anyMatch(p -> p.owner() != null && owner.id().equals(p.owner().organisationId())
                        && d.title().equals(p.title()));
        if (present) {
            return false;
        }
        Profile p = b2b.create(caller, withOwner(d.profile(), owner.id()));
        if (target != ProfileStatus.DRAFT) {
            b2b.submit(caller, p.id());
        }
        if (target == ProfileStatus.PUBLISHED) {
            b2b.approve(caller, p.id());
        }
        return true;
    }

    private static ProfileInput withOwner(ProfileInput in, UUID organisationId) {
        return new ProfileInput(organisationId.toString(), in.type(), in.title(), in.summary(), in.description(),
                in.innovation(), in.stage(), in.ipr(), in.technologyKeywords(), in.marketKeywords(), in.naceCodes(),
                in.partnerSought(), in.partnershipTypes(), in.targetCountries(), in.expiresOn(), in.language(),
                in.contactName(), in.contactEmail(), in.contactPhone());
    }
}
