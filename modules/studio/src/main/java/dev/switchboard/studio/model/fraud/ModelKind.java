package dev.switchboard.studio.model.fraud;

import java.util.Locale;

/** The fraud models: two tree ensembles and the linear baseline they must beat. */
public enum ModelKind {
    RANDOM_FOREST("rf"),
    GRADIENT_BOOSTED_TREES("gbt"),
    LOGISTIC_REGRESSION("lr");

    private final String code;

    ModelKind(String code) {
        this.code = code;
    }

    /** The short name of the CLI: {@code rf}, {@code gbt}, {@code lr}. */
    public String code() {
        return code;
    }

    /** The kind of a CLI name; IllegalArgumentException for anything else. */
    public static ModelKind ofCode(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (ModelKind k : values()) {
            if (k.code.equals(c)) {
                return k;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not a model: rf, gbt or lr");
    }
}
