package eu.danubia.c2c.internal;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.security.AccountService;

/**
 * The active association admins of one association, who are told about proposals to and from its
 * clusters; asked as the platform itself. Without the account service the list is empty, and only
 * the users who acted on a proposal are told.
 */
final class AssociationAdmins implements Function<UUID, List<AssociationAdmins.Recipient>> {

    record Recipient(UUID userId, String email) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(AssociationAdmins.class);

    private final Supplier<AccountService> accounts;

    AssociationAdmins(Supplier<AccountService> accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<Recipient> apply(UUID associationId) {
        AccountService a = accounts.get();
        if (a == null || associationId == null) {
            return List.of();
        }
        try {
            return a.activeAdmins(associationId).stream().map(u -> new Recipient(u.id(), u.email())).toList();
        } catch (RuntimeException e) {
            LOG.warn("Could not list the admins of association {}: {}", associationId, e.toString());
            return List.of();
        }
    }
}
