package eu.danubia.indicators.internal;

import java.time.Instant;
import java.util.UUID;

import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;

/** Shared test set-up. */
final class Fixture {

    private Fixture() {
    }

    static UUID association(Database db, String slug) {
        UUID id = UUID.randomUUID();
        db.transaction(c -> Jdbc.update(c, "INSERT INTO associations (id, slug, name, country, created_at) VALUES (?, ?, ?, ?, ?)",
                id, slug, "Association " + slug, "RO", Instant.now()));
        return id;
    }
}
