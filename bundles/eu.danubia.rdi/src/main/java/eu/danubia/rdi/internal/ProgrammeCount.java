package eu.danubia.rdi.internal;

/** How many calls a programme has, for the programme filter. */
public record ProgrammeCount(String programme, long calls) {
}
