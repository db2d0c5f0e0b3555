package eu.danubia.matching.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DanubIA matching engine",
        description = "Offline AI matching: index size thresholds and the weights of the ranking signals")
public @interface MatchingConfig {

    String PID = "eu.danubia.matching";

    @AttributeDefinition(description = "Up to this many candidate profiles the nearest-neighbour search compares all of them (exact); beyond it Lucene HNSW")
    int exactScanMax() default 20000;

    @AttributeDefinition(description = "HNSW candidates per search (higher: better recall, slower)")
    int efSearch() default 100;

    @AttributeDefinition(description = "ONNX Runtime threads per model run (0 = all cores)")
    int threads() default 0;

    @AttributeDefinition(description = "Load the models and embed the reference texts in the background after start (false: on first use)")
    boolean warmUp() default true;

    @AttributeDefinition(description = "Profile ranking: weight of the semantic similarity (embeddings)")
    double semanticWeight() default 0.40;

    @AttributeDefinition(description = "Profile ranking: weight of the lexical (BM25) similarity")
    double lexicalWeight() default 0.15;

    @AttributeDefinition(description = "Profile ranking: weight of shared keywords")
    double keywordsWeight() default 0.15;

    @AttributeDefinition(description = "Profile ranking: weight of related NACE codes")
    double naceWeight() default 0.10;

    @AttributeDefinition(description = "Profile ranking: weight of a supplier-customer relation of the NACE divisions")
    double valueChainWeight() default 0.05;

    @AttributeDefinition(description = "Profile ranking: weight of a partner abroad (more when in the target countries)")
    double crossBorderWeight() default 0.10;

    @AttributeDefinition(description = "Profile ranking: weight of recently updated profiles")
    double recencyWeight() default 0.05;

    @AttributeDefinition(description = "Profile ranking: the recency signal halves every this many days")
    int recencyHalfLifeDays() default 90;

    @AttributeDefinition(description = "Call ranking: weight of the semantic signal (tuned on dev.tsv, see docs/matching.md)")
    double callSemanticWeight() default 14.0;

    @AttributeDefinition(description = "Call ranking: weight of the BM25 signal")
    double callLexicalWeight() default 2.0;

    @AttributeDefinition(description = "Call ranking: weight of the votes of similar funded projects")
    double callSimilarProjectsWeight() default 1.0;

    @AttributeDefinition(description = "Call ranking: weight of the votes pooled by topic family")
    double callSimilarFamiliesWeight() default 1.0;

    @AttributeDefinition(description = "Call ranking: weight of the year's share of funded projects")
    double callYearPriorWeight() default 0.5;

    @AttributeDefinition(description = "Call ranking: weight of the family-and-year share of funded projects")
    double callFamilyYearPriorWeight() default 0.5;

    @AttributeDefinition(description = "Call ranking: weight of the call's share of funded projects")
    double callPriorWeight() default 0.6;
}
