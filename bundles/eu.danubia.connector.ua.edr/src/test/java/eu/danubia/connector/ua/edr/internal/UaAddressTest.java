package eu.danubia.connector.ua.edr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UaAddressTest {

    @Test
    void theAddressesOfTheSample() {
        assertThat(UaAddress.parse("Україна, 76018, Івано-Франківська обл., місто Івано-Франківськ, ВУЛИЦЯ ЄВГЕНА КОНОВАЛЬЦЯ, будинок 35"))
                .isEqualTo(new UaAddress("ВУЛИЦЯ ЄВГЕНА КОНОВАЛЬЦЯ, будинок 35", "Івано-Франківськ", "76018"));
        assertThat(UaAddress.parse("Україна, 04073, місто Київ, пров.Куренівський, будинок 17"))
                .isEqualTo(new UaAddress("пров.Куренівський, будинок 17", "Київ", "04073"));
    }

    @Test
    void upperCaseVillagesTownsAndAbbreviations() {
        // the founders' addresses in the sample are written this way
        assertThat(UaAddress.parse("УКРАЇНА, 77430, ІВАНО-ФРАНКІВСЬКА обл., ТИСМЕНИЦЬКИЙ Р-Н, СЕЛО ПОБЕРЕЖЖЯ, ДОВБУША, 8"))
                .isEqualTo(new UaAddress("ДОВБУША, 8", "ПОБЕРЕЖЖЯ", "77430"));
        assertThat(UaAddress.parse("Україна, 08292, Київська обл., селище міського типу Гостомель, вулиця Свято-Покровська, 1"))
                .isEqualTo(new UaAddress("вулиця Свято-Покровська, 1", "Гостомель", "08292"));
        assertThat(UaAddress.parse("м.Львів, вул. Городоцька, 12")).isEqualTo(new UaAddress("вул. Городоцька, 12", "Львів", null));
    }

    @Test
    void withoutASettlementTheLineIsKeptAsTheStreet() {
        assertThat(UaAddress.parse("Україна, 01001, Хрещатик, 1")).isEqualTo(new UaAddress("Хрещатик, 1", null, "01001"));
        assertThat(UaAddress.parse("   ")).isEqualTo(new UaAddress(null, null, null));
        assertThat(UaAddress.parse(null)).isEqualTo(new UaAddress(null, null, null));
    }
}
