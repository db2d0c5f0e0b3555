package eu.danubia.itests;

/** How a request authenticates: nothing, a bearer token, or a session cookie with its CSRF token. */
record Auth(String bearer, String cookie, String csrf) {

    static final Auth NONE = new Auth(null, null, null);
}
