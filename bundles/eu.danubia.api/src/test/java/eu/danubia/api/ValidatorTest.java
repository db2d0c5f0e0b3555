package eu.danubia.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The request-body parsing every module shares. */
class ValidatorTest {

    @Test
    void textIsTrimmedAndBlankIsAbsent() {
        assertThat(Validator.text(null)).isNull();
        assertThat(Validator.text(" \t\n")).isNull();
        assertThat(Validator.text("  Cluj-Napoca ")).isEqualTo("Cluj-Napoca");
    }

    @Test
    void uuidsAndConstantsAreParsedOrReportedPerField() {
        Validator v = new Validator();
        UUID id = UUID.randomUUID();
        assertThat(v.uuid("clusterId", " " + id + " ")).isEqualTo(id);
        assertThat(v.uuid("organisationId", "  ")).isNull();
        assertThat(v.oneOf("size", " small ", SizeClass.class)).isEqualTo(SizeClass.SMALL);
        assertThat(v.oneOf("type", "public-body", OrganisationType.class)).isEqualTo(OrganisationType.PUBLIC_BODY);
        assertThat(v.oneOf("type", "public body", OrganisationType.class)).isEqualTo(OrganisationType.PUBLIC_BODY);
        assertThat(v.oneOf("visibility", null, Visibility.class)).isNull();
        v.check(); // nothing wrong so far

        assertThat(v.uuid("clusterId", "cluster-7")).isNull();
        assertThat(v.oneOf("visibility", "everyone", Visibility.class)).isNull();
        assertThat(v.oneOf("visibility", "secret", Visibility.class)).as("the first problem of a field counts").isNull();
        ValidationException e = catchThrowableOfType(v::check, ValidationException.class);
        assertThat(e.errors()).containsOnlyKeys("clusterId", "visibility");
        assertThat(e.errors().get("clusterId")).isEqualTo("must be a UUID");
        assertThat(e.errors().get("visibility")).startsWith("must be one of ").contains(Visibility.PUBLIC.name());
    }
}
