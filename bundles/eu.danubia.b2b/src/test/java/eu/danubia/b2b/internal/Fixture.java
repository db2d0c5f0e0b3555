package eu.danubia.b2b.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.SizeClass;
import eu.danubia.api.Visibility;
import eu.danubia.api.security.Caller;
import eu.danubia.directory.internal.DirectoryServiceImpl;
import eu.danubia.store.Database;
import eu.danubia.store.testing.MutableClock;
import eu.danubia.store.testing.RecordingNotifications;
import eu.danubia.store.testing.TestData;

/**
 * Two associations on a fresh database with the real directory: association A (Romania) with
 * organisations A1 and A2, association B (Hungary) with B1 and B2; callers of every kind; a
 * clock the tests move; a notification service that records what is sent.
 */
final class Fixture {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    final B2bService b2b;
    final Database db;
    final DirectoryServiceImpl directory;
    final MutableClock clock = new MutableClock(START);
    final RecordingNotifications sent = new RecordingNotifications();

    final UUID a;
    final Organisation a1;
    final Organisation a2;
    final UUID b;
    final Organisation b1;
    final Organisation b2;

    final Caller anonymous = Caller.ANONYMOUS;
    final Caller platformAdmin = TestData.platformAdmin();
    final Caller adminA;
    final Caller adminB;
    final Caller memberA1;
    final Caller memberA2;
    final Caller viewerA1;
    final Caller memberB1;
    final Caller memberB2;

    Fixture(Database database) {
        this(database, Settings.DEFAULTS);
    }

    Fixture(Database database, Settings settings) {
        this.db = database;
        this.directory = new DirectoryServiceImpl(db);
        a = TestData.association(db, "somes");
        b = TestData.association(db, "pannon");
        a1 = org("Cluj Photonics SRL", "RO", "RO11", a);
        a2 = org("Transilvania Foods SRL", "RO", "RO11", a);
        b1 = org("Budapest Optics Kft", "HU", "HU11", b);
        b2 = org("Pest Logistics Kft", "HU", "HU12", b);
        adminA = TestData.associationAdmin(a, "somes");
        adminB = TestData.associationAdmin(b, "pannon");
        memberA1 = TestData.member("ana@cluj-photonics.example", a, a1.id());
        memberA2 = TestData.member("radu@transilvania-foods.example", a, a2.id());
        viewerA1 = TestData.viewer("viewer@cluj-photonics.example", a, a1.id());
        memberB1 = TestData.member("bela@budapest-optics.example", b, b1.id());
        memberB2 = TestData.member("eva@pest-logistics.example", b, b2.id());
        this.b2b = new B2bService(db, directory, settings, clock);
        b2b.notifications = sent;
    }

    private Organisation org(String name, String country, String nuts, UUID association) {
        return directory.createOrganisation(Caller.SYSTEM, new Organisation(null, association, name,
                OrganisationType.BUSINESS, country, nuts, null, List.of("26.70"), SizeClass.SMALL, List.of(), null,
                null, Visibility.ASSOCIATION, null, null));
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // ---- inputs -----------------------------------------------------------------------------

    /** A valid technology offer about laser sensors, with its contact person. */
    static ProfileInput offer(String title) {
        return new Builder().title(title).build();
    }

    static Builder profile() {
        return new Builder();
    }

    /** Builds inputs; every field valid by default. */
    static final class Builder {
        String organisationId;
        String type = "TECHNOLOGY_OFFER";
        String title = "Laser sensor for weld inspection";
        String summary = "A compact laser sensor that measures weld seams in real time.";
        String description = "The sensor projects a laser line and reads it with a fast camera.";
        String innovation = "Ten times faster than tactile gauges.";
        String stage = "PROTOTYPE";
        String ipr = "PATENT_PENDING";
        List<String> technologyKeywords = List.of("laser", "sensor");
        List<String> marketKeywords = List.of("automotive");
        List<String> naceCodes = List.of("26.70");
        ProfileInput.PartnerSoughtInput partnerSought = new ProfileInput.PartnerSoughtInput(List.of("BUSINESS"),
                "Manufacturer integrating the sensor", List.of("SMALL", "MEDIUM"));
        List<String> partnershipTypes = List.of("LICENCE", "TECHNICAL_COOPERATION");
        List<String> targetCountries = List.of("HU", "SK");
        String expiresOn;
        String language = "en";
        String contactName = "Ana Popescu";
        String contactEmail = "ana.popescu@cluj-photonics.example";
        String contactPhone = "+40 264 000 111";

        Builder type(String v) {
            type = v;
            return this;
        }

        Builder title(String v) {
            title = v;
            return this;
        }

        Builder summary(String v) {
            summary = v;
            return this;
        }

        Builder description(String v) {
            description = v;
            return this;
        }

        Builder innovation(String v) {
            innovation = v;
            return this;
        }

        Builder stage(String v) {
            stage = v;
            return this;
        }

        Builder keywords(List<String> technology, List<String> market) {
            technologyKeywords = technology;
            marketKeywords = market;
            return this;
        }

        Builder nace(String... codes) {
            naceCodes = List.of(codes);
            return this;
        }

        Builder expiresOn(String v) {
            expiresOn = v;
            return this;
        }

        Builder organisation(UUID id) {
            organisationId = id == null ? null : id.toString();
            return this;
        }

        Builder contact(String name, String email, String phone) {
            contactName = name;
            contactEmail = email;
            contactPhone = phone;
            return this;
        }

        ProfileInput build() {
            return new ProfileInput(organisationId, type, title, summary, description, innovation, stage, ipr,
                    technologyKeywords, marketKeywords, naceCodes, partnerSought, partnershipTypes, targetCountries,
                    expiresOn, language, contactName, contactEmail, contactPhone);
        }
    }

    // ---- flows ------------------------------------------------------------------------------

    /** Created by {@code owner}, submitted, and approved by the platform admin. */
    Profile published(Caller owner, ProfileInput input) {
        Profile p = b2b.create(owner, input);
        b2b.submit(owner, p.id());
        return b2b.approve(platformAdmin, p.id());
    }

    Profile submitted(Caller owner, ProfileInput input) {
        Profile p = b2b.create(owner, input);
        return b2b.submit(owner, p.id());
    }

    long count(String sql, Object... params) {
        return TestData.count(db, sql, params);
    }
}
