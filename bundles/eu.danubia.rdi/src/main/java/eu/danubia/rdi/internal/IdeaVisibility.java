package eu.danubia.rdi.internal;

/**
 * Who reads an idea once it is open, as the directory's visibility plus PRIVATE: PUBLIC for everyone
 * (anonymous visitors too), ASSOCIATION for the users of the owner's association, PRIVATE for the
 * owner's side only. Organisations that applied always read the idea they applied to.
 */
public enum IdeaVisibility {
    PUBLIC, ASSOCIATION, PRIVATE
}
