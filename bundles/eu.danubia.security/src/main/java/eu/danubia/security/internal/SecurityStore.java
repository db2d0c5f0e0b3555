package eu.danubia.security.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.store.Database;
import eu.danubia.store.SqlWork;

/**
 * The security module's tables. Its activation migrates them, so every other component of the
 * bundle references this one and can rely on the schema.
 */
@Component(service = SecurityStore.class)
public class SecurityStore {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityStore.class);

    private final Database database;

    @Activate
    public SecurityStore(@Reference Database database) {
        this.database = database;
        int applied = database.migrate("security", getClass().getClassLoader());
        if (applied > 0) {
            LOG.info("security schema: {} migrations applied", applied);
        }
    }

    public <T> T transaction(SqlWork<T> work) {
        return database.transaction(work);
    }

    public <T> T read(SqlWork<T> work) {
        return database.read(work);
    }
}
