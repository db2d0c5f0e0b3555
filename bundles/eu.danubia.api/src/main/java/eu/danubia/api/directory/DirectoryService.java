package eu.danubia.api.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.danubia.api.Cluster;
import eu.danubia.api.Organisation;
import eu.danubia.api.security.Caller;

/**
 * Read access to organisations and clusters for other modules. Every call is scoped by the
 * caller: records the caller may not read are reported as absent.
 */
public interface DirectoryService {

    Optional<Organisation> organisation(Caller caller, UUID id);

    Optional<Cluster> cluster(Caller caller, UUID id);

    /** The clusters an organisation belongs to that the caller may read. */
    List<Cluster> clustersOf(Caller caller, UUID organisationId);
}
