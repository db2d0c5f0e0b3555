package eu.danubia.matching.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;

import eu.danubia.api.ForbiddenException;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.cooperation.CooperationProfile;
import eu.danubia.api.matching.CallMatch;
import eu.danubia.api.matching.Classification;
import eu.danubia.api.matching.Match;
import eu.danubia.api.matching.MatchingService;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.matching.internal.MatchingAdmin;
import eu.danubia.web.RequestCaller;

/** Who may call what, and the input rules, before anything reaches the engine. */
class MatchingResourceTest {

    private final RecordingEngine engine = new RecordingEngine();
    private final MatchingAdmin.Status status = new MatchingAdmin.Status(List.of("MINILM"), 3, List.of("b2b"), 20000, "/x");
    private final MatchingResource resource = new MatchingResource(engine, new MatchingAdmin() {
        @Override
        public Status status() {
            return status;
        }

        @Override
        public Reindexed reindex(Progress progress) {
            throw new UnsupportedOperationException();
        }
    });

    private final Caller member = new Caller(UUID.randomUUID(), "m@example.eu", UUID.randomUUID(), UUID.randomUUID(),
            Set.of(Role.MEMBER));
    private final Caller associationAdmin = new Caller(UUID.randomUUID(), "a@example.eu", UUID.randomUUID(), null,
            Set.of(Role.ASSOCIATION_ADMIN));
    private final Caller platformAdmin = new Caller(UUID.randomUUID(), "p@example.eu", null, null, Set.of(Role.PLATFORM_ADMIN));

    @Test
    void searchIsOpenToAnonymousCallersWithNormalisedFilters() {
        resource.search(as(null), new SearchInput("  laser sensor ", " B2B ", "technology_offer", "offer", "hu", null));

        assertThat(engine.calls).containsExactly("search " + Caller.ANONYMOUS.userId() + " 'laser sensor' "
                + "{mode=b2b, type=TECHNOLOGY_OFFER, direction=OFFER, country=HU} 10");
        resource.search(as(member), new SearchInput("laser", null, null, "  ", null, 50));
        assertThat(engine.calls.get(1)).isEqualTo("search " + member.userId() + " 'laser' {} 50");
    }

    @Test
    void everyBadFieldIsReportedAtOnceAndTheEngineIsNotAsked() {
        assertThatThrownBy(() -> resource.search(as(null), new SearchInput(" ", null, null, "sideways", "Hungary", 0)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("text", "direction", "country", "limit"));
        assertThatThrownBy(() -> resource.calls(as(member), new TextInput("x".repeat(10_001), 51)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("text", "limit"));
        assertThatThrownBy(() -> resource.classify(as(member), new TextInput(null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsOnlyKeys("text"));
        assertThatThrownBy(() -> resource.classify(as(member), null)).isInstanceOf(ValidationException.class);
        assertThat(engine.calls).isEmpty();

        resource.calls(as(member), new TextInput("x".repeat(10_000), 1));
        assertThat(engine.calls).singleElement().asString().startsWith("calls ").endsWith(" 1");
    }

    @Test
    void classificationAndCallsNeedASignedInCaller() {
        assertThatThrownBy(() -> resource.classify(as(null), new TextInput("software house", null)))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> resource.calls(as(null), new TextInput("hydrogen aircraft", null)))
                .isInstanceOf(UnauthorizedException.class);
        assertThat(engine.calls).isEmpty();

        resource.classify(as(member), new TextInput("software house", 3));
        resource.calls(as(associationAdmin), new TextInput("hydrogen aircraft", null));
        assertThat(engine.calls).containsExactly("classify 'software house' 3", "calls 'hydrogen aircraft' 10");
    }

    @Test
    void theStatusIsForPlatformAdminsOnly() {
        assertThatThrownBy(() -> resource.status(as(null))).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> resource.status(as(member))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> resource.status(as(associationAdmin))).isInstanceOf(ForbiddenException.class);
        assertThat(resource.status(as(platformAdmin))).isSameAs(status);
    }

    private static SecurityContext as(Caller caller) {
        Principal principal = caller == null ? null : new RequestCaller.CallerPrincipal(caller);
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return null;
            }
        };
    }

    /** Records what it was asked, as text; answers nothing. */
    private static final class RecordingEngine implements MatchingService {

        final List<String> calls = new ArrayList<>();

        @Override
        public List<Match> recommend(Caller caller, CooperationProfile profile, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Match> search(Caller caller, String text, Map<String, String> filters, int limit) {
            calls.add("search " + caller.userId() + " '" + text + "' " + filters + " " + limit);
            return List.of();
        }

        @Override
        public Classification classify(String text, int limit) {
            calls.add("classify '" + text + "' " + limit);
            return new Classification(List.of(), List.of());
        }

        @Override
        public List<CallMatch> recommendCalls(String text, int limit) {
            calls.add("calls '" + (text.length() > 20 ? "…" : text) + "' " + limit);
            return List.of();
        }

        @Override
        public void profileChanged(CooperationProfile profile) {
            throw new UnsupportedOperationException();
        }
    }
}
