package eu.danubia.connector.sdk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Removes every inbound header except an allow-list, and every {@code Camel*} header whatever the list says: many
 * Camel components read such headers as instructions (a file name to write, a URL to call), so a header that came
 * in with a message must never reach one. The routes keep what they need in exchange properties, which no inbound
 * message can set.
 */
public final class HeaderSanitizer implements Processor {

    private final Set<String> allowed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    public HeaderSanitizer(Set<String> allowed) {
        for (String name : allowed) {
            if (isCamel(name)) {
                throw new IllegalArgumentException("header " + name + " cannot be allowed: Camel headers steer components");
            }
            this.allowed.add(name);
        }
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        List<String> remove = new ArrayList<>();
        for (String name : in.getHeaders().keySet()) {
            if (isCamel(name) || !allowed.contains(name)) {
                remove.add(name);
            }
        }
        for (String name : remove) {
            in.removeHeader(name);
        }
    }

    static boolean isCamel(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("camel") || name.toLowerCase(Locale.ROOT).startsWith("org.apache.camel");
    }
}
