package eu.danubia.web;

/**
 * How a module adds REST resources to {@code /api}. A resource is a DS component:
 *
 * <pre>
 * &#64;Component(service = OrganisationResource.class)
 * &#64;JakartarsResource
 * &#64;JakartarsExtensionSelect(Api.JSON)
 * &#64;Path("organisations")
 * &#64;Produces(MediaType.APPLICATION_JSON)
 * public class OrganisationResource { ... }
 * </pre>
 *
 * Resources join the default application of the Jakarta RS whiteboard, which is mounted at
 * {@code /api}; the resource appears when its bundle starts and answers 404 once it stops.
 * Selecting {@link #JSON} makes the whiteboard wait for the platform's JSON and error handling.
 * Errors are thrown as {@link eu.danubia.api.DanubiaException} subclasses and become
 * {@code application/problem+json} responses.
 */
public final class Api {

    /** Filter selecting the platform's JSON extension; use in {@code @JakartarsExtensionSelect}. */
    public static final String JSON = "(osgi.jakartars.name=danubia.json)";

    /** Name of the session cookie (HttpOnly, SameSite=Strict). */
    public static final String SESSION_COOKIE = "DANUBIA_SESSION";

    /** Header that cookie-authenticated writes must carry with the session's CSRF token. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** Media type of every error response (RFC 9457). */
    public static final String PROBLEM_JSON = "application/problem+json";

    private Api() {
    }
}
