package eu.danubia.security.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import eu.danubia.api.ValidationException;
import eu.danubia.api.security.Role;
import eu.danubia.api.security.UserAccount;
import eu.danubia.security.internal.rest.Json.LoginRequest;
import eu.danubia.security.internal.rest.Json.LoginResponse;
import eu.danubia.security.internal.rest.Json.NewUserRequest;
import eu.danubia.security.internal.rest.Json.PasswordRequest;
import eu.danubia.security.internal.rest.Json.UserJson;

/** The request and response bodies under the web bundle's JSON settings (strict input, ISO dates). */
class JsonTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Test
    void passwordsArriveAsCharArrays() throws Exception {
        LoginRequest login = MAPPER.readValue("{\"email\":\"a@b.example\",\"password\":\"pässword-1234\"}", LoginRequest.class);
        assertThat(login.email()).isEqualTo("a@b.example");
        assertThat(login.password()).containsExactly("pässword-1234".toCharArray());

        PasswordRequest change = MAPPER.readValue("{\"password\":\"new-passphrase-1\"}", PasswordRequest.class);
        assertThat(change.password()).containsExactly("new-passphrase-1".toCharArray());
        assertThat(change.currentPassword()).isNull();
    }

    @Test
    void newUserTakesRoleIds() throws Exception {
        NewUserRequest user = MAPPER.readValue("{\"email\":\"m@b.example\",\"name\":\"M\",\"password\":\"Member-B-Pass-5521!\","
                + "\"roles\":[\"member\",\"association-admin\"]}", NewUserRequest.class);
        assertThat(Roles.parse(user.roles())).containsExactly(Role.MEMBER, Role.ASSOCIATION_ADMIN);
        assertThat(user.associationId()).isNull();
        assertThatThrownBy(() -> Roles.parse(java.util.List.of("superuser"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void unknownFieldsAreRejected() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"email\":\"a\",\"password\":\"b\",\"admin\":true}", LoginRequest.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void loginResponseHasTheContractShape() throws Exception {
        UUID id = UUID.randomUUID();
        UUID association = UUID.randomUUID();
        UserAccount account = new UserAccount(id, "a@b.example", "Ana", association, null,
                Set.of(Role.ASSOCIATION_ADMIN, Role.MEMBER), true, Instant.parse("2025-01-02T03:04:05Z"));
        LoginResponse response = new LoginResponse("tok", "csrf", Instant.parse("2025-01-02T15:04:05Z"),
                UserJson.of(account, "Cluster A"));

        JsonNode json = MAPPER.readTree(MAPPER.writeValueAsString(response));

        assertThat(json.path("token").asText()).isEqualTo("tok");
        assertThat(json.path("csrfToken").asText()).isEqualTo("csrf");
        assertThat(json.path("expiresAt").asText()).isEqualTo("2025-01-02T15:04:05Z");
        JsonNode user = json.path("user");
        assertThat(user.path("id").asText()).isEqualTo(id.toString());
        assertThat(user.path("email").asText()).isEqualTo("a@b.example");
        assertThat(user.path("associationId").asText()).isEqualTo(association.toString());
        assertThat(user.path("associationName").asText()).isEqualTo("Cluster A");
        assertThat(user.has("organisationId")).isTrue();
        assertThat(user.path("roles").toString()).isEqualTo("[\"association-admin\",\"member\"]");
        assertThat(user.toString()).doesNotContain("hash").doesNotContain("argon");
    }
}
