package eu.danubia.matching.internal.rest;

/**
 * The body of {@code POST /api/matching/search}: the text and optional filters on the profiles' fields.
 *
 * @param mode a cooperation mode id such as {@code b2b}
 * @param type a profile type of the mode such as {@code TECHNOLOGY_OFFER}
 * @param direction {@code OFFER} or {@code REQUEST}
 * @param country the owner's ISO-2 country
 */
public record SearchInput(String text, String mode, String type, String direction, String country, Integer limit) {
}
