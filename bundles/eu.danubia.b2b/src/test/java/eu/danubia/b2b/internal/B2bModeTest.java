package eu.danubia.b2b.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import eu.danubia.api.cooperation.Direction;
import eu.danubia.api.cooperation.ProfileStatus;

class B2bModeTest {

    private final B2bMode mode = new B2bMode();

    @Test
    void describesItself() {
        assertThat(mode.id()).isEqualTo("b2b");
        assertThat(mode.label()).isEqualTo("B2B — business and technology cooperation");
        assertThat(mode.profileTypes()).containsExactlyInAnyOrder("BUSINESS_OFFER", "BUSINESS_REQUEST", "TECHNOLOGY_OFFER",
                "TECHNOLOGY_REQUEST", "RD_REQUEST");
        assertThat(mode.direction("BUSINESS_OFFER")).isEqualTo(Direction.OFFER);
        assertThat(mode.direction("TECHNOLOGY_OFFER")).isEqualTo(Direction.OFFER);
        assertThat(mode.direction("RD_REQUEST")).isEqualTo(Direction.REQUEST);
        assertThat(mode.direction("BUSINESS_REQUEST")).isEqualTo(Direction.REQUEST);
        assertThatThrownBy(() -> mode.direction("CALL_FOR_PARTNERS")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesOffersWithRequestsOfTheSameFamily() {
        assertThat(mode.matches("BUSINESS_OFFER", "BUSINESS_REQUEST")).isTrue();
        assertThat(mode.matches("BUSINESS_REQUEST", "BUSINESS_OFFER")).isTrue();
        assertThat(mode.matches("TECHNOLOGY_OFFER", "TECHNOLOGY_REQUEST")).isTrue();
        assertThat(mode.matches("TECHNOLOGY_REQUEST", "TECHNOLOGY_OFFER")).isTrue();
        assertThat(mode.matches("RD_REQUEST", "TECHNOLOGY_OFFER")).isTrue();
        assertThat(mode.matches("TECHNOLOGY_OFFER", "RD_REQUEST")).isTrue();

        assertThat(mode.matches("BUSINESS_OFFER", "BUSINESS_OFFER")).isFalse();
        assertThat(mode.matches("TECHNOLOGY_REQUEST", "RD_REQUEST")).isFalse();
        assertThat(mode.matches("RD_REQUEST", "RD_REQUEST")).isFalse();
        assertThat(mode.matches("BUSINESS_OFFER", "TECHNOLOGY_REQUEST")).isFalse();
        assertThat(mode.matches("TECHNOLOGY_OFFER", "BUSINESS_REQUEST")).isFalse();
        assertThat(mode.matches("RD_REQUEST", "BUSINESS_OFFER")).isFalse();
        assertThat(mode.matches("BUSINESS_OFFER", "nonsense")).isFalse();
        assertThat(mode.matches(null, "BUSINESS_OFFER")).isFalse();

        assertThat(B2bMode.counterpartTypes(ProfileType.TECHNOLOGY_OFFER))
                .containsExactlyInAnyOrder(ProfileType.TECHNOLOGY_REQUEST, ProfileType.RD_REQUEST);
        assertThat(B2bMode.counterpartTypes(ProfileType.RD_REQUEST)).containsExactly(ProfileType.TECHNOLOGY_OFFER);
        assertThat(B2bMode.counterpartTypes(ProfileType.BUSINESS_REQUEST)).containsExactly(ProfileType.BUSINESS_OFFER);
    }

    @Test
    void allowsExactlyTheLifecycleTransitions() {
        Set<String> allowed = Set.of("DRAFT>SUBMITTED", "SUBMITTED>PUBLISHED", "SUBMITTED>DRAFT", "PUBLISHED>CLOSED",
                "PUBLISHED>EXPIRED", "PUBLISHED>PUBLISHED", "EXPIRED>PUBLISHED");
        for (ProfileStatus from : ProfileStatus.values()) {
            for (ProfileStatus to : ProfileStatus.values()) {
                assertThat(mode.canTransition(from, to)).as(from + " > " + to).isEqualTo(allowed.contains(from + ">" + to));
            }
        }
        assertThat(mode.canTransition(null, ProfileStatus.DRAFT)).isFalse();
    }
}
