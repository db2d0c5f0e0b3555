package eu.danubia.matching.internal.sectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the register's short English labels ("Manuf.of oth.food pr.nec") into words a sentence model
 * and a stemmer know ("manufacture of other food products not elsewhere classified").
 *
 * <p>The SK code list cuts every English label to 24 characters. The table below was written by
 * reading all 646 labels of {@code shared/data/nace/sk-nace-rev2.json} against the NACE Rev.2 class
 * titles; where an abbreviation means different things in different labels, a phrase rule resolves it
 * before the word table applies. A handful of labels are not abbreviated but wrong (the English text
 * names another class, or two codes share one label); {@link #CORRECTIONS} replaces those, with the
 * Slovak label, which is right, as the witness. The original label is kept for display.
 */
public final class LabelExpansion {

    /** Abbreviations whose meaning depends on their neighbours; applied first, in order, to the lower-cased label. */
    private static final String[][] PHRASES = {
        {"\\bn\\.?e\\.?c\\b\\.?", " not elsewhere classified "},
        {"\\bm\\.v\\.", " motor vehicles "},
        {"\\bmot\\.pictu\\.", " motion picture "},
        {"\\bmus\\.publ\\.", " music publishing "},
        {"\\bci\\.eng\\.pr\\.", " civil engineering projects "},
        {"\\but\\.pr\\.", " utility projects "},
        {"\\bwitho\\.ac\\b", " without accommodation "},
        {"\\bpost\\.ac\\.", " postal activities "},
        {"\\bme\\.or\\.", " metal ores "},
        {"\\bre\\.est\\.", " real estate "},
        {"\\bbuild\\.plas\\.", " building plaster "},
        {"\\b(crop|metal|picture) prod\\.", " $1 production "},
        {"\\banim\\.prod\\.", " animal production "},
        {"\\b(goods|serv\\.) prod\\.", " $1 producing "},
        {"\\bfarm\\.an\\b", " farm animals "},
        {"\\borg\\.chemicals\\b", " organic chemicals "},
        {"\\bprefabr\\.builders\\b", " prefabricated building elements "},
        {"\\bmachin\\.tools\\b", " machine tools "},
        {"\\bfor electr\\b", " for electricity "},
        {"\\binfo\\.techn\\.", " information technology "},
        {"\\bmusic record\\.", " music recordings "},
        {"\\bload\\.elect\\.boards\\b", " loaded electronic boards "},
        {"\\bel\\.light\\.", " electric lighting "},
        {"\\blight\\.equip\\b", " lighting equipment "},
    };

    /** Word abbreviations of the labels (lower case, without the dot) and what they stand for. */
    static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("accom", "accommodation"), Map.entry("accomod", "accommodation"),
            Map.entry("act", "activities"), Map.entry("activ", "activities"), Map.entry("activit", "activities"),
            Map.entry("admin", "administrative"), Map.entry("administr", "administration"),
            Map.entry("agen", "agencies"), Map.entry("agric", "agricultural"), Map.entry("agricul", "agricultural"),
            Map.entry("agricult", "agricultural"), Map.entry("anim", "animals"), Map.entry("appa", "apparel"),
            Map.entry("appar", "apparel"), Map.entry("appl", "appliances"), Map.entry("applia", "appliances"),
            Map.entry("applian", "appliances"), Map.entry("ar", "articles"), Map.entry("art", "articles"),
            Map.entry("arti", "articles"), Map.entry("assem", "assembled"), Map.entry("automot", "automotive"),
            Map.entry("aux", "auxiliary"), Map.entry("bas", "basic"), Map.entry("beaut", "beauty"),
            Map.entry("bev", "beverages"), Map.entry("biotechnol", "biotechnology"), Map.entry("broadc", "broadcasting"),
            Map.entry("buil", "building"), Map.entry("build", "building"), Map.entry("busin", "business"),
            Map.entry("buy", "buying"), Map.entry("cabl", "cables"), Map.entry("carp", "carpentry"),
            Map.entry("cast", "casting"), Map.entry("centr", "central"), Map.entry("cer", "ceramic"),
            Map.entry("ceram", "ceramic"), Map.entry("chem", "chemical"), Map.entry("chemic", "chemicals"),
            Map.entry("chochol", "chocolate"), Map.entry("cl", "cleaning"), Map.entry("clean", "cleaning"),
            Map.entry("coll", "collection"), Map.entry("collect", "collection"), Map.entry("comb", "combined"),
            Map.entry("comm", "communication"), Map.entry("commun", "communication"), Map.entry("comod", "commodity"),
            Map.entry("comp", "computer"), Map.entry("cool", "cooling"), Map.entry("compon", "components"), Map.entry("compr", "compressors"),
            Map.entry("compuls", "compulsory"), Map.entry("concr", "concrete"), Map.entry("conr", "concrete"),
            Map.entry("cond", "air-conditioning"), Map.entry("condit", "conditioning"), Map.entry("cons", "construction"),
            Map.entry("const", "construction"), Map.entry("constr", "construction"), Map.entry("consu", "consumer"),
            Map.entry("consum", "consumer"), Map.entry("consume", "catering"), Map.entry("contrac", "contracts"),
            Map.entry("develop", "development"), Map.entry("distr", "distribution"), Map.entry("distrib", "distribution"),
            Map.entry("distribut", "distribution"), Map.entry("dom", "domestic"), Map.entry("domest", "domestic"),
            Map.entry("ed", "education"), Map.entry("educ", "education"), Map.entry("educa", "education"),
            Map.entry("el", "electrical"), Map.entry("elect", "electrical"), Map.entry("electr", "electrical"),
            Map.entry("empl", "employment"), Map.entry("emplo", "employers"), Map.entry("employ", "employers"),
            Map.entry("eng", "engineering"), Map.entry("eq", "equipment"), Map.entry("equ", "equipment"),
            Map.entry("equi", "equipment"), Map.entry("equip", "equipment"), Map.entry("equipm", "equipment"),
            Map.entry("erderly", "elderly"), Map.entry("est", "estate"), Map.entry("esta", "estate"),
            Map.entry("extr", "extraction"), Map.entry("extract", "extraction"), Map.entry("extrater", "extraterritorial"),
            Map.entry("fabr", "fabricated"), Map.entry("facilit", "facilities"), Map.entry("fertil", "fertiliser"),
            Map.entry("figh", "fighting"), Map.entry("fin", "financial"), Map.entry("finan", "financial"),
            Map.entry("furnit", "furniture"), Map.entry("gather", "gathering"), Map.entry("ge-purp", "general-purpose"),
            Map.entry("gener", "general"), Map.entry("glas", "glass"), Map.entry("go", "goods"),
            Map.entry("grow", "growing"), Map.entry("hairdres", "hairdressing"), Map.entry("hardw", "hardware"),
            Map.entry("hazard", "hazardous"), Map.entry("heat", "heating"), Map.entry("histor", "historical"),
            Map.entry("hobies", "hobby"), Map.entry("holliday", "holiday"), Map.entry("homogenis", "homogenised"),
            Map.entry("hous", "household"), Map.entry("house", "household"), Map.entry("househ", "household"),
            Map.entry("imitat", "imitation"), Map.entry("inc", "incidental"), Map.entry("ind", "industry"),
            Map.entry("indrstr", "industrial"), Map.entry("indust", "industrial"), Map.entry("industr", "industrial"),
            Map.entry("info", "information"), Map.entry("infor", "information"), Map.entry("inorg", "inorganic"),
            Map.entry("inst", "installation"), Map.entry("install", "installation"), Map.entry("instit", "institutional"),
            Map.entry("instrum", "instruments"), Map.entry("intellect", "intellectual"), Map.entry("intermed", "intermediate"),
            Map.entry("jewel", "jewellery"), Map.entry("knit", "knitted"), Map.entry("laborat", "laboratory"),
            Map.entry("leas", "leasing"), Map.entry("load", "loaded"), Map.entry("ma", "manufacture"),
            Map.entry("mach", "machinery"), Map.entry("machin", "machinery"), Map.entry("magn", "magnetic"),
            Map.entry("man", "manufacture"), Map.entry("man-made", "man-made"), Map.entry("managem", "management"), Map.entry("manu", "manufacture"),
            Map.entry("manuf", "manufacture"), Map.entry("manufac", "manufacture"), Map.entry("manufact", "manufacture"),
            Map.entry("mat", "materials"), Map.entry("mater", "materials"), Map.entry("measur", "measuring"),
            Map.entry("medi", "medical"), Map.entry("medic", "medical"), Map.entry("members", "membership"),
            Map.entry("ment", "mental"), Map.entry("met", "metal"), Map.entry("metallur", "metallurgy"),
            Map.entry("milit", "military"), Map.entry("min", "mining"), Map.entry("miner", "minerals"),
            Map.entry("monet", "monetary"), Map.entry("mot", "motor"), Map.entry("motorcyc", "motorcycles"),
            Map.entry("movem", "movement"), Map.entry("n-hazard", "non-hazardous"), Map.entry("n-sp", "non-specialised"),
            Map.entry("narr", "narrow"), Map.entry("nucle", "nuclear"), Map.entry("nat", "natural"), Map.entry("nec", "not elsewhere classified"),
            Map.entry("non-dist", "non-distilled"), Map.entry("non-dom", "non-domestic"), Map.entry("non-el", "non-electric"),
            Map.entry("non-fer", "non-ferrous"), Map.entry("non-ferr", "non-ferrous"), Map.entry("non-hazard", "non-hazardous"),
            Map.entry("non-met", "non-metallic"), Map.entry("non-per", "non-perennial"), Map.entry("non-res", "non-residential"),
            Map.entry("non-spec", "non-specialised"), Map.entry("non-tertiar", "non-tertiary"), Map.entry("obli", "obligation"),
            Map.entry("off", "office"), Map.entry("offic", "office"), Map.entry("oleagin", "oleaginous"),
            Map.entry("oper", "operation"), Map.entry("operat", "operation"), Map.entry("operatio", "operation"),
            Map.entry("opt", "optical"), Map.entry("optic", "optical"), Map.entry("org", "organisations"),
            Map.entry("organis", "organisations"), Map.entry("organisat", "organisation"), Map.entry("ot", "other"),
            Map.entry("oth", "other"), Map.entry("pack", "packaging"), Map.entry("packag", "packaging"),
            Map.entry("parq", "parquet"), Map.entry("pass", "passenger"), Map.entry("passen", "passenger"),
            Map.entry("passeng", "passenger"), Map.entry("peren", "perennial"), Map.entry("perform", "performing"),
            Map.entry("perfum", "perfume"), Map.entry("person", "personal"), Map.entry("petrol", "petroleum"),
            Map.entry("pharm", "pharmaceutical"), Map.entry("pharmaceut", "pharmaceutical"), Map.entry("pict", "picture"),
            Map.entry("pictu", "picture"), Map.entry("pipel", "pipeline"), Map.entry("pl", "plastic"),
            Map.entry("placem", "placement"), Map.entry("plas", "plastic"), Map.entry("plast", "plastic"),
            Map.entry("post-prod", "post-production"), Map.entry("post-sec", "post-secondary"), Map.entry("pow-dr", "power-driven"),
            Map.entry("pr", "products"), Map.entry("pract", "practice"), Map.entry("predomi", "predominating"),
            Map.entry("prefabr", "prefabricated"), Map.entry("prepa", "preparations"), Map.entry("prepar", "prepared"),
            Map.entry("preparat", "preparation"), Map.entry("proc", "processing"), Map.entry("proces", "processing"),
            Map.entry("process", "processing"), Map.entry("prod", "products"), Map.entry("produc", "production"),
            Map.entry("profess", "professional"), Map.entry("profession", "professional"), Map.entry("progr", "programming"),
            Map.entry("project", "projection"), Map.entry("prop", "property"), Map.entry("propagat", "propagation"),
            Map.entry("provis", "provision"), Map.entry("publ", "public"), Map.entry("publish", "publishing"),
            Map.entry("quarry", "quarrying"), Map.entry("quarryi", "quarrying"), Map.entry("radiat", "radiators"),
            Map.entry("railw", "railway"), Map.entry("rais", "raising"), Map.entry("ready-mix", "ready-mixed"),
            Map.entry("recor", "recording"), Map.entry("record", "recorded"), Map.entry("recreat", "recreational"),
            Map.entry("refin", "refined"), Map.entry("refract", "refractory"), Map.entry("rent", "renting"),
            Map.entry("rep", "repair"), Map.entry("reprod", "reproduction"), Map.entry("reserv", "reservation"),
            Map.entry("resid", "residential"), Map.entry("residen", "residential"), Map.entry("resident", "residential"),
            Map.entry("resourc", "resources"), Map.entry("ret", "retail"), Map.entry("retard", "retardation"),
            Map.entry("rolli", "rolling"), Map.entry("rub", "rubber"), Map.entry("rubb", "rubber"),
            Map.entry("sanit", "sanitary"), Map.entry("sc", "sciences"), Map.entry("scienc", "sciences"),
            Map.entry("sec-hand", "second-hand"), Map.entry("secon", "secondary"), Map.entry("second", "secondary"),
            Map.entry("secur", "security"), Map.entry("sell", "selling"), Map.entry("serv", "service"),
            Map.entry("servat", "service"), Map.entry("simil", "similar"), Map.entry("soc", "social"),
            Map.entry("sp-p", "special-purpose"), Map.entry("spec", "specialised"), Map.entry("special", "specialist"),
            Map.entry("sport", "sports"), Map.entry("stationry", "stationery"), Map.entry("stud", "student"),
            Map.entry("sup", "support"), Map.entry("supp", "support"), Map.entry("synth", "synthetic"),
            Map.entry("te", "textile"), Map.entry("tech", "technical"), Map.entry("techn", "technical"),
            Map.entry("technic", "technical"), Map.entry("telecom", "telecommunications"), Map.entry("telecomm", "telecommunications"),
            Map.entry("telecommun", "telecommunications"), Map.entry("telecommunic", "telecommunications"),
            Map.entry("telecommunicat", "telecommunications"), Map.entry("teleph", "telephone"), Map.entry("telev", "television"),
            Map.entry("temp", "temporary"), Map.entry("text", "textile"), Map.entry("texti", "textiles"),
            Map.entry("textil", "textiles"), Map.entry("thor", "thorium"), Map.entry("tobac", "tobacco"),
            Map.entry("tr", "transport"), Map.entry("tra", "transport"), Map.entry("tran", "transport"),
            Map.entry("trans", "transport"), Map.entry("transmi", "transmission"), Map.entry("transmiss", "transmission"),
            Map.entry("transp", "transport"), Map.entry("un", "universal"), Map.entry("und", "under"),
            Map.entry("uran", "uranium"), Map.entry("util", "utility"), Map.entry("var", "various"),
            Map.entry("ve", "vehicles"), Map.entry("veg", "vegetable"), Map.entry("veget", "vegetables"),
            Map.entry("vegetab", "vegetables"), Map.entry("veh", "vehicles"), Map.entry("vehi", "vehicles"),
            Map.entry("vehic", "vehicles"), Map.entry("voc", "vocational"), Map.entry("was", "waste"), Map.entry("wat", "water"),
            Map.entry("wh", "wholesale"), Map.entry("wholes", "wholesale"), Map.entry("zoolog", "zoological"));

    /**
     * Labels that name another class or repeat a neighbour's label, by SK code, with the Slovak label
     * that shows what the code is.
     */
    static final Map<String, String> CORRECTIONS = Map.of(
            "01493", "Raising of pets and other domestic non-farm animals",        // Chov dom.neúžit.zvierat
            "10130", "Production of meat and poultry meat products",               // Spracov.mäsových výr.
            "30300", "Manufacture of aircraft and spacecraft",                     // Výroba lietadiel
            "55909", "Other short-stay accommodation",                             // Ubytovanie ost.dočasné
            "90040", "Operation of arts facilities, theatres and concert halls",   // Prevádzka kultúr.zariad.
            "56102", "School canteens and catering",                               // Zar.škol.stravovania
            "56101", "Restaurants and canteens");                                  // Jedálne

    private static final List<Pattern> PHRASE_PATTERNS;

    static {
        List<Pattern> p = new ArrayList<>();
        for (String[] rule : PHRASES) {
            p.add(Pattern.compile(rule[0]));
        }
        PHRASE_PATTERNS = List.copyOf(p);
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}'’]+(?:-[\\p{L}\\p{N}]+)*");

    private LabelExpansion() {
    }

    /** The label in words, lower case; the label's correction if it has one. */
    public static String expand(NaceLabel label) {
        String corrected = CORRECTIONS.get(label.code());
        return expand(corrected != null ? corrected : label.label());
    }

    /** A register label in words, lower case: abbreviations written out, commas and slashes read as "and". */
    public static String expand(String label) {
        String s = label.toLowerCase(Locale.ROOT);
        for (int i = 0; i < PHRASES.length; i++) {
            s = PHRASE_PATTERNS.get(i).matcher(s).replaceAll(PHRASES[i][1]);
        }
        s = s.replaceAll("\\s*[,/;]\\s*", " and ");
        StringBuilder out = new StringBuilder();
        Matcher m = WORD.matcher(s);
        while (m.find()) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(word(m.group()));
        }
        return out.toString().replaceAll("\\band and\\b", "and");
    }

    private static String word(String token) {
        String whole = WORDS.get(token);
        if (whole != null) {
            return whole;
        }
        if (token.indexOf('-') < 0) {
            return token;
        }
        StringBuilder b = new StringBuilder();
        for (String part : token.split("-")) {
            if (b.length() > 0) {
                b.append('-');
            }
            b.append(WORDS.getOrDefault(part, part));
        }
        return b.toString();
    }
}
