package eu.danubia.api.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.danubia.api.Cluster;
import eu.danubia.api.Organisation;
import eu.danubia.api.Page;
import eu.danubia.api.PageRequest;
import eu.danubia.api.security.Caller;

/**
 * Organisations and clusters. Every call is scoped by the caller: records the caller may not read
 * are reported as absent ({@link eu.danubia.api.NotFoundException}), writes need an admin of the
 * owning association (or a member for its own organisation).
 */
public interface DirectoryService {

    Page<Organisation> organisations(Caller caller, OrganisationFilter filter, PageRequest page);

    Optional<Organisation> organisation(Caller caller, UUID id);

    /** Creates an organisation; id and timestamps of the argument are ignored. */
    Organisation createOrganisation(Caller caller, Organisation organisation);

    Organisation updateOrganisation(Caller caller, UUID id, Organisation organisation);

    Page<Cluster> clusters(Caller caller, ClusterFilter filter, PageRequest page);

    Optional<Cluster> cluster(Caller caller, UUID id);

    Cluster createCluster(Caller caller, Cluster cluster);

    Cluster updateCluster(Caller caller, UUID id, Cluster cluster);

    List<eu.danubia.api.Membership> members(Caller caller, UUID clusterId);

    void addMember(Caller caller, UUID clusterId, UUID organisationId, java.time.LocalDate since);

    void removeMember(Caller caller, UUID clusterId, UUID organisationId);

    /** The clusters an organisation belongs to that the caller may read. */
    List<Cluster> clustersOf(Caller caller, UUID organisationId);

    /** Filters for listing organisations; {@code null} fields do not filter. */
    record OrganisationFilter(String text, String country, eu.danubia.api.OrganisationType type, String nace,
            String nuts, UUID associationId) {
    }

    /** Filters for listing clusters; {@code null} fields do not filter. */
    record ClusterFilter(String text, String country, String nace, UUID associationId) {
    }
}
