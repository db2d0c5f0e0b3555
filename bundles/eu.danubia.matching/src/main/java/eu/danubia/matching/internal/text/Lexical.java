package eu.danubia.matching.internal.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * BM25 queries from user text. The text is analysed into terms and each term becomes a plain term
 * query, so nothing a user types is ever read as query syntax.
 */
public final class Lexical {

    /** Lucene refuses more than 1024 clauses (three fields × 256 stay below); a long text keeps its first terms. */
    static final int MAX_TERMS = 256;

    private Lexical() {
    }

    /** English: lower case, stop words, Porter stemming. */
    public static Analyzer analyzer() {
        return new EnglishAnalyzer();
    }

    /** The distinct analysed terms of a text, in order. */
    public static Set<String> terms(Analyzer analyzer, String field, String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < MAX_TERMS) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Any of the text's terms in any of the fields (field name → boost), or empty when the text has no
     * terms (only stop words or punctuation).
     */
    public static Optional<Query> query(Analyzer analyzer, String text, Map<String, Float> fields) {
        // the analyser treats every field alike, so the text is analysed once
        Set<String> terms = terms(analyzer, "text", text);
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Map.Entry<String, Float> f : fields.entrySet()) {
            for (String t : terms) {
                Query q = new TermQuery(new Term(f.getKey(), t));
                b.add(f.getValue() == 1f ? q : new BoostQuery(q, f.getValue()), BooleanClause.Occur.SHOULD);
            }
        }
        return Optional.of(b.build());
    }
}
