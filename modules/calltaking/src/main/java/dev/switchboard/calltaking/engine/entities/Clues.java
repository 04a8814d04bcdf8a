package dev.switchboard.calltaking.engine.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Word lists for the condition and danger types: {@link EntityType#INJURY}, {@link EntityType#BREATHING},
 * {@link EntityType#CONSCIOUS}, {@link EntityType#WEAPON}, {@link EntityType#HAZARD}. Each phrase maps to a
 * normalised value; a phrase that already carries its negation ("stopped breathing", "unarmed") is fixed, others
 * flip when negated ("not breathing" is {@code no}, "no weapons" is {@code none}). Words a recogniser mishears
 * ("breeding" for "breathing", "a wake" for "awake") and single-letter slips of the longer clue words
 * ("unconcious") are read as the clue word. Dangers said without their keyword ("the water is still rising", "the
 * building is smoking", "the ceiling came down") come from {@link Situations}.
 */
final class Clues {

    /** One phrase's meaning; {@code type == null} means "not a clue" (e.g. "fire department"). */
    record Clue(EntityType type, String value, boolean fixed, double confidence) {
    }

    /** A clue found at tokens {@code from..to}. */
    record Found(Clue clue, int from, int to) {
    }

    private static final int MAX_TOKENS = 7;
    private static final Map<String, Clue> PHRASES = new HashMap<>();
    /** Words recognisers write for a clue word. */
    private static final Map<String, String> SOUNDS_LIKE = Map.ofEntries(
            Map.entry("breeding", "breathing"), Map.entry("breathin", "breathing"), Map.entry("breething", "breathing"),
            Map.entry("breating", "breathing"), Map.entry("bleding", "bleeding"), Map.entry("bleeting", "bleeding"),
            Map.entry("bleating", "bleeding"), Map.entry("bleedin", "bleeding"), Map.entry("unconcious", "unconscious"),
            Map.entry("unconscience", "unconscious"), Map.entry("unconsious", "unconscious"),
            Map.entry("conscience", "conscious"), Map.entry("concious", "conscious"), Map.entry("nife", "knife"),
            Map.entry("knive", "knife"), Map.entry("smokes", "smoke"), Map.entry("smokin", "smoking"),
            Map.entry("flame's", "flames"), Map.entry("flamez", "flames"), Map.entry("weapon's", "weapons"),
            Map.entry("waters", "water"), Map.entry("stab", "stabbed"), Map.entry("stabed", "stabbed"),
            Map.entry("shootin", "shooting"), Map.entry("chokin", "choking"), Map.entry("gaspin", "gasping"),
            Map.entry("explosions", "explosion"), Map.entry("pistil", "pistol"), Map.entry("bloodys", "bloody"),
            Map.entry("injure", "injured"), Map.entry("unresponse", "unresponsive"), Map.entry("shooters", "shooter"));
    /** Common words that are one letter from a clue word but mean something else. */
    private static final Set<String> NOT_FUZZY = Set.of("bleeping", "breathe", "breaths", "reading", "breeze",
            "feeding", "leading", "needing", "seeding", "heading", "beading", "shooing", "booting", "looting",
            "shouting", "rooting", "hooting", "sporting", "stabbing", "scoring", "snorting", "boring", "pouring",
            "weaving", "weaning", "leaning", "bleating", "healing", "heating", "beating", "turning", "burying",
            "curing", "during", "smoked", "stoked", "spoken", "stroke", "strokes", "flamed", "blamed", "framed",
            "flares", "planes", "frames", "flakes", "awaked", "weapons", "firing", "hiring", "wiring", "tiring",
            "cooking", "grasping", "stubbed", "stabber", "clasping", "rasping", "wheeling", "breaching", "knocker",
            "shouter", "shoving", "chopping", "coking", "collapses", "sparkling", "exploded", "wounder", "gunshy");
    private static final Map<Integer, List<String>> FUZZY = new HashMap<>();

    static {
        // injuries
        for (String s : List.of("bleeding", "bleeding badly", "bleeding heavily", "bleeding a lot", "blood",
                "lots of blood", "lot of blood", "bloody", "blood everywhere", "hemorrhaging", "blood all over",
                "bleeding all over", "nosebleed", "bleeding bad", "bleeding real bad", "bleeding really bad")) {
            put(s, EntityType.INJURY, "bleeding", 0.85);
        }
        for (String part : List.of("leg", "arm", "wrist", "ankle", "hip", "nose", "ribs", "collarbone", "hand",
                "foot", "finger", "neck", "back", "jaw", "shoulder", "knee", "fingers", "elbow")) {
            String v = "broken " + part;
            for (String pre : List.of("broken ", "broke his ", "broke her ", "broke my ", "broke their ",
                    "fractured ", "fractured his ", "fractured her ", "fracture his ", "fracture her ",
                    "bone sticking out of his ",
                    "bone sticking out of her ", "bone sticking out of my ", "bone sticking out of the ",
                    "bone is sticking out of his ", "bone poking out of his ", "bone poking out of her ")) {
                put(pre + part, EntityType.INJURY, v, 0.9);
            }
            for (String post : List.of(" is broken", " looks broken", " is fractured", " might be broken", " broken",
                    " seems broken", " is bent", " is definitely broken", " is probably broken", " is broke",
                    " looks broke", " is all bent", " all bent", " is bent back", " is snapped", " snapped",
                    " is busted", " looks busted", " is bent the wrong way", " bent the wrong way")) {
                put(part + post, EntityType.INJURY, v, 0.85);
                // "his ankle's broken" as a recogniser writes it: "ankles broken"
                if (post.startsWith(" is ")) {
                    put(part + "s " + post.substring(4), EntityType.INJURY, v, 0.85);
                }
            }
            for (String post : List.of(" is all twisted", " is twisted", " is all messed up", " is messed up",
                    " looks messed up", " are all messed up", " are messed up", " hurts", " is hurting",
                    " is all mangled", " is mangled", " is crushed", " is swollen", " are all twisted",
                    " is all swollen", " all swollen", " is swelling up", " is all bruised", " is bruised")) {
                put(part + post, EntityType.INJURY, "injured", 0.75);
                if (post.startsWith(" is ")) {
                    // "her leg's messed up" as a recogniser writes it
                    put(part + "s " + post.substring(4), EntityType.INJURY, "injured", 0.75);
                }
            }
        }
        put("broken rib", EntityType.INJURY, "broken ribs", 0.9);
        for (String s : List.of("busted lip", "split lip", "lip is busted", "lips busted", "lip is split",
                "lip is bleeding", "black eye", "eye is swollen", "eye is all swollen", "lip busted")) {
            put(s, EntityType.INJURY, s.endsWith("bleeding") ? "bleeding" : "injured", 0.75);
        }
        for (String s : List.of("broken bone", "broken bones", "fracture", "fractured", "broke something",
                "bone sticking out", "bone is sticking out", "compound fracture")) {
            put(s, EntityType.INJURY, "fracture", 0.8);
        }
        for (String s : List.of("burned", "burnt", "burns", "burn", "scalded", "badly burned", "burned bad",
                "burned badly")) {
            put(s, EntityType.INJURY, "burns", 0.8);
        }
        for (String s : List.of("head injury", "head wound", "hit his head", "hit her head", "hit my head",
                "banged his head", "banged her head", "hurt his head", "hurt her head", "head is bleeding",
                "cracked his head", "hit their head", "bleeding from his head", "bleeding from her head",
                "bleeding from the head", "bleeding from my head", "head is split open", "head split open",
                "head is cracked open", "cracked her head", "cracked his head open", "cracked her head open",
                "head is busted open", "hit the back of his head", "hit the back of her head", "split his head open",
                "split her head open", "split my head open", "split his head", "split her head", "knot on his head",
                "knot on her head", "bump on his head", "bump on her head", "lump on his head", "lump on her head",
                "busted his head", "busted her head", "busted his head open", "busted her head open",
                "smashed his head", "smashed her head", "hit his head hard", "hit her head hard", "concussion",
                "concussed")) {
            put(s, EntityType.INJURY, "head injury", 0.85);
        }
        for (String s : List.of("a cut", "deep cut", "cuts", "laceration", "cut himself", "cut herself",
                "cut myself", "cut his", "cut her", "cut my", "gash", "cut up", "cut off", "cut open",
                "cut across", "cut me", "cut him", "sliced", "sliced open", "sliced his", "sliced her", "big cut",
                "bad cut", "nasty cut", "long cut", "huge cut", "little cut", "small cut", "deep gash", "big gash")) {
            put(s, EntityType.INJURY, "cut", 0.75);
        }
        for (String s : List.of("stabbed", "stab wound", "stab wounds", "knifed", "been stabbed", "got stabbed")) {
            put(s, EntityType.INJURY, "stab wound", 0.9);
        }
        for (String s : List.of("been shot", "got shot", "was shot", "shot him", "shot her", "gunshot wound",
                "shot in the", "is shot", "gunshot wounds", "were shot", "are shot", "get shot", "gets shot")) {
            put(s, EntityType.INJURY, "gunshot wound", 0.85);
        }
        for (String s : List.of("hurt", "injured", "injuries", "injury", "wounded", "hurting", "badly hurt",
                "seriously hurt", "seriously injured", "bites", "bite marks", "bitten", "hurt bad", "hurt badly",
                "critically injured", "bit him", "bit her", "bit me", "bit my", "bit his", "bit their")) {
            put(s, EntityType.INJURY, "injured", 0.75);
        }
        for (String s : List.of("dead", "died", "killed", "passed away", "deceased", "is dead", "are dead",
                "was killed", "got killed", "been killed", "not alive", "no longer alive", "isnt alive")) {
            put(s, EntityType.INJURY, "dead", 0.8);
        }
        for (String s : List.of("unhurt", "uninjured", "nobody is hurt", "nobodys hurt", "no one is hurt",
                "no one hurt", "nobody hurt", "no one is injured", "nobody is injured", "no injuries",
                "nobody got hurt", "no one got hurt", "nobody got hit", "no one got hit", "nobody was hurt",
                "no one was hurt", "nobody got shot", "no one got shot", "nobodys injured", "nobody was injured",
                "nobody injured", "everyones okay", "everybodys okay", "everyone is okay", "everybody is okay",
                "everyones fine", "everybodys fine", "everyone is fine", "everybody is fine",
                "everyones alright", "everybodys alright", "nobody got injured", "no one got injured",
                "no ones hurt", "no ones injured", "nobodys bleeding", "no one is bleeding", "nobody is bleeding",
                "not a scratch", "everybody is alright", "everyone is alright", "everyones ok", "everybodys ok")) {
            fixed(s, EntityType.INJURY, "none", 0.85);
        }
        for (String s : List.of("blood pressure", "blood sugar", "blood type", "hurt my feelings", "blood thinners",
                "blood thinner", "dead end", "dead battery", "dead body", "phone died", "phone is dead",
                "battery died", "dead bolt", "deadbolt", "dead set", "dead serious", "dead tired", "dead center",
                "dead ahead", "dead silent", "dead quiet", "dead stop", "killed it", "its dead", "it is dead",
                "burned toast", "burnt toast", "burned the", "burned dinner", "burned food", "burnt food",
                "burned popcorn", "burned some", "cut the", "cut through", "cut in", "cut out",
                "cut it", "cut off the", "cut him off", "cut me off", "cut her off", "cut us off", "dead drunk",
                "dying to", "smells burnt", "smells burned", "smell burnt", "smelled burnt", "smells like burnt",
                "burnt smell", "burned smell", "neck injury is", "phones dead", "phone dead", "phones dying",
                "phone is dying", "batterys dead", "battery is dead", "burns to breathe", "burns to", "it burns when",
                "shooting scene", "shot a video", "shot video", "shot some video", "shot a picture",
                "shot the video")) {
            ignore(s);
        }
        for (String s : List.of("shooting range", "shooting ranges", "gun range", "flu shot", "flu shots",
                "booster shot", "a shot of", "shot of", "shots of", "knife drawer", "knife block", "knife set",
                "nerf gun", "nerf guns", "water gun", "water guns", "glue gun", "heat gun", "gas fitter",
                "holding him down", "holding her down", "holding the guy down", "holding them down", "hold him down",
                "hold her down", "held him down", "held her down", "pinning him down", "pinned him down",
                "awake all night", "up all night", "stay awake", "heavy sleeper", "like burnt", "burnt plastic",
                "burnt rubber", "wont answer his phone", "wont answer her phone", "not answering his phone",
                "not answering her phone", "isnt answering his phone", "isnt answering her phone",
                "not answering the phone", "wont answer the phone", "not answering the door", "wont answer the door",
                "isnt answering the door", "feelings are hurt", "feelings hurt", "pride is hurt", "prides hurt",
                "killed the engine", "killed the lights", "wide awake", "shooting fireworks", "shooting off fireworks",
                "shooting off", "shoot fireworks", "knocked out the wall",
                "knocked out a wall", "knock out the wall", "knocked out the power", "knocked out the lights",
                "knocked out the window", "knocked out a window", "knocked out power", "knocked the power out")) {
            // look-alikes in real calls: a shot of tequila, the knife drawer, a neighbour holding the man down
            ignore(s);
        }

        // breathing
        for (String s : List.of("breathing", "still breathing", "breathing normally", "breathing fine",
                "breathing okay", "breathing ok", "breathes",
                "breathing now", "breathing again", "started breathing", "chest is going up and down",
                "chest going up and down", "chest is moving", "chest is rising", "chest is going up",
                "stomach moving", "stomach is moving", "belly moving", "belly is moving", "stomach going up and down",
                "chest moving")) {
            put(s, EntityType.BREATHING, "yes", 0.85);
        }
        for (String s : List.of("stopped breathing", "quit breathing", "no longer breathing", "not breathing",
                "isnt breathing", "is not breathing", "no breathing", "aint breathing",
                "not breathe", "doesnt breathe", "not breath", "no breath", "stopped breeding")) {
            fixed(s, EntityType.BREATHING, "no", 0.9);
        }
        for (String s : List.of("gasping", "gasping for air", "gasping for breath", "struggling to breathe",
                "struggling to breath", "trouble breathing", "difficulty breathing", "hard time breathing",
                "hard to breathe", "cant breathe", "cannot breathe", "can not breathe", "cant breath",
                "throats closing", "throat is closing", "throats closing up", "throat is closing up",
                "throat closing up", "throat swelling shut", "throats swelling", "throat is swelling",
                "short of breath", "shortness of breath", "wheezing", "breathing funny", "breathing weird",
                "breathing strangely", "breathing strange", "breathing heavily", "breathing fast",
                "breathing very fast", "breathing shallow", "barely breathing", "choking", "turning blue",
                "lips are blue", "blue lips", "gurgling", "breathing badly", "breathing really fast",
                "breathing hard", "struggling for breath", "hardly breathing", "snoring", "snoring sound",
                "turning purple", "lips are purple", "lips are kind of blue", "lips are kind of purple",
                "lips are turning blue", "lips are grey", "lips are gray", "face is blue", "hes blue", "shes blue",
                "breathing slow", "breathing real slow", "breathing really slow", "breathing very slow",
                "breathing is slow", "breathing is real slow", "breathing is really slow", "breathing real fast",
                "not breathing right", "isnt breathing right", "not breathing good", "not breathing normal",
                "not breathing normally", "not breathing well", "cant breathe good", "cant breathe right",
                "cant get air", "cant get his breath", "cant get her breath", "breathing irregular",
                "irregular breathing", "agonal", "breathing heavy", "breathing, fast", "breathing but fast",
                "breathing, slow", "breathing but slow", "snorting", "cant catch his breath", "cant catch her breath",
                "cant catch my breath", "cant catch their breath", "cant get his breath", "cant get her breath",
                "not getting air", "not getting enough air", "struggling to get air", "fighting for air",
                "fighting for breath", "breathing funny", "rattling", "rattly", "raspy", "labored",
                "labored breathing", "laboured breathing", "breathing is labored", "lips are turning purple",
                "lips turning blue", "lips turned blue", "lips going blue", "lips are going blue", "gasps", "gasp",
                "big gasps", "gasping breaths",
                "lips are going purple", "turned blue", "going blue", "turned purple", "going purple")) {
            put(s, EntityType.BREATHING, "abnormal", 0.8);
        }
        for (String adj : List.of("heavy", "heavily", "fast", "slow", "slowly", "loud", "loudly", "weird", "weirdly",
                "funny", "hard", "shallow", "strange", "strangely", "noisy", "wet", "bad", "badly", "rough",
                "irregular", "off", "raspy", "slow and shallow", "fast and shallow")) {
            for (String pre : List.of("", "real ", "really ", "so ", "very ", "kinda ", "kind of ", "pretty ",
                    "like ", "all ", "too ")) {
                for (String lead : List.of("breathing ", "breathing is ", "breathing sounds ", "breath is ",
                        "breath sounds ", "breaths are ", "breathing seems ", "breathing looks ", "breathing but its ",
                    "breathing but it is ", "breathing but hes ", "breathing but shes ")) {
                    put(lead + pre + adj, EntityType.BREATHING, "abnormal", 0.8);
                }
            }
        }
        for (String colour : List.of("blue", "purple", "grey", "gray", "white", "bluish", "purplish")) {
            for (String mid : List.of("are ", "look ", "are looking ", "are turning ", "are going ", "turning ",
                    "going ", "are kinda ", "are kind of ", "are a little ", "are all ", "are real ", "are like ",
                    "look kinda ", "are getting ", "getting ", "kinda ", "are really ")) {
                put("lips " + mid + colour, EntityType.BREATHING, "abnormal", 0.8);
            }
        }
        for (String s : List.of("breathe in", "breathe out", "take a breath", "deep breath", "breath mints",
                "hes blue collar", "out of breath", "breathing into", "breathing down", "breathing room",
                "breathing exercises", "breathing treatment", "breathing machine")) {
            ignore(s);
        }

        // consciousness
        for (String s : List.of("unconscious", "passed out", "knocked out", "blacked out", "unresponsive",
                "out cold", "fainted", "wont wake up", "will not wake up", "not waking up", "cant wake him",
                "cant wake her", "cant wake him up", "cant wake her up", "doesnt respond", "does not respond",
                "not responding", "isnt responding", "not responsive", "not conscious", "isnt conscious",
                "lost consciousness", "not awake", "wont respond", "not moving", "isnt moving", "passing out",
                "keeps passing out", "not answering", "isnt answering", "not answering me", "wont answer",
                "doesnt answer", "not talking to me", "not waking", "cant wake them", "not getting up",
                "wont open his eyes", "wont open her eyes", "not opening his eyes", "not opening her eyes",
                "cant get him to wake up", "cant get her to wake up", "wont come to", "not coming to",
                "out of it and not responding", "totally out", "completely out", "knocked unconscious",
                "on conscious", "past out")) {
            fixed(s, EntityType.CONSCIOUS, "no", s.contains("moving") || s.contains("getting up")
                    || s.contains("answer") || s.contains("talking") ? 0.6 : 0.9);
        }
        for (String s : List.of("not unconscious", "isnt unconscious", "no longer unconscious")) {
            fixed(s, EntityType.CONSCIOUS, "yes", 0.8);
        }
        for (String s : List.of("conscious", "awake", "responsive", "responding", "alert", "came to", "came round",
                "woke up", "is talking", "hes talking", "shes talking", "talking to me", "eyes are open",
                "eyes open", "coming around", "coming round", "crying", "screaming", "moaning", "groaning",
                "he talks", "she talks", "talking", "a wake", "walking around", "sitting up", "opens his eyes",
                "opens her eyes", "opened his eyes", "opened her eyes", "opening his eyes", "opening her eyes")) {
            put(s, EntityType.CONSCIOUS, "yes", s.equals("crying") || s.equals("screaming") || s.equals("moaning")
                    || s.equals("groaning") || s.equals("talking") || s.startsWith("walking")
                    || s.startsWith("sitting") ? 0.6 : 0.8);
        }
        for (String s : List.of("screaming at", "yelling at", "crying for help", "crying out", "talking about",
                "talking to the", "talking to them", "talking to him", "talking to her", "talking to you",
                "not talking", "isnt talking", "wont talk", "not crying", "isnt crying", "stopped crying",
                "not screaming", "not moaning", "aint talking", "wasnt talking", "not really talking",
                "answering the", "answering his", "answering her",
                "answering my", "answering the door", "answering the phone")) {
            ignore(s);
        }

        // weapons
        for (String s : List.of("knife", "knives", "kitchen knife", "blade", "box cutter", "a cutter", "switchblade",
                "pocket knife", "big knife", "razor", "steak knife", "butcher knife")) {
            put(s, EntityType.WEAPON, "knife", 0.9);
        }
        for (String s : List.of("gun", "guns", "pistol", "pistols", "handgun", "handguns", "revolver", "firearm",
                "firearms", "rifle", "rifles", "shotgun", "shotguns", "hand gun", "assault rifle", "ar 15", "ar15")) {
            put(s, EntityType.WEAPON, "gun", 0.9);
        }
        for (String s : List.of("shots fired", "gunshots", "gunshot", "gun shots", "gunfire", "shooting", "shots",
                "shooter", "active shooter", "gunman", "gunmen", "gunmans", "gunpoint", "opened fire", "open fire",
                "shot at", "a shot", "one shot", "heard a shot", "another shot", "gun shot", "shootings",
                "shot through", "shots through", "shot out")) {
            put(s, EntityType.WEAPON, "gun", s.contains("shooter") || s.equals("gunpoint") ? 0.85 : 0.7);
        }
        for (String s : List.of("bat", "baseball bat", "metal bat", "golf club", "wooden bat")) {
            put(s, EntityType.WEAPON, "bat", 0.85);
        }
        for (String s : List.of("machete", "sword", "katana", "hammer", "crowbar", "axe", "hatchet", "scissors")) {
            put(s, EntityType.WEAPON, s.equals("katana") ? "sword" : s, 0.85);
        }
        for (String s : List.of("bruises", "bruised", "bruising", "bruise")) {
            put(s, EntityType.INJURY, "injured", 0.7);
        }
        for (String s : List.of("bottled him", "bottled her", "bottled me")) {
            put(s, EntityType.WEAPON, "bottle", 0.75);
        }
        for (String s : List.of("broken bottle", "metal pipe", "iron pipe", "steel pipe", "lead pipe", "bottle",
                "beer bottle", "glass bottle")) {
            put(s, EntityType.WEAPON, s.contains("bottle") ? "bottle" : "pipe", s.equals("bottle") ? 0.6 : 0.8);
        }
        for (String s : List.of("weapon", "weapons", "armed", "brass knuckles", "taser", "tire iron", "stun gun",
                "baton", "nunchucks")) {
            put(s, EntityType.WEAPON, "weapon", 0.75);
        }
        for (String s : List.of("unarmed", "no weapons", "no weapon", "not armed", "empty handed")) {
            fixed(s, EntityType.WEAPON, "none", 0.85);
        }
        for (String s : List.of("bat an eye", "butter knife", "water gun", "nail gun", "glue gun", "water bottle",
                "bottle of water", "baby bottle", "pill bottle", "bottle of pills", "shooting pain", "shooting star",
                "photo shoot", "flu shot", "shot of", "shot glass", "nerf gun", "toy gun", "staple gun",
                "heat gun", "radar gun", "squirt gun", "spray bottle", "hair dryer", "bat mobile", "fruit bat",
                "shooting hoops", "shooting pool", "armed forces", "armed services", "shooting off",
                "shooting his mouth",
                "shooting her mouth", "shooting the breeze", "shooting a video", "shooting video", "shooting pictures",
                "shooting photos", "shot me a", "shot him a", "shot her a", "shot us a", "shot them a", "a shot of",
                "one shot of", "shot glass", "smoking habit", "he smoke", "she smoke", "i smoke", "they smoke",
                "you smoke", "smoke weed", "smoke a", "smoke cigarettes", "to smoke", "smoke break")) {
            ignore(s);
        }

        // hazards
        for (String s : List.of("fire", "fires", "on fire", "flames", "flame", "burning", "blaze", "caught fire",
                "in flames", "engulfed", "brush fire", "grass fire", "house fire", "kitchen fire", "grease fire",
                "catching fire", "caught on fire", "burning down", "went up in flames", "fully engulfed")) {
            put(s, EntityType.HAZARD, "fire", 0.85);
        }
        for (String s : List.of("smoke", "smoky", "smell smoke", "black smoke", "thick smoke", "smoke everywhere",
                "full of smoke", "smells like smoke", "smoke coming out", "filling with smoke", "smoking")) {
            put(s, EntityType.HAZARD, "smoke", 0.85);
        }
        for (String s : List.of("gas", "gas leak", "smell gas", "smells like gas", "gas smell", "smell of gas",
                "propane", "leaking gas", "natural gas", "carbon monoxide", "gas line", "gas main", "gas pipe",
                "rotten eggs", "smells like rotten eggs", "co alarm", "co detector", "monoxide", "methane")) {
            put(s, EntityType.HAZARD, "gas", 0.85);
        }
        for (String s : List.of("flood", "flooding", "flooded", "water rising", "water is rising", "feet of water",
                "foot of water", "inches of water", "inch of water", "knee deep", "waist deep", "chest deep",
                "water everywhere", "water coming in", "floodwater", "flood water", "flash flood",
                "overflowing", "overflowed", "under water", "underwater", "swept away", "jumped its banks",
                "over its banks", "burst its banks", "out of its banks", "over the banks")) {
            put(s, EntityType.HAZARD, "flood", 0.8);
        }
        for (String s : List.of("chemical", "chemicals", "toxic", "fumes", "acid", "ammonia", "bleach", "hazmat",
                "hazardous material", "hazardous materials", "chemical smell", "tear gas", "pepper spray",
                "bear spray", "chlorine", "pesticide", "toxic fumes", "mace")) {
            put(s, EntityType.HAZARD, "chemical", 0.8);
        }
        for (String s : List.of("power line", "power lines", "powerline", "powerlines", "live wire", "live wires",
                "downed lines", "electric wires", "electrical wires", "wires down", "sparking", "sparks",
                "electric cable", "electrical cable", "electric lines", "electrical lines", "downed wires",
                "downed wire", "downed power line", "downed power lines", "wire down", "wire is down",
                "wires are down", "line is down", "lines are down", "wires are laying", "wire is laying",
                "wires laying", "power pole", "utility pole", "electric line", "power line snapped", "line snapped",
                "lines snapped", "wire snapped", "line down", "lines down", "sparks shooting", "spark shooting",
                "wires snapped")) {
            put(s, EntityType.HAZARD, "power lines", 0.8);
        }
        for (String s : List.of("fuel leak", "leaking fuel", "petrol", "gasoline", "diesel", "fuel leaking",
                "leaking petrol", "fuel everywhere", "fuel")) {
            put(s, EntityType.HAZARD, "fuel", 0.8);
        }
        for (String s : List.of("explosion", "exploded", "blast", "blew up", "explode", "bang", "boom",
                "loud boom", "big boom", "bomb went off", "blown up")) {
            put(s, EntityType.HAZARD, "explosion", s.equals("bang") ? 0.5 : 0.85);
        }
        for (String s : List.of("building collapsed", "roof collapsed", "ceiling collapsed", "house collapsed",
                "wall collapsed", "caved in", "collapsed building", "building has collapsed", "bridge collapsed",
                "structural collapse", "roof fell in", "ceiling fell", "gave way", "caving in", "cave in",
                "collapsing", "caved", "fell in on", "came crashing down", "came down on")) {
            put(s, EntityType.HAZARD, "collapse", 0.85);
        }
        for (String s : List.of("touch the wires", "touch the wire", "away from the wires", "away from the wire",
                "near the wires", "near the wire", "touch the lines", "away from the lines", "touch the power lines",
                "away from the power lines")) {
            // an instruction about the wires says they are there, negated or not ("don't touch the wires")
            fixed(s, EntityType.HAZARD, "power lines", 0.7);
        }
        for (String s : List.of("no fire", "no smoke", "no hazards", "nothing dangerous", "no gas", "no flames")) {
            fixed(s, EntityType.HAZARD, "none", 0.8);
        }
        for (String s : List.of("fire department", "fire truck", "fire trucks", "fire engine", "fire engines",
                "fire brigade", "fire station", "fire fighters", "fire fighter", "firefighters", "firefighter",
                "fire alarm", "fire extinguisher", "fire exit", "fire hydrant", "fire service", "gas station",
                "smoke alarm", "smoke detector", "cease fire", "out of gas", "water bottle", "drink of water",
                "glass of water", "some water", "fire escape", "gas stove", "gas bill", "a bang", "big bang",
                "gas mask", "gas masks", "gas pedal", "gas tank", "gas can", "gas prices", "gas money",
                "on the gas", "smoke alarms", "smoke detectors", "under fire", "fire him", "fire me", "fired",
                "fire pit", "camp fire", "campfire", "fireplace", "fire place", "fireworks", "smoking a",
                "smoking cigarettes", "smoking weed", "smoking pot", "smoking crack", "smoking meth",
                "smoking marijuana", "smoking area", "no smoking", "stop smoking", "quit smoking", "smoked",
                "gas grill", "heartburn", "burning sensation", "sun burn", "sunburn", "burning up", "fire ants",
                "boom box", "water main", "fuel pump", "sparks flying out the chimney", "flame thrower",
                "gas company", "gas companies", "gas man", "gas guy", "gas meter reader", "fire and police",
                "police and fire", "fire and ambulance", "fire and ems", "fire and rescue", "fire rescue",
                "fire and medics", "fire and paramedics", "fire and an ambulance", "fire department and",
                "fire crews", "fire crew", "fire chief", "fire marshal", "fire code", "fire drill", "fire drills")) {
            ignore(s);
        }
        for (String s : List.of("shot at the clinic", "shot at the doctor", "shot at the doctors",
                "shot at the pharmacy", "tetanus shot", "allergy shot", "insulin shot", "covid shot", "vaccine shot",
                "knifes edge", "knife edge", "bat flew", "bat got in", "bat is flying", "a bat in the",
                "bats in the", "traffics flooding", "traffic is flooding", "traffic flooding", "people flooding",
                "people are flooding", "flooded with calls", "face is on fire", "faces on fire", "skin is on fire",
                "skins on fire", "throat is on fire", "throats on fire", "mouth is on fire", "mouths on fire",
                "armed robbery", "armed robberies", "gun safe", "gun belt", "guns in the safe", "gas fireplace",
                "gas fire place", "gas logs", "sparks from the grinder", "sparks from a grinder", "welding sparks",
                "sparks from the welder", "shooting out", "shooting up", "shooting out of",
                "talking about", "talks about", "talked about", "hes talking about", "shes talking about",
                "theyre talking about", "is talking about", "was talking about", "keeps talking about", "awake for",
                "knife tattoo", "gun tattoo", "gas is off", "gas is turned off", "gas is shut off", "gas off",
                "out of it", "totally out of it", "completely out of it", "really out of it", "kinda out of it",
                "pretty out of it", "a shot at the clinic", "a shot at the doctor", "a shot at the doctors",
                "a shot at the pharmacy", "im awake", "i am awake", "im wide awake", "i was awake")) {
            // fifth round: a vaccination, idioms, an animal bat, a crowd flooding in, a face that burns, the caller
            // awake (LABELLING.md)
            ignore(s);
        }
        for (Map.Entry<String, Clue> e : List.copyOf(PHRASES.entrySet())) {
            if (e.getValue().type() == null && !PHRASES.containsKey(e.getKey() + "s")) {
                // "fire departments", "gas masks": the plural means no more than the singular
                PHRASES.put(e.getKey() + "s", e.getValue());
            }
        }
        for (String k : List.of("breathing", "bleeding", "unconscious", "conscious", "unresponsive", "stabbed",
                "gasping", "choking", "wheezing", "weapon", "weapons", "gunshot", "gunshots", "explosion", "flooding",
                "injured", "hemorrhaging", "firearm", "shotgun", "handgun", "revolver", "pistol", "machete",
                "crowbar", "scissors", "propane", "chemical", "chemicals", "gasoline", "collapsed", "unarmed",
                "fainted", "gurgling", "knocked", "exploded", "sparking", "shooter", "shooting", "wounded")) {
            FUZZY.computeIfAbsent(k.length(), n -> new ArrayList<>()).add(k);
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

    /**
     * The words as clue lookups see them: a word of six letters or more one letter from a clue word is read as
     * that word (a misheard or mistyped word should not lose the fact). Sound-alikes and plurals are already
     * replaced by {@link Lexicon}.
     */
    static String[] normalised(Tokens t) {
        String[] w = new String[t.size];
        for (int i = 0; i < t.size; i++) {
            String s = t.word[i];
            w[i] = s.length() >= 6 && !PHRASES.containsKey(s) && !NOT_FUZZY.contains(s) ? fuzzy(s) : s;
        }
        return w;
    }

    /** The word a recogniser's sound-alike stands for ("breeding" is "breathing"), or null. */
    static String soundsLike(String w) {
        return SOUNDS_LIKE.get(w);
    }

    /** True when {@code w} alone is a clue word or part of the start of one. */
    static boolean knows(String w) {
        return PHRASES.containsKey(w);
    }

    private static String fuzzy(String s) {
        for (int len = s.length() - 1; len <= s.length() + 1; len++) {
            for (String k : FUZZY.getOrDefault(len, List.of())) {
                if (oneEdit(s, k)) {
                    return k;
                }
            }
        }
        return s;
    }

    /** True when {@code a} and {@code b} differ by one inserted, deleted or changed letter (not the first). */
    static boolean oneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1 || a.charAt(0) != b.charAt(0)) {
            return false;
        }
        int i = 0;
        while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            return a.regionMatches(i + 1, b, i + 1, la - i - 1);
        }
        return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : a.regionMatches(i, b, i + 1, la - i);
    }

    /** The longest phrase at token {@code i} of {@code w} (which has {@code n} words), or null. */
    static Found at(String[] w, int n, int i) {
        int max = Math.min(n, i + MAX_TOKENS);
        StringBuilder sb = new StringBuilder();
        String[] keys = new String[max - i];
        for (int j = i; j < max; j++) {
            if (j > i) {
                sb.append(' ');
            }
            sb.append(w[j]);
            keys[j - i] = sb.toString();
        }
        for (int j = max; j > i; j--) {
            Clue c = PHRASES.get(keys[j - i - 1]);
            if (c != null) {
                return new Found(c, i, j);
            }
        }
        return null;
    }

    /** The clues asked about in tokens {@code from..to} of a question (the answer's topic). */
    static List<Found> topics(Tokens t, int from, int to) {
        String[] w = normalised(t);
        List<Found> out = new ArrayList<>(Situations.topics(t, w, from, to));
        int i = from;
        while (i < to) {
            Found f = at(w, to, i);
            if (f == null) {
                i++;
                continue;
            }
            if (f.clue().type() != null) {
                out.add(f);
            }
            i = f.to();
        }
        return out;
    }

    /** Finds clues left to right, longest phrase first; skips blocked tokens. */
    static void find(Tokens t, boolean[] blocked, Context ctx, List<ExtractedEntity> out) {
        String[] w = normalised(t);
        boolean[] taken = new boolean[t.size];
        int i = 0;
        while (i < t.size) {
            if (blocked[i]) {
                i++;
                continue;
            }
            Found f = at(w, t.size, i);
            if (f == null) {
                i++;
                continue;
            }
            boolean free = true;
            for (int k = i; k < f.to(); k++) {
                free &= !blocked[k];
            }
            if (free && f.clue().type() != null && namesSomethingElse(t, i, f.to())) {
                for (int k = i; k < f.to(); k++) {
                    taken[k] = true;
                }
                i = f.to();
                continue;
            }
            if (free && (f.clue().type() == null || Situations.meant(t, w, f))) {
                ExtractedEntity e = f.clue().type() == null ? null : judge(t, ctx, f.clue(), i, f.to());
                if (e != null) {
                    out.add(e);
                }
                // an ignored phrase ("shot me a look", "water main") keeps its words from the patterns too
                for (int k = i; k < f.to(); k++) {
                    taken[k] = true;
                }
            }
            i = f.to();
        }
        Situations.find(t, w, blocked, taken, ctx, out);
        mergeBreathing(t, out);
    }

    /**
     * True when a one-word clue is the first part of a compound or a name: "the fire hall", "the gas gauge", "a
     * shooting guard", "the Gun Barrel restaurant", "Shooters sports bar". A capitalised clue word inside a sentence
     * followed by another capitalised word or a venue noun is a name, not a fact.
     */
    private static boolean namesSomethingElse(Tokens t, int from, int to) {
        if (to > t.size) {
            return false;
        }
        if (t.isAny(to + 1, STREET_WORDS) && !t.isAny(to, NOT_A_NAME_WORD)) {
            // "on Fire Lake Road", "the smoke hill road"
            return true;
        }
        if (to == from + 1 && t.isAny(to, COMPOUND_HEADS)) {
            return true;
        }
        int last = to - 1;
        boolean capital = Character.isUpperCase(t.text.charAt(t.start[last]));
        boolean opening = last == 0 || Clues.sentenceBetween(t.text, t.end[last - 1], t.start[last])
                || t.text.substring(t.end[last - 1], t.start[last]).contains("\"");
        if (!capital || opening) {
            return false;
        }
        return to < t.size && Character.isUpperCase(t.text.charAt(t.start[to]))
                || t.isAny(to, VENUES) || t.isAny(to + 1, VENUES);
    }

    private static final Set<String> NOT_A_NAME_WORD = Set.of("on", "in", "at", "near", "by", "and", "the", "a",
            "down", "across", "up", "into", "onto", "over", "through", "of", "from", "to", "whole", "entire", "all",
            "our", "my", "this", "that", "his", "her", "their", "your", "main", "side", "back", "front");
    private static final Set<String> STREET_WORDS = Set.of("road", "street", "avenue", "lane", "drive",
            "boulevard", "parkway", "rd", "st", "ave");
    /** Nouns that make a clue word before them part of a compound that is no clue ("the fire hall"). */
    private static final java.util.Set<String> COMPOUND_HEADS = java.util.Set.of("hall", "gauge", "guard", "guards",
            "permit", "permits", "license", "show", "shows", "club", "safety", "lobby", "rights", "dealer", "shop",
            "store", "counter", "cabinet", "safe", "locker");
    /** Places whose name a clue word may start ("Shooters sports bar", "the Gun Barrel restaurant"). */
    private static final java.util.Set<String> VENUES = java.util.Set.of("bar", "restaurant", "cafe", "grill", "pub",
            "tavern", "saloon", "diner", "lounge", "club", "inn", "hotel", "motel", "store", "shop", "market");

    /**
     * "He's breathing but it sounds really wet", "she's breathing, but her breathing sounds weird": a plain
     * "breathing" followed in the same sentence by a sign of abnormal breathing is one abnormal breathing, from
     * the first word to the last.
     */
    private static void mergeBreathing(Tokens t, List<ExtractedEntity> out) {
        List<ExtractedEntity> breathing = new ArrayList<>();
        for (ExtractedEntity e : out) {
            if (e.type() == EntityType.BREATHING && (e.value().equals("yes") || e.value().equals("abnormal"))) {
                breathing.add(e);
            }
        }
        if (breathing.size() < 2) {
            return;
        }
        breathing.sort(java.util.Comparator.comparingInt(ExtractedEntity::start));
        java.util.Set<ExtractedEntity> gone = new java.util.HashSet<>();
        java.util.Map<ExtractedEntity, ExtractedEntity> replace = new java.util.HashMap<>();
        List<ExtractedEntity> since = new ArrayList<>();
        for (ExtractedEntity e : breathing) {
            ExtractedEntity last = since.isEmpty() ? null : since.get(since.size() - 1);
            if (last != null && (e.start() < last.end() || e.start() - last.end() > 40
                    || sentenceBetween(t.text, last.end(), e.start()))) {
                since.clear();
            }
            if (e.value().equals("yes")) {
                since.add(e);
                continue;
            }
            if (!since.isEmpty()) {
                ExtractedEntity first = since.get(0);
                gone.addAll(since);
                replace.put(e, new ExtractedEntity(EntityType.BREATHING, "abnormal",
                        t.text.substring(first.start(), e.end()), first.start(), e.end(), e.confidence()));
            }
            since.clear();
        }
        if (replace.isEmpty()) {
            return;
        }
        List<ExtractedEntity> kept = new ArrayList<>(out.size());
        for (ExtractedEntity e : out) {
            if (!gone.contains(e)) {
                kept.add(replace.getOrDefault(e, e));
            }
        }
        out.clear();
        out.addAll(kept);
    }

    private static boolean sentenceBetween(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '.' || c == '?' || c == '!' || c == ';') {
                return true;
            }
        }
        return false;
    }

    static ExtractedEntity judge(Tokens t, Context ctx, Clue clue, int from, int to) {
        if (ctx.question(from) || nearMiss(t, from) || animal(t, clue.type(), from)) {
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

    /** "The dog's bleeding, not the kid": a condition of an animal is not a patient's; a bite is. */
    private static boolean animal(Tokens t, EntityType type, int from) {
        if (type != EntityType.INJURY && type != EntityType.BREATHING && type != EntityType.CONSCIOUS
                || t.word[from].startsWith("bit")) {
            // "the dog bit him" is the person's injury
            return false;
        }
        int k = from - 1;
        if (t.isAny(k, Set.of("is", "was", "s", "got", "been", "has"))) {
            k--;
        }
        return t.isAny(k, ANIMALS);
    }

    private static final Set<String> ANIMALS = Set.of("dog", "dogs", "cat", "cats", "deer", "horse", "horses",
            "puppy", "kitten", "cow", "cows", "bird", "raccoon", "squirrel");

    /** "It nearly caught fire", "he almost got shot": what did not happen. */
    private static boolean nearMiss(Tokens t, int from) {
        for (int k = from - 1; k >= 0 && k >= from - 3 && t.clause[k] == t.clause[from]; k--) {
            if (t.is(k, "nearly") || t.is(k, "almost")) {
                return true;
            }
        }
        return false;
    }

    static String negate(EntityType type, String value) {
        return switch (type) {
            case BREATHING -> value.equals("yes") ? "no" : value.equals("abnormal") ? "yes" : null;
            case CONSCIOUS -> value.equals("yes") ? "no" : "yes";
            case INJURY -> value.equals("dead") ? null : "none";
            case WEAPON, HAZARD -> "none";
            default -> null;
        };
    }
}
