package eu.danubia.connector.cz.ares.internal;

import java.util.Map;

/**
 * Names of the commonest legal forms of the ARES code list {@code PravniForma} (the Czech Statistical
 * Office's classification of legal forms). Codes outside this table stay as the code: a wrong name
 * is worse than a code an operator can look up.
 */
final class CzLegalForms {

    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("101", "Fyzická osoba podnikající dle živnostenského zákona"),
            Map.entry("102", "Fyzická osoba podnikající dle živnostenského zákona zapsaná v obchodním rejstříku"),
            Map.entry("105", "Fyzická osoba podnikající dle jiných zákonů než živnostenského a zákona o zemědělství"),
            Map.entry("107", "Zemědělský podnikatel – fyzická osoba nezapsaná v obchodním rejstříku"),
            Map.entry("108", "Zemědělský podnikatel – fyzická osoba zapsaná v obchodním rejstříku"),
            Map.entry("111", "Veřejná obchodní společnost"),
            Map.entry("112", "Společnost s ručením omezeným"),
            Map.entry("113", "Komanditní společnost"),
            Map.entry("117", "Nadace"),
            Map.entry("118", "Nadační fond"),
            Map.entry("121", "Akciová společnost"),
            Map.entry("141", "Obecně prospěšná společnost"),
            Map.entry("145", "Společenství vlastníků jednotek"),
            Map.entry("161", "Ústav"),
            Map.entry("205", "Družstvo"),
            Map.entry("301", "Státní podnik"),
            Map.entry("325", "Organizační složka státu"),
            Map.entry("331", "Příspěvková organizace"),
            Map.entry("641", "Školská právnická osoba"),
            Map.entry("706", "Spolek"),
            Map.entry("736", "Pobočný spolek"),
            Map.entry("801", "Obec"),
            Map.entry("804", "Kraj"),
            Map.entry("932", "Evropská společnost"),
            Map.entry("933", "Evropské hospodářské zájmové sdružení"));

    private CzLegalForms() {
    }

    static String name(String code) {
        return code == null ? null : NAMES.getOrDefault(code, code);
    }
}
