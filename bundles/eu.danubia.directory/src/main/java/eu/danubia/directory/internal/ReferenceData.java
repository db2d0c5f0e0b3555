package eu.danubia.directory.internal;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.danubia.api.Validator;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;
import eu.danubia.store.Where;

/** The classifications the directory's forms offer: NACE Rev.2 activities and NUTS 2021 regions. */
@Component(service = ReferenceData.class)
public class ReferenceData {

    public static final int NACE_DEFAULT_LIMIT = 20;
    public static final int NACE_MAX_LIMIT = 50;

    /** A NACE Rev.2 activity, labelled in English. */
    public record NaceCode(String code, String label) {
    }

    public record NutsRegion(String code, String name, int level, String country) {
    }

    private final Database db;

    @Activate
    public ReferenceData(@Reference Database db) {
        this.db = db;
    }

    /**
     * Activities whose code starts with the query or whose label contains it, by code.
     *
     * @param limit at most {@link #NACE_MAX_LIMIT}; {@code null} for {@link #NACE_DEFAULT_LIMIT}
     */
    public List<NaceCode> nace(String query, Integer limit) {
        new Validator().that(limit == null || limit >= 1, "limit", "must be 1 or more").check();
        int max = limit == null ? NACE_DEFAULT_LIMIT : Math.min(limit, NACE_MAX_LIMIT);
        String q = Validator.text(query);
        Where w = new Where();
        if (q != null) {
            w.and("code LIKE ? ESCAPE '\\' OR lower(label_en) LIKE ? ESCAPE '\\'",
                    Sql.likePrefix(q.toUpperCase(Locale.ROOT)), Jdbc.likeContains(q));
        }
        return db.read(c -> Jdbc.query(c, "SELECT code, label_en FROM nace_codes" + w.sql() + " ORDER BY code LIMIT ?",
                rs -> new NaceCode(rs.getString("code"), rs.getString("label_en")), w.params(max)));
    }

    /** Regions of a country and/or level, by code; no filter lists them all. */
    public List<NutsRegion> nuts(String country, Integer level) {
        String cc = Inputs.code(country);
        new Validator().country("country", cc)
                .that(level == null || level >= 0 && level <= 3, "level", "must be 0, 1, 2 or 3")
                .check();
        Where w = new Where().andIf(cc != null, "country = ?", cc).andIf(level != null, "level = ?", level);
        return db.read(c -> Jdbc.query(c, "SELECT code, name, level, country FROM nuts_regions" + w.sql() + " ORDER BY code",
                rs -> new NutsRegion(rs.getString("code"), rs.getString("name"), rs.getInt("level"),
                        rs.getString("country").strip()),
                w.params()));
    }
}
