package eu.danubia.c2b.internal;

/** The cluster's answer (accept, decline) or the requester's note (withdraw). */
public record AnswerInput(String answer) {
}
