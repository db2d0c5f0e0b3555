package eu.danubia.rdi.internal;

/** What a call import stored: new calls and replaced ones. Nothing is stored when any row is refused. */
public record ImportResult(int created, int updated) {
}
