package eu.danubia.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.Page;
import eu.danubia.api.ValidationException;
import eu.danubia.api.Visibility;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.directory.DirectoryService.OrganisationFilter;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;

/** The demo seeders' shared loop and worker: counting, failures, and stopping without an interrupt. */
class DemoSeedingTest {

    private final DemoSeeding seeding = new DemoSeeding(DemoSeedingTest.class, "test demo data", "danubia-test-demo");

    @Test
    void eachItemIsCountedAsCreatedOrAlreadyPresent() {
        List<String> seeded = new ArrayList<>();

        DemoSeeding.Result r = seeding.seedEach(List.of("new 1", "old 1", "new 2", "new 3", "old 2"), s -> s, s -> {
            seeded.add(s);
            return s.startsWith("new");
        });

        assertThat(r).isEqualTo(new DemoSeeding.Result(3, 2, 0));
        assertThat(seeded).containsExactly("new 1", "old 1", "new 2", "new 3", "old 2");
        assertThat(seeding.<String>seedEach(null, s -> s, s -> true)).isEqualTo(new DemoSeeding.Result(0, 0, 0));
        assertThat(r.plus(new DemoSeeding.Result(1, 1, 1))).isEqualTo(new DemoSeeding.Result(4, 3, 1));
    }

    @Test
    void aFailingItemIsCountedAndLabelledAndTheOthersAreStillSeeded() {
        List<String> seeded = new ArrayList<>();
        List<String> labelled = new ArrayList<>();

        DemoSeeding.Result r = seeding.seedEach(List.of("a", "invalid", "b", "missing", "c"), s -> {
            labelled.add(s);
            return "item '" + s + "'";
        }, s -> {
            switch (s) {
                case "invalid" -> throw new ValidationException("title", "required");
                case "missing" -> throw new IllegalStateException("no organisation 'X'");
                default -> {
                    seeded.add(s);
                    return true;
                }
            }
        });

        assertThat(r).isEqualTo(new DemoSeeding.Result(3, 0, 2));
        assertThat(seeded).containsExactly("a", "b", "c");
        assertThat(labelled).as("only failures are named in the log").containsExactly("invalid", "missing");
        assertThat(DemoSeeding.reason(new ValidationException("title", "required")))
                .isEqualTo("Invalid input: title {title=required}");
        assertThat(DemoSeeding.reason(new IllegalStateException("no organisation 'X'")))
                .isEqualTo("java.lang.IllegalStateException: no organisation 'X'");
    }

    @Test
    void stopLetsTheRunningTaskFinishWithoutInterruptingItAndEndsTheLoopBeforeTheNextItem() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicReference<DemoSeeding.Result> result = new AtomicReference<>();
        List<Integer> seeded = Collections.synchronizedList(new ArrayList<>());

        seeding.start(() -> result.set(seeding.seedEach(List.of(1, 2, 3, 4), String::valueOf, i -> {
            seeded.add(i);
            if (i == 2) {
                running.countDown();
                // an H2 write in progress: it must end normally, however long it takes
                boolean released = false;
                while (!released) {
                    try {
                        released = release.await(50, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                    }
                }
                interrupted.compareAndSet(false, Thread.currentThread().isInterrupted());
            }
            return true;
        })));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        Thread stopper = new Thread(seeding::stop, "stopper");
        stopper.start();
        while (!seeding.isStopping()) {
            Thread.sleep(5);
        }
        Thread.sleep(100);
        assertThat(stopper.isAlive()).as("stop waits for the running item").isTrue();
        assertThat(result.get()).as("the item is still running").isNull();
        release.countDown();
        stopper.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(stopper.isAlive()).isFalse();
        assertThat(interrupted).as("the worker was never interrupted").isFalse();
        assertThat(result.get()).as("the running item finished, no other started")
                .isEqualTo(new DemoSeeding.Result(2, 0, 0));
        assertThat(seeded).containsExactly(1, 2);

        // stopped: new work is refused quietly, and a loop seeds nothing
        AtomicBoolean ran = new AtomicBoolean();
        seeding.start(() -> ran.set(true));
        assertThat(seeding.seedEach(List.of(5), String::valueOf, i -> true)).isEqualTo(new DemoSeeding.Result(0, 0, 0));
        assertThat(ran).isFalse();
    }

    @Test
    void aFailingTaskIsLoggedAndTheWorkerGoesOn() throws Exception {
        CountDownLatch second = new CountDownLatch(1);

        seeding.start(() -> {
            throw new IllegalStateException("demo/x.json is missing from the bundle");
        });
        seeding.start(second::countDown);

        assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
        seeding.stop();
    }

    @Test
    void aResourceIsReadWithTheModulesParserAndAMissingOneIsAnError() {
        ClassLoader loader = new ClassLoader(null) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return name.equals("demo/here.json")
                        ? new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))
                        : null;
            }
        };

        String read = DemoSeeding.read(loader, "demo/here.json", in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));

        assertThat(read).isEqualTo("{}");
        assertThatThrownBy(() -> DemoSeeding.read(loader, "demo/gone.json", in -> "never"))
                .isInstanceOf(IllegalStateException.class).hasMessage("demo/gone.json is missing from the bundle");
    }

    @Test
    void namesFindAnOrganisationByItsExactNameInTheAssociationOfTheSlug() {
        UUID somes = UUID.randomUUID();
        Organisation decoy = organisation(somes, "Cluj Robotics SRL (former branch)");
        Organisation wanted = organisation(somes, "Cluj Robotics SRL");
        List<OrganisationFilter> asked = new ArrayList<>();
        DirectoryService directory = (DirectoryService) Proxy.newProxyInstance(DirectoryService.class.getClassLoader(),
                new Class<?>[] {DirectoryService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("organisations")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    asked.add((OrganisationFilter) args[1]);
                    return new Page<>(List.of(decoy, wanted), 0, 2, 2);
                });
        DemoSeeding.Names names = new DemoSeeding.Names(directory,
                slug -> Optional.ofNullable(Map.of("somes-clusters", somes).get(slug)));

        assertThat(names.organisation("somes-clusters", "Cluj Robotics SRL")).isSameAs(wanted);
        assertThat(asked).extracting(OrganisationFilter::associationId).containsExactly(somes);
        assertThatThrownBy(() -> names.organisation("somes-clusters", "Cluj Robotics"))
                .hasMessage("no organisation 'Cluj Robotics' in 'somes-clusters'");
        assertThatThrownBy(() -> names.organisation("no-such-slug", "Cluj Robotics SRL"))
                .hasMessage("no association with the slug 'no-such-slug'");
        assertThatThrownBy(() -> names.organisation("somes-clusters", null))
                .hasMessage("no organisation 'null' in 'somes-clusters'");
    }

    @Test
    void theAdminActsForThePlatformSoNobodyIsNotified() {
        UUID association = UUID.randomUUID();
        UUID organisation = UUID.randomUUID();

        Caller admin = DemoSeeding.admin(association, organisation);

        assertThat(admin.userId()).isEqualTo(Caller.SYSTEM.userId());
        assertThat(admin.associationId()).isEqualTo(association);
        assertThat(admin.organisationId()).isEqualTo(organisation);
        assertThat(admin.roles()).containsExactly(Role.ASSOCIATION_ADMIN);
    }

    private static Organisation organisation(UUID association, String name) {
        return new Organisation(UUID.randomUUID(), association, name, OrganisationType.BUSINESS, "RO", null, null,
                List.of(), null, List.of(), null, null, Visibility.PUBLIC, null, null);
    }
}
