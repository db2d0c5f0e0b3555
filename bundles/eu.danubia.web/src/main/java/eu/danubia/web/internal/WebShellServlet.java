package eu.danubia.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the web shell at {@code /}: one page that builds its menu from
 * {@code /api/ui/contributions}. Modules serve their own scripts under {@code /ui/<module>/}
 * and import the shared helpers from {@code /ui-kit.js}.
 * Sends a strict Content Security Policy: scripts only from this origin, no inline code.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
public class WebShellServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> FILES = Map.of(
            "/index.html", "text/html; charset=utf-8",
            "/shell.js", "text/javascript; charset=utf-8",
            "/ui-kit.js", "text/javascript; charset=utf-8",
            "/shell.css", "text/css; charset=utf-8",
            "/favicon.svg", "image/svg+xml");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? req.getServletPath() : req.getServletPath() + req.getPathInfo();
        if (path == null || path.isEmpty() || "/".equals(path)) {
            path = "/index.html";
        }
        String type = FILES.get(path);
        URL resource = type == null ? null : WebShellServlet.class.getResource("/webshell" + path);
        if (resource == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        resp.setContentType(type);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        resp.setHeader("Cache-Control", path.equals("/index.html") ? "no-cache" : "max-age=300");
        try (InputStream in = resource.openStream()) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
