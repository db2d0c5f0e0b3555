package eu.danubia.b2b.internal;

import java.time.LocalDate;
import java.util.List;

import eu.danubia.api.OrganisationType;
import eu.danubia.api.SizeClass;

/** What the owner writes into a profile, validated and normalised. */
record ProfileContent(
        ProfileType type,
        String title,
        String summary,
        String description,
        String innovation,
        Stage stage,
        Ipr ipr,
        List<String> technologyKeywords,
        List<String> marketKeywords,
        List<String> naceCodes,
        List<OrganisationType> partnerTypes,
        String partnerRole,
        List<SizeClass> partnerSizes,
        List<PartnershipType> partnershipTypes,
        List<String> targetCountries,
        LocalDate expiresOn,
        String language,
        String contactName,
        String contactEmail,
        String contactPhone) {

    ProfileContent {
        technologyKeywords = List.copyOf(technologyKeywords);
        marketKeywords = List.copyOf(marketKeywords);
        naceCodes = List.copyOf(naceCodes);
        partnerTypes = List.copyOf(partnerTypes);
        partnerSizes = List.copyOf(partnerSizes);
        partnershipTypes = List.copyOf(partnershipTypes);
        targetCountries = List.copyOf(targetCountries);
    }
}
