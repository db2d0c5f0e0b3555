package eu.danubia.matching.internal.embed;

/**
 * The sentence-embedding models the bundle ships (quantized ONNX files and their tokenizers from
 * langchain4j's Maven artifacts, see the README).
 */
public enum Model {

    /** all-MiniLM-L6-v2: mean pooling, symmetric (the same text form for queries and documents). */
    MINILM("all-minilm-l6-v2-q", Pooling.MEAN, "", 256),

    /** BGE-small-en-v1.5: [CLS] pooling; short queries get the retrieval instruction of its model card. */
    BGE("bge-small-en-v1.5-q", Pooling.CLS, "Represent this sentence for searching relevant passages: ", 512);

    /** How token vectors become one sentence vector. */
    public enum Pooling { MEAN, CLS }

    private final String file;
    private final Pooling pooling;
    private final String queryInstruction;
    private final int maxTokens;

    Model(String file, Pooling pooling, String queryInstruction, int maxTokens) {
        this.file = file;
        this.pooling = pooling;
        this.queryInstruction = queryInstruction;
        this.maxTokens = maxTokens;
    }

    public String onnxResource() {
        return "/models/" + file + ".onnx";
    }

    public String tokenizerResource() {
        return "/models/" + file + "-tokenizer.json";
    }

    public Pooling pooling() {
        return pooling;
    }

    public String queryInstruction() {
        return queryInstruction;
    }

    public int maxTokens() {
        return maxTokens;
    }
}
