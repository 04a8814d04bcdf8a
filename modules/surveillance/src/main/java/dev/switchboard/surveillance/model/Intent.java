package dev.switchboard.surveillance.model;

/** What a question asks for; the NLP engine picks one, with a confidence. */
public enum Intent {
    SEARCH("search events"),
    COUNT("count"),
    COMPARE("compare periods"),
    SUMMARISE("summarise a period"),
    UNUSUAL("anything unusual"),
    REFINE("refine the last search"),
    SHOW_CLIP("show a clip"),
    NEAR_INCIDENT("events near an incident"),
    ATTACH("attach to an incident"),
    TRACK("track across cameras"),
    EXPLAIN("explain a result"),
    REMEMBER("remember a fact"),
    FORGET("forget"),
    HELP("help"),
    SMALL_TALK("small talk"),
    OUT_OF_SCOPE("out of scope");

    private final String label;

    Intent(String label) {
        this.label = label;
    }

    /** In words, for the answer's header and the CLI. */
    public String label() {
        return label;
    }

    /** The lower-case code of the CLI's JSON, e.g. {@code near-incident}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
