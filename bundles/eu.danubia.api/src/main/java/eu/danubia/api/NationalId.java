package eu.danubia.api;

/**
 * An identifier of an organisation in a national register.
 *
 * @param scheme the register, e.g. {@code CZ-ICO}, {@code SK-ICO}, {@code RO-CUI}, {@code UA-EDRPOU}, {@code HU-ADOSZAM}
 */
public record NationalId(String scheme, String value) {
}
