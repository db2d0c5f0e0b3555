package eu.danubia.web.internal;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import eu.danubia.api.security.Caller;
import eu.danubia.api.ui.UiContribution;
import eu.danubia.web.Api;
import eu.danubia.web.RequestCaller;

/**
 * The web shell's menu: exactly the UI contributions of the modules installed now, as far as the
 * caller's roles allow. A module's entry comes and goes with its bundle.
 */
@Component(service = UiContributionsResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("ui/contributions")
@Produces(MediaType.APPLICATION_JSON)
public class UiContributionsResource {

    private final List<UiContribution> contributions = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContribution(UiContribution c) {
        contributions.add(c);
    }

    void removeContribution(UiContribution c) {
        contributions.remove(c);
    }

    public record Entry(String id, String label, String script, int order) {
    }

    @GET
    public List<Entry> list(@Context SecurityContext security) {
        return visibleTo(RequestCaller.of(security));
    }

    List<Entry> visibleTo(Caller caller) {
        return contributions.stream()
                .filter(c -> c.roles().isEmpty() || c.roles().stream().anyMatch(caller::has))
                .sorted(Comparator.comparingInt(UiContribution::order).thenComparing(UiContribution::id))
                .map(c -> new Entry(c.id(), c.label(), c.script(), c.order()))
                .toList();
    }
}
