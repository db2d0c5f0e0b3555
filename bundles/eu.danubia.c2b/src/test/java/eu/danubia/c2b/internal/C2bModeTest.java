package eu.danubia.c2b.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import eu.danubia.api.cooperation.Direction;
import eu.danubia.api.cooperation.ProfileStatus;

class C2bModeTest {

    private final C2bMode mode = new C2bMode();

    @Test
    void servicesAreOffersAndRequestsRequests() {
        assertThat(mode.id()).isEqualTo("c2b");
        assertThat(mode.profileTypes()).contains("TRAINING", "OTHER", "SERVICE_REQUEST", "MEMBERSHIP_APPLICATION")
                .hasSize(9);
        assertThat(mode.direction("TESTING_FACILITY")).isEqualTo(Direction.OFFER);
        assertThat(mode.direction("MEMBERSHIP_APPLICATION")).isEqualTo(Direction.REQUEST);
        assertThatThrownBy(() -> mode.direction("BUSINESS_OFFER")).isInstanceOf(IllegalArgumentException.class);
        assertThat(mode.matches("TRAINING", "SERVICE_REQUEST")).isTrue();
        assertThat(mode.matches("SERVICE_REQUEST", "CONSULTING")).isTrue();
        assertThat(mode.matches("TRAINING", "CONSULTING")).isFalse();
        assertThat(mode.matches("MEMBERSHIP_APPLICATION", "TRAINING")).isFalse();
        assertThat(mode.matches(null, "TRAINING")).isFalse();
    }

    @Test
    void theServiceLifecycle() {
        assertThat(mode.canTransition(ProfileStatus.DRAFT, ProfileStatus.PUBLISHED)).isTrue();
        assertThat(mode.canTransition(ProfileStatus.PUBLISHED, ProfileStatus.DRAFT)).isTrue();
        assertThat(mode.canTransition(C2bMode.shared(ServiceStatus.PUBLISHED), C2bMode.shared(ServiceStatus.ARCHIVED)))
                .isTrue();
        assertThat(mode.canTransition(ProfileStatus.CLOSED, ProfileStatus.PUBLISHED)).isTrue();
        assertThat(mode.canTransition(ProfileStatus.DRAFT, ProfileStatus.SUBMITTED)).isFalse();
        assertThat(mode.canTransition(ProfileStatus.DRAFT, null)).isFalse();
    }
}
