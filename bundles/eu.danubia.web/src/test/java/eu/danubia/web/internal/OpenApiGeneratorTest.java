package eu.danubia.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

import eu.danubia.api.Organisation;
import eu.danubia.api.Page;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.api.ui.UiContribution;

class OpenApiGeneratorTest {

    @Path("organisations")
    public static class SampleResource {
        @GET
        public Page<Organisation> list(@Context SecurityContext s, @QueryParam("q") String q, @QueryParam("page") Integer page) {
            return null;
        }

        @GET
        @Path("{id}")
        public Organisation get(@PathParam("id") UUID id) {
            return null;
        }

        @POST
        public Organisation create(@Context SecurityContext s, Organisation body) {
            return null;
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void describesPathsParametersBodiesAndRecordSchemas() {
        Map<String, Object> doc = new OpenApiGenerator("/api", "1.0").generate(List.of(SampleResource.class));
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        assertThat(paths).containsOnlyKeys("/api/organisations", "/api/organisations/{id}");

        Map<String, Object> list = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/organisations")).get("get");
        assertThat((List<Map<String, Object>>) list.get("parameters")).extracting(p -> p.get("name")).containsExactly("q", "page");
        String listSchema = list.get("responses").toString();
        assertThat(listSchema).contains("items").contains("#/components/schemas/Organisation");

        Map<String, Object> create = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/organisations")).get("post");
        assertThat(create).containsKey("requestBody");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
        assertThat(schemas).containsKeys("Organisation", "NationalId", "Problem");
        assertThat(schemas.get("Organisation").toString()).contains("naceCodes").contains("CLUSTER_ORGANISATION");
    }

    @Test
    void menuShowsOnlyWhatTheCallersRolesAllow() {
        UiContributionsResource menu = new UiContributionsResource();
        UiContribution directory = contribution("directory", 10, Set.of());
        menu.addContribution(directory);
        menu.addContribution(contribution("moderation", 20, Set.of(Role.ASSOCIATION_ADMIN)));
        Caller admin = new Caller(UUID.randomUUID(), "a@b.eu", UUID.randomUUID(), null, Set.of(Role.ASSOCIATION_ADMIN));
        assertThat(menu.visibleTo(Caller.ANONYMOUS)).extracting(UiContributionsResource.Entry::id).containsExactly("directory");
        assertThat(menu.visibleTo(admin)).extracting(UiContributionsResource.Entry::id).containsExactly("directory", "moderation");
        menu.removeContribution(directory);
        assertThat(menu.visibleTo(admin)).extracting(UiContributionsResource.Entry::id).containsExactly("moderation");
    }

    private static UiContribution contribution(String id, int order, Set<Role> roles) {
        return new UiContribution() {
            public String id() { return id; }
            public String label() { return id; }
            public String script() { return "/ui/" + id + "/" + id + ".js"; }
            public int order() { return order; }
            public Set<Role> roles() { return roles; }
        };
    }
}
