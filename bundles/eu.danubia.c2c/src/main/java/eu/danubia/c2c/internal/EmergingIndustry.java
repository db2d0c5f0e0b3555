package eu.danubia.c2c.internal;

/**
 * The emerging industries a cluster profile may name: the ten of the European Cluster Observatory
 * (Emerging Industries Report, 2014: advanced packaging, biopharmaceuticals, blue growth, creative,
 * digital, environmental, experience industries, logistical services, medical devices, mobility
 * technologies) and the cross-cutting themes cluster strategies of the Danube region name most
 * often (active ageing, circular economy, digital health, green economy). A fixed list, so that two
 * clusters naming the same one can be matched.
 */
public enum EmergingIndustry {
    ACTIVE_AGEING("Active ageing"),
    ADVANCED_PACKAGING("Advanced packaging"),
    BIOPHARMACEUTICALS("Biopharmaceuticals"),
    BLUE_ECONOMY("Blue economy"),
    CIRCULAR_ECONOMY("Circular economy"),
    CREATIVE_INDUSTRIES("Creative industries"),
    DIGITAL_HEALTH("Digital health"),
    DIGITAL_INDUSTRIES("Digital industries"),
    ENVIRONMENTAL_INDUSTRIES("Environmental industries"),
    EXPERIENCE_INDUSTRIES("Experience industries"),
    GREEN_ECONOMY("Green economy"),
    INTELLIGENT_MOBILITY("Intelligent mobility"),
    LOGISTICAL_SERVICES("Logistical services"),
    MEDICAL_DEVICES("Medical devices");

    private final String label;

    EmergingIndustry(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** One entry of {@code GET /api/c2c/emerging-industries}. */
    public record Option(String id, String label) {
    }
}
