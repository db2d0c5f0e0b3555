package eu.danubia.b2b.internal;

import eu.danubia.store.testing.MutableClock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.SizeClass;
import eu.danubia.api.Visibility;
import eu.danubia.api.notification.Notification;
import eu.danubia.api.notification.NotificationService;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.directory.internal.DirectoryServiceImpl;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;

/**
 * Two associations on a fresh database with the real directory: association A (Romania) with
 * organisations A1 and A2, association B (Hungary) with B1 and B2; callers of every kind; a
 * clock the tests move; a notification service that records what is sent.
 */
final class Fixture {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();
    final Database db;
    final DirectoryServiceImpl directory;
    final MutableClock clock = new MutableClock(START);
    final RecordingNotifications sent = new RecordingNotifications();
    final B2bService b2b;

    final Organisation a1;
    final Organisation a2;
    final Organisation b1;
    final Organisation b2;

    final Caller anonymous = Caller.ANONYMOUS;
    final Caller platformAdmin = new Caller(UUID.randomUUID(), "root@danubia.example", null, null, Set.of(Role.PLATFORM_ADMIN));
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
        db.transaction(c -> {
            association(c, a, "somes");
            association(c, b, "pannon");
            return null;
        });
        a1 = org("Cluj Photonics SRL", "RO", "RO11", a);
        a2 = org("Transilvania Foods SRL", "RO", "RO11", a);
        b1 = org("Budapest Optics Kft", "HU", "HU11", b);
        b2 = org("Pest Logistics Kft", "HU", "HU12", b);
        adminA = new Caller(UUID.randomUUID(), "admin@somes.example", a, null, Set.of(Role.ASSOCIATION_ADMIN));
        adminB = new Caller(UUID.randomUUID(), "admin@pannon.example", b, null, Set.of(Role.ASSOCIATION_ADMIN));
        memberA1 = new Caller(UUID.randomUUID(), "ana@cluj-photonics.example", a, a1.id(), Set.of(Role.MEMBER));
        memberA2 = new Caller(UUID.randomUUID(), "radu@transilvania-foods.example", a, a2.id(), Set.of(Role.MEMBER));
        viewerA1 = new Caller(UUID.randomUUID(), "viewer@cluj-photonics.example", a, a1.id(), Set.of(Role.VIEWER));
        memberB1 = new Caller(UUID.randomUUID(), "bela@budapest-optics.example", b, b1.id(), Set.of(Role.MEMBER));
        memberB2 = new Caller(UUID.randomUUID(), "eva@pest-logistics.example", b, b2.id(), Set.of(Role.MEMBER));
        this.b2b = new B2bService(db, directory, settings, clock);
        b2b.notifications = sent;
    }

    private Organisation org(String name, String country, String nuts, UUID association) {
        return directory.createOrganisation(Caller.SYSTEM, new Organisation(null, association, name,
                OrganisationType.BUSINESS, country, nuts, null, List.of("26.70"), SizeClass.SMALL, List.of(), null,
                null, Visibility.ASSOCIATION, null, null));
    }

    private static void association(Connection c, UUID id, String slug) throws SQLException {
        Jdbc.update(c, "INSERT INTO associations (id, slug, name, country, created_at) VALUES (?, ?, ?, ?, ?)",
                id, slug, "Association " + slug, "RO", Instant.now());
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
        return db.read(c -> Jdbc.count(c, sql, params));
    }

    // ---- test doubles -----------------------------------------------------------------------

    /** Records every notification. */
    static final class RecordingNotifications implements NotificationService {

        final List<Notification> all = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void send(Notification notification) {
            all.add(notification);
        }

        List<Notification> ofKind(String kind) {
            return all.stream().filter(n -> n.kind().equals(kind)).toList();
        }

        void clear() {
            all.clear();
        }
    }
}
