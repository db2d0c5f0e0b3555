package eu.danubia.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.danubia.api.NotFoundException;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.PageRequest;
import eu.danubia.api.ValidationException;

class ParamsTest {

    @Test
    void aPathIdThatIsNoUuidNamesNoRecord() {
        UUID id = UUID.randomUUID();
        assertThat(Params.pathId(id.toString(), "Organisation")).isEqualTo(id);
        assertThatThrownBy(() -> Params.pathId("42", "Organisation"))
                .isInstanceOf(NotFoundException.class).hasMessage("Organisation not found");
        assertThatThrownBy(() -> Params.pathId("'; DROP TABLE organisations; --", "Cluster"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void malformedQueryValuesAreBadRequests() {
        assertThat(Params.enumValue("type", "research", OrganisationType.class)).isEqualTo(OrganisationType.RESEARCH);
        assertThat(Params.enumValue("type", "public-body", OrganisationType.class)).isEqualTo(OrganisationType.PUBLIC_BODY);
        assertThat(Params.enumValue("type", "", OrganisationType.class)).isNull();
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> Params.enumValue("type", "COMPANY", OrganisationType.class)).errors())
                .containsEntry("type", "must be one of BUSINESS, RESEARCH, PUBLIC_BODY, CIVIL_SOCIETY, CLUSTER_ORGANISATION");
        assertThat(catchThrowableOfType(ValidationException.class, () -> Params.queryId("associationId", "abc"))
                .errors()).containsOnlyKeys("associationId");
        assertThat(Params.queryId("associationId", null)).isNull();
        assertThat(catchThrowableOfType(ValidationException.class, () -> Params.page("x", "20")).errors())
                .containsOnlyKeys("page");
        assertThat(catchThrowableOfType(ValidationException.class, () -> Params.page("0", "201")).errors())
                .containsOnlyKeys("size");
    }

    @Test
    void pagingDefaultsToTheFirstTwentyRecords() {
        assertThat(Params.page(null, null)).isEqualTo(new PageRequest(0, 20));
        assertThat(Params.page(" 3 ", "50")).isEqualTo(new PageRequest(3, 50));
    }
}
