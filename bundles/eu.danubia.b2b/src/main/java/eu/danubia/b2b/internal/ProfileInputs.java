package eu.danubia.b2b.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import eu.danubia.api.OrganisationType;
import eu.danubia.api.SizeClass;
import eu.danubia.api.Validator;

/**
 * Clean-up and validation of what owners write. Text is trimmed and blank taken as absent, codes are
 * upper case and lists lose blanks and duplicates, so that the stored form is the same however it
 * was typed; then every problem is reported at once.
 */
final class ProfileInputs {

    static final int TITLE_MAX = 200;
    static final int SUMMARY_MAX = 1000;
    static final int DESCRIPTION_MAX = 10_000;
    static final int INNOVATION_MAX = 4000;
    static final int ROLE_MAX = 1000;
    static final int NAME_MAX = 200;
    static final int EMAIL_MAX = 320;
    static final int PHONE_MAX = 50;
    static final int KEYWORD_MAX = 100;
    static final int KEYWORDS_MAX = 20;
    static final int CODES_MAX = 20;
    static final int COUNTRIES_MAX = 60;
    static final int MAX_VALIDITY_MONTHS = 24;
    static final int MESSAGE_MAX = 4000;
    static final int COMMENT_MAX = 2000;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()./-]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    private ProfileInputs() {
    }

    /** The validated content; {@code today} decides the default and the allowed range of the expiry date. */
    static ProfileContent content(ProfileInput in, LocalDate today, int defaultValidityMonths) {
        Validator v = new Validator();
        ProfileType type = v.oneOf("type", in.type(), ProfileType.class);
        v.required("type", in.type());
        String title = Validator.text(in.title());
        String summary = Validator.text(in.summary());
        String description = Validator.text(in.description());
        String innovation = Validator.text(in.innovation());
        v.required("title", title).maxLength("title", title, TITLE_MAX)
                .required("summary", summary).maxLength("summary", summary, SUMMARY_MAX)
                .required("description", description).maxLength("description", description, DESCRIPTION_MAX)
                .maxLength("innovation", innovation, INNOVATION_MAX);
        Stage stage = v.oneOf("stage", in.stage(), Stage.class);
        v.that(type == null || !type.needsStage() || Validator.text(in.stage()) != null, "stage",
                "is required for technology profiles");
        Ipr ipr = v.oneOf("ipr", in.ipr(), Ipr.class);

        List<String> technologyKeywords = keywords(v, "technologyKeywords", in.technologyKeywords());
        List<String> marketKeywords = keywords(v, "marketKeywords", in.marketKeywords());
        List<String> nace = codes(in.naceCodes());
        v.nace("naceCodes", nace).that(nace.size() <= CODES_MAX, "naceCodes", "must hold at most " + CODES_MAX + " codes");

        ProfileInput.PartnerSoughtInput sought = in.partnerSought();
        List<OrganisationType> partnerTypes = enumValues(v, "partnerSought.types", sought == null ? null : sought.types(),
                OrganisationType.class);
        List<SizeClass> partnerSizes = enumValues(v, "partnerSought.sizes", sought == null ? null : sought.sizes(),
                SizeClass.class);
        String role = sought == null ? null : Validator.text(sought.role());
        v.maxLength("partnerSought.role", role, ROLE_MAX);
        List<PartnershipType> partnershipTypes = enumValues(v, "partnershipTypes", in.partnershipTypes(),
                PartnershipType.class);

        List<String> countries = codes(in.targetCountries());
        for (String country : countries) {
            v.country("targetCountries", country);
        }
        v.that(countries.size() <= COUNTRIES_MAX, "targetCountries", "must hold at most " + COUNTRIES_MAX + " countries");

        LocalDate expiresOn = expiresOn(v, in.expiresOn(), today, defaultValidityMonths);
        String language = Objects.requireNonNullElse(Validator.text(in.language()), "en").toLowerCase(Locale.ROOT);
        v.that(LANGUAGE.matcher(language).matches(), "language", "must be a two-letter ISO 639-1 code such as en or ro");

        String contactName = Validator.text(in.contactName());
        String contactEmail = Validator.text(in.contactEmail());
        String contactPhone = Validator.text(in.contactPhone());
        v.required("contactName", contactName).maxLength("contactName", contactName, NAME_MAX)
                .required("contactEmail", contactEmail).maxLength("contactEmail", contactEmail, EMAIL_MAX)
                .that(contactEmail == null || EMAIL.matcher(contactEmail).matches(), "contactEmail",
                        "must be an e-mail address")
                .maxLength("contactPhone", contactPhone, PHONE_MAX)
                .that(contactPhone == null || PHONE.matcher(contactPhone).matches(), "contactPhone",
                        "may hold digits, spaces and + ( ) . / - only");
        v.check();
        return new ProfileContent(type, title, summary, description, innovation, stage, ipr, technologyKeywords,
                marketKeywords, nace, partnerTypes, role, partnerSizes, partnershipTypes, countries, expiresOn, language,
                contactName, contactEmail, contactPhone);
    }

    /** The default is today plus the configured validity; a given date must lie within the next 24 months. */
    private static LocalDate expiresOn(Validator v, String value, LocalDate today, int defaultValidityMonths) {
        String text = Validator.text(value);
        if (text == null) {
            return today.plusMonths(defaultValidityMonths);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            v.that(false, "expiresOn", "must be a date such as 2027-05-01");
            return null;
        }
        v.that(date.isAfter(today), "expiresOn", "must be in the future")
                .that(!date.isAfter(today.plusMonths(MAX_VALIDITY_MONTHS)), "expiresOn",
                        "must be at most " + MAX_VALIDITY_MONTHS + " months ahead");
        return date;
    }

    private static List<String> keywords(Validator v, String field, List<String> values) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                String k = Validator.text(value);
                if (k != null && seen.add(k.toLowerCase(Locale.ROOT))) {
                    out.add(k);
                    v.maxLength(field, k, KEYWORD_MAX)
                            // the CSV form joins list items with ';', so an item must not hold one
                            .that(k.indexOf(';') < 0, field, "must not contain ';'");
                }
            }
        }
        v.that(out.size() <= KEYWORDS_MAX, field, "must hold at most " + KEYWORDS_MAX + " keywords");
        return out;
    }

    /** Trimmed, upper-cased, without blanks and duplicates, in the given order. */
    static List<String> codes(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                String t = Validator.text(value);
                if (t != null) {
                    out.add(t.toUpperCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(out);
    }

    static <E extends Enum<E>> List<E> enumValues(Validator v, String field, List<String> values, Class<E> type) {
        Set<E> out = new LinkedHashSet<>();
        for (String code : codes(values)) {
            E e = v.oneOf(field, code, type);
            if (e != null) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }
}
