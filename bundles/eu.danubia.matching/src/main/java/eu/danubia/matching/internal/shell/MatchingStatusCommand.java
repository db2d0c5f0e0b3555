package eu.danubia.matching.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import eu.danubia.matching.internal.MatchingAdmin;

/** {@code danubia:matching-status}: what the engine has loaded and indexed, the same as {@code GET /api/matching/status}. */
@Command(scope = "danubia", name = "matching-status",
        description = "Shows the matching engine's loaded models, indexed profiles, profile sources and index directory")
@Service
public class MatchingStatusCommand implements Action {

    @Reference
    private MatchingAdmin admin;

    @Override
    public Object execute() {
        System.out.print(render(admin.status()));
        return null;
    }

    static String render(MatchingAdmin.Status s) {
        return "Models loaded:    " + (s.models().isEmpty() ? "none yet (they load on first use)" : String.join(", ", s.models()))
                + "\nIndexed profiles: " + s.indexedProfiles()
                + "\nProfile sources:  " + (s.sources().isEmpty() ? "none installed" : String.join(", ", s.sources()))
                + "\nExact scan up to: " + s.exactScanMax() + " candidates (HNSW beyond)"
                + "\nIndex directory:  " + s.indexDirectory() + "\n";
    }
}
