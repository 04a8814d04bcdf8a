package dev.switchboard.calltaking.engine.entities;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word lists for the condition and danger types: {@link EntityType#INJURY}, {@link EntityType#BREATHING},
 * {@link EntityType#CONSCIOUS}, {@link EntityType#WEAPON}, {@link EntityType#HAZARD}. Each phrase maps to a
 * normalised value; a phrase that already carries its negation ("stopped breathing", "unarmed") is fixed, others
 * flip when negated ("not breathing" is {@code no}, "no weapons" is {@code none}).
 */
final class Clues {

    /** One phrase's meaning; {@code type == null} means "not a clue" (e.g. "fire department"). */
    record Clue(EntityType type, String value, boolean fixed, double confidence) {
    }

    private static final int MAX_TOKENS = 5;
    private static final Map<String, Clue> PHRASES = new HashMap<>();

    static {
        // injuries
        for (String s : List.of("bleeding", "bleeding badly", "bleeding heavily", "bleeding a lot", "blood",
                "lots of blood", "lot of blood", "bloody", "blood everywhere", "hemorrhaging")) {
            put(s, EntityType.INJURY, "bleeding", 0.85);
        }
        for (String part : List.of("leg", "arm", "wrist", "ankle", "hip", "nose", "ribs", "collarbone", "hand",
                "foot", "finger", "neck", "back", "jaw", "shoulder", "knee")) {
            String v = "broken " + part;
            for (String pre : List.of("broken ", "broke his ", "broke her ", "broke my ", "broke their ",
                    "fractured ", "fractured his ", "fractured her ")) {
                put(pre + part, EntityType.INJURY, v, 0.9);
            }
            for (String post : List.of(" is broken", " looks broken", " is fractured", " might be broken",
                    " seems broken", " is bent")) {
                put(part + post, EntityType.INJURY, v, 0.85);
            }
        }
        put("broken rib", EntityType.INJURY, "broken ribs", 0.9);
        for (String s : List.of("broken bone", "broken bones", "fracture", "fractured", "broke something")) {
            put(s, EntityType.INJURY, "fracture", 0.8);
        }
        for (String s : List.of("burned", "burnt", "burns", "burn", "scalded", "badly burned")) {
            put(s, EntityType.INJURY, "burns", 0.8);
        }
        for (String s : List.of("head injury", "head wound", "hit his head", "hit her head", "hit my head",
                "banged his head", "banged her head", "hurt his head", "hurt her head", "head is bleeding",
                "cracked his head", "hit their head")) {
            put(s, EntityType.INJURY, "head injury", 0.85);
        }
        for (String s : List.of("a cut", "deep cut", "cuts", "laceration", "cut himself", "cut herself",
                "cut myself", "cut his", "cut her")) {
            put(s, EntityType.INJURY, "cut", 0.75);
        }
        for (String s : List.of("stabbed", "stab wound", "stab wounds", "knifed")) {
            put(s, EntityType.INJURY, "stab wound", 0.9);
        }
        for (String s : List.of("been shot", "got shot", "was shot", "shot him", "shot her", "gunshot wound",
                "shot in the", "is shot")) {
            put(s, EntityType.INJURY, "gunshot wound", 0.85);
        }
        for (String s : List.of("hurt", "injured", "injuries", "injury", "wounded", "hurting", "badly hurt",
                "seriously hurt", "seriously injured")) {
            put(s, EntityType.INJURY, "injured", 0.75);
        }
        for (String s : List.of("unhurt", "uninjured", "nobody is hurt", "nobodys hurt", "no one is hurt",
                "no one hurt", "nobody hurt", "no one is injured", "nobody is injured", "no injuries")) {
            fixed(s, EntityType.INJURY, "none", 0.85);
        }
        for (String s : List.of("blood pressure", "blood sugar", "blood type", "hurt my feelings")) {
            ignore(s);
        }

        // breathing
        for (String s : List.of("breathing", "still breathing", "breathing normally", "breathing fine",
                "breathing okay", "breathing ok", "he is breathing", "she is breathing", "breathes", "breathin")) {
            put(s, EntityType.BREATHING, "yes", 0.85);
        }
        for (String s : List.of("stopped breathing", "quit breathing", "no longer breathing", "not breathing",
                "isnt breathing", "is not breathing", "no breathing", "hes not breathing", "shes not breathing",
                "not breathe", "doesnt breathe", "not breath", "no breath")) {
            fixed(s, EntityType.BREATHING, "no", 0.9);
        }
        for (String s : List.of("gasping", "gasping for air", "gasping for breath", "struggling to breathe",
                "struggling to breath", "trouble breathing", "difficulty breathing", "hard time breathing",
                "hard to breathe", "cant breathe", "cannot breathe", "can not breathe", "cant breath",
                "short of breath", "shortness of breath", "wheezing", "breathing funny", "breathing weird",
                "breathing strangely", "breathing strange", "breathing heavily", "breathing fast",
                "breathing very fast", "breathing shallow", "barely breathing", "choking", "turning blue",
                "lips are blue", "blue lips", "gurgling", "breathing badly", "breathing really fast",
                "breathing hard", "struggling for breath", "hardly breathing")) {
            put(s, EntityType.BREATHING, "abnormal", 0.8);
        }

        // consciousness
        for (String s : List.of("unconscious", "passed out", "knocked out", "blacked out", "unresponsive",
                "out cold", "fainted", "wont wake up", "will not wake up", "not waking up", "cant wake him",
                "cant wake her", "cant wake him up", "cant wake her up", "doesnt respond", "does not respond",
                "not responding", "isnt responding", "not responsive", "not conscious", "isnt conscious",
                "lost consciousness", "not awake", "wont respond", "not moving", "isnt moving")) {
            fixed(s, EntityType.CONSCIOUS, "no", s.contains("moving") ? 0.6 : 0.9);
        }
        for (String s : List.of("conscious", "awake", "responsive", "responding", "alert", "came to", "came round",
                "woke up", "is talking", "hes talking", "shes talking", "talking to me", "eyes are open",
                "eyes open", "coming around", "coming round")) {
            put(s, EntityType.CONSCIOUS, "yes", 0.8);
        }

        // weapons
        for (String s : List.of("knife", "knives", "kitchen knife", "blade", "box cutter", "a cutter", "switchblade",
                "pocket knife", "big knife")) {
            put(s, EntityType.WEAPON, "knife", 0.9);
        }
        for (String s : List.of("gun", "guns", "pistol", "handgun", "revolver", "firearm", "rifle", "shotgun",
                "hand gun")) {
            put(s, EntityType.WEAPON, "gun", 0.9);
        }
        for (String s : List.of("shots fired", "gunshots", "gunshot", "gun shots", "gunfire", "shooting",
                "shots")) {
            put(s, EntityType.WEAPON, "gun", 0.7);
        }
        for (String s : List.of("bat", "baseball bat", "metal bat", "golf club", "wooden bat")) {
            put(s, EntityType.WEAPON, "bat", 0.85);
        }
        for (String s : List.of("machete", "sword", "katana", "hammer", "crowbar", "axe", "hatchet", "scissors")) {
            put(s, EntityType.WEAPON, s.equals("katana") ? "sword" : s, 0.85);
        }
        for (String s : List.of("broken bottle", "metal pipe", "iron pipe", "steel pipe", "lead pipe")) {
            put(s, EntityType.WEAPON, s.endsWith("bottle") ? "bottle" : "pipe", 0.8);
        }
        for (String s : List.of("weapon", "weapons", "armed")) {
            put(s, EntityType.WEAPON, "weapon", 0.75);
        }
        for (String s : List.of("unarmed", "no weapons", "no weapon", "not armed", "empty handed")) {
            fixed(s, EntityType.WEAPON, "none", 0.85);
        }
        for (String s : List.of("bat an eye", "butter knife", "water gun", "nail gun", "glue gun")) {
            ignore(s);
        }

        // hazards
        for (String s : List.of("fire", "fires", "on fire", "flames", "flame", "burning", "blaze", "caught fire",
                "in flames", "engulfed")) {
            put(s, EntityType.HAZARD, "fire", 0.85);
        }
        for (String s : List.of("smoke", "smoky", "smell smoke", "black smoke", "thick smoke", "smoke everywhere")) {
            put(s, EntityType.HAZARD, "smoke", 0.85);
        }
        for (String s : List.of("gas", "gas leak", "smell gas", "smells like gas", "gas smell", "smell of gas",
                "propane", "leaking gas")) {
            put(s, EntityType.HAZARD, "gas", 0.85);
        }
        for (String s : List.of("flood", "flooding", "flooded", "water rising", "water is rising",
                "water everywhere", "water coming in", "drowning", "underwater", "under water")) {
            put(s, EntityType.HAZARD, "flood", 0.8);
        }
        for (String s : List.of("chemical", "chemicals", "toxic", "fumes", "acid", "ammonia", "bleach", "hazmat",
                "hazardous material", "hazardous materials", "chemical smell")) {
            put(s, EntityType.HAZARD, "chemical", 0.8);
        }
        for (String s : List.of("power line", "power lines", "powerline", "powerlines", "live wire", "live wires",
                "downed lines", "electric wires", "electrical wires", "wires down", "sparking", "sparks",
                "electric cable", "electrical cable")) {
            put(s, EntityType.HAZARD, "power lines", 0.8);
        }
        for (String s : List.of("fuel leak", "leaking fuel", "petrol", "gasoline", "diesel", "fuel leaking",
                "leaking petrol", "fuel everywhere")) {
            put(s, EntityType.HAZARD, "fuel", 0.8);
        }
        for (String s : List.of("explosion", "exploded", "blast", "blew up", "explode", "bang")) {
            put(s, EntityType.HAZARD, "explosion", s.equals("bang") ? 0.5 : 0.85);
        }
        for (String s : List.of("building collapsed", "roof collapsed", "ceiling collapsed", "house collapsed",
                "wall collapsed", "caved in", "collapsed building", "building has collapsed", "bridge collapsed",
                "structural collapse", "roof fell in", "ceiling fell")) {
            put(s, EntityType.HAZARD, "collapse", 0.85);
        }
        for (String s : List.of("no fire", "no smoke", "no hazards", "nothing dangerous", "no gas")) {
            fixed(s, EntityType.HAZARD, "none", 0.8);
        }
        for (String s : List.of("fire department", "fire truck", "fire trucks", "fire engine", "fire engines",
                "fire brigade", "fire station", "fire fighters", "fire fighter", "firefighters", "firefighter",
                "fire alarm", "fire extinguisher", "fire exit", "fire hydrant", "fire service", "gas station",
                "smoke alarm", "smoke detector", "cease fire", "out of gas", "water bottle", "drink of water",
                "glass of water", "some water", "fire escape", "gas stove", "gas bill", "a bang", "big bang")) {
            ignore(s);
        }
    }

    private Clues() {
    }

    private static void put(String phrase, EntityType type, String value, double confidence) {
        PHRASES.put(phrase, new Clue(type, value, false, confidence));
    }

    private static void fixed(String phrase, EntityType type, String value, double confidence) {
        PHRASES.put(phrase, new Clue(type, value, true, confidence));
    }

    private static void ignore(String phrase) {
        PHRASES.put(phrase, new Clue(null, null, true, 0));
    }

    /** Finds clues left to right, longest phrase first; skips blocked tokens. */
    static void find(Tokens t, boolean[] blocked, Context ctx, List<ExtractedEntity> out) {
        int i = 0;
        while (i < t.size) {
            if (blocked[i]) {
                i++;
                continue;
            }
            Clue clue = null;
            int to = i;
            int max = Math.min(t.size, i + MAX_TOKENS);
            for (int j = max; j > i; j--) {
                Clue c = PHRASES.get(t.join(i, j, " "));
                if (c != null) {
                    clue = c;
                    to = j;
                    break;
                }
            }
            if (clue == null) {
                i++;
                continue;
            }
            boolean free = true;
            for (int k = i; k < to; k++) {
                free &= !blocked[k];
            }
            if (clue.type() != null && free) {
                ExtractedEntity e = judge(t, ctx, clue, i, to);
                if (e != null) {
                    out.add(e);
                }
            }
            i = to;
        }
    }

    private static ExtractedEntity judge(Tokens t, Context ctx, Clue clue, int from, int to) {
        if (ctx.question(from)) {
            return null;
        }
        String value = clue.value();
        double conf = clue.confidence();
        boolean unknown = ctx.unknown(from);
        if (unknown) {
            value = "unknown";
            conf = 0.5;
        } else if (ctx.conditional(from)) {
            return null;
        } else if (!clue.fixed() && ctx.negated(from)) {
            value = negate(clue.type(), value);
            if (value == null) {
                return null;
            }
            conf *= 0.95;
        }
        if (!unknown && ctx.hedged(from)) {
            conf *= 0.6;
        }
        return new ExtractedEntity(clue.type(), value, t.span(from, to), t.start[from], t.end[to - 1],
                Math.round(conf * 100) / 100.0);
    }

    private static String negate(EntityType type, String value) {
        return switch (type) {
            case BREATHING -> value.equals("yes") ? "no" : value.equals("abnormal") ? "yes" : null;
            case CONSCIOUS -> value.equals("yes") ? "no" : "yes";
            case INJURY, WEAPON, HAZARD -> "none";
            default -> null;
        };
    }
}
