package eu.danubia.b2b.internal;

import static eu.danubia.b2b.internal.Fixture.profile;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.cooperation.ProfileStatus;
import eu.danubia.api.notification.Notification;
import eu.danubia.store.Database;

/** The daily check: one warning per profile before it expires, then EXPIRED once the date has passed. */
class ExpiryTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void warnsOnceAndThenExpires(Database database) {
        Fixture f = new Fixture(database);
        UUID soon = f.published(f.memberA1, profile().title("Laser sensor")
                .expiresOn(f.today().plusDays(20).toString()).build()).id();
        UUID later = f.published(f.memberA2, profile().title("Fruit").expiresOn(f.today().plusDays(60).toString())
                .build()).id();
        UUID draft = f.b2b.create(f.memberA1, profile().expiresOn(f.today().plusDays(3).toString()).build()).id();
        f.sent.clear();

        assertThat(f.b2b.checkExpiry()).isEqualTo(new B2bService.ExpiryResult(0, 0));

        f.clock.advance(Duration.ofDays(6)); // 14 days left
        assertThat(f.b2b.checkExpiry()).isEqualTo(new B2bService.ExpiryResult(1, 0));
        Notification warning = f.sent.all.get(0);
        assertThat(warning.kind()).isEqualTo("b2b.profile.expiring");
        assertThat(warning.userId()).isEqualTo(f.memberA1.userId());
        assertThat(warning.email()).isEqualTo(f.memberA1.email());
        assertThat(warning.subject()).isEqualTo("Your B2B profile \"Laser sensor\" expires on " + f.today().plusDays(14));
        assertThat(warning.link()).isEqualTo("#/b2b/profiles/" + soon);

        f.clock.advance(Duration.ofDays(1));
        assertThat(f.b2b.checkExpiry()).isEqualTo(new B2bService.ExpiryResult(0, 0));
        assertThat(f.sent.all).hasSize(1);

        f.clock.advance(Duration.ofDays(13)); // the last valid day
        assertThat(f.b2b.checkExpiry().expired()).isZero();
        assertThat(f.b2b.get(f.anonymous, soon).status()).isEqualTo(ProfileStatus.PUBLISHED);

        f.clock.advance(Duration.ofDays(1));
        assertThat(f.b2b.checkExpiry()).isEqualTo(new B2bService.ExpiryResult(0, 1));
        assertThat(f.b2b.get(f.memberA1, soon).status()).isEqualTo(ProfileStatus.EXPIRED);
        assertThat(f.b2b.list(f.anonymous, ProfileFilter.none(), null).items()).extracting(Profile::id)
                .containsExactly(later);
        assertThat(f.b2b.get(f.memberA1, draft).status()).isEqualTo(ProfileStatus.DRAFT);
        assertThat(f.b2b.checkExpiry()).isEqualTo(new B2bService.ExpiryResult(0, 0));

        // a renewed profile is warned again before its new date
        f.b2b.renew(f.memberA1, soon);
        f.clock.advance(Duration.ofDays(365 - 14));
        B2bService.ExpiryResult result = f.b2b.checkExpiry();
        assertThat(f.sent.ofKind(Notifier.PROFILE_EXPIRING)).extracting(Notification::link)
                .contains("#/b2b/profiles/" + soon);
        assertThat(result.warned()).isGreaterThanOrEqualTo(1);
    }
}
