package eu.danubia.notify.internal;

import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The e-mail settings in force, checked once when the configuration arrives. A configuration that
 * cannot work (unparsable sender, bad TLS mode) turns e-mail off with one clear log line rather than
 * filling the outbox with mails that can never leave.
 */
record SmtpSettings(String host, int port, Tls tls, String username, String password, InternetAddress from,
        String publicUrl) {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSettings.class);

    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int IO_TIMEOUT_MS = 20_000;

    static final SmtpSettings OFF = new SmtpSettings("", 0, Tls.NONE, "", "", null, "");

    static SmtpSettings of(NotifyConfig config) {
        String host = trim(config.smtpHost());
        if (host.isEmpty()) {
            return OFF;
        }
        Tls tls;
        try {
            tls = config.tls();
        } catch (RuntimeException e) {
            LOG.error("E-mail off: configuration {} has an unknown tls value (use STARTTLS, SSL or NONE)", NotifyConfig.PID);
            return OFF;
        }
        InternetAddress from;
        try {
            from = new InternetAddress(trim(config.from()), true);
        } catch (AddressException e) {
            LOG.error("E-mail off: 'from' of configuration {} is not a valid address: {}", NotifyConfig.PID, e.getMessage());
            return OFF;
        }
        int port = config.smtpPort();
        if (port < 1 || port > 65_535) {
            LOG.error("E-mail off: smtpPort {} of configuration {} is not a port", port, NotifyConfig.PID);
            return OFF;
        }
        return new SmtpSettings(host, port, tls == null ? Tls.STARTTLS : tls, trim(config.username()),
                config.password() == null ? "" : config.password(), from, trim(config.publicUrl()));
    }

    boolean enabled() {
        return !host.isEmpty() && from != null;
    }

    boolean authenticates() {
        return !username.isEmpty();
    }

    /**
     * Session properties for Jakarta Mail. mail.debug stays off: its protocol trace would log the
     * AUTH exchange, i.e. the credentials.
     */
    Properties sessionProperties() {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        p.setProperty("mail.smtp.timeout", Integer.toString(IO_TIMEOUT_MS));
        p.setProperty("mail.smtp.writetimeout", Integer.toString(IO_TIMEOUT_MS));
        p.setProperty("mail.smtp.auth", Boolean.toString(authenticates()));
        p.setProperty("mail.mime.charset", "UTF-8");
        switch (tls) {
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                // without 'required' a downgrade attack silently sends the password in clear text
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case SSL -> {
                p.setProperty("mail.smtp.ssl.enable", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {
            }
        }
        return p;
    }

    /** The absolute address of a web-shell link such as {@code #/b2b/profiles/<id>}. */
    String absoluteLink(String link) {
        String base = publicUrl.replaceAll("/+$", "");
        String path = link.replaceAll("^/+", "");
        return base + "/" + path;
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", tls=" + tls + ", username=" + username
                + ", password=" + (password.isEmpty() ? "" : "***") + ", from=" + from + ", publicUrl=" + publicUrl + "]";
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
