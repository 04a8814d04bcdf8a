package dev.switchboard.calltaking.engine.caller;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a trainee's line as the {@link Intent}s it carries, by keyword and phrase rules. Made for typed text and
 * for speech recognised without punctuation or capitals, with common slips ("whats ur location", "wear are you",
 * "is he brething"). A line may carry several intents ("911 what's your emergency" is a greeting and asks what
 * happened); a line nothing matches is {@link Intent#OTHER}. Stateless and thread-safe.
 */
public final class IntentClassifier {

    /** Word-level fixes applied before matching: contractions, chat spelling and common recogniser slips. */
    private static final Map<String, String> WORDS = words();

    /** Phrase-level fixes applied after the word fixes. */
    private static final Map<Pattern, String> PHRASES = phrases();

    private static final Map<Intent, Pattern> RULES = rules();

    /** Lines that mention breathing without asking about it: calming or instructing the caller. */
    private static final Pattern BREATH_NOT_ASKED = Pattern.compile(
            "\\b(take|taking) (a |some )?(deep |slow )?breaths?\\b|\\bbreathe (slowly|with me|in|out|deeply)\\b"
                    + "|\\b(deep|slow) breaths?\\b|\\brescue breaths?\\b|\\b(give|blow) (him |her |them )?(two |2 )?"
                    + "breaths?\\b|\\b(if|when|until|once) (he|she|they|the \\w+) (stops|stop|starts|start|is not|are"
                    + " not|is|are) (\\w+ )?breathing\\b");

    /** The intents of one line; never empty ({@link Intent#OTHER} when nothing matched). */
    public Set<Intent> classify(String traineeLine) {
        String text = normalise(traineeLine == null ? "" : traineeLine);
        EnumSet<Intent> found = EnumSet.noneOf(Intent.class);
        for (Map.Entry<Intent, Pattern> rule : RULES.entrySet()) {
            String subject = rule.getKey() == Intent.ASK_BREATHING ? BREATH_NOT_ASKED.matcher(text).replaceAll(" ")
                    : text;
            if (rule.getValue().matcher(subject).find()) {
                found.add(rule.getKey());
            }
        }
        if (found.isEmpty()) {
            found.add(Intent.OTHER);
        }
        return Set.copyOf(found);
    }

    /** Lower case, contractions expanded, chat spelling and known slips fixed, punctuation gone, single spaces. */
    static String normalise(String line) {
        String text = line.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
        text = text.replaceAll("[^a-z0-9' -]+", " ").replaceAll("-", " ");
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (String word : text.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String fixed = WORDS.get(word);
            if (fixed == null) {
                fixed = word.replace("'", "");
                fixed = WORDS.getOrDefault(fixed, fixed);
            }
            out.append(' ').append(fixed);
        }
        String result = out.append(' ').toString();
        for (Map.Entry<Pattern, String> phrase : PHRASES.entrySet()) {
            result = phrase.getKey().matcher(result).replaceAll(phrase.getValue());
        }
        return result.replaceAll("\\s+", " ");
    }

    private static Map<String, String> words() {
        Map<String, String> m = new LinkedHashMap<>();
        String[][] pairs = {
            {"what's", "what is"}, {"whats", "what is"}, {"wats", "what is"}, {"wat", "what"},
            {"where's", "where is"}, {"wheres", "where is"}, {"who's", "who is"}, {"whos", "who is"},
            {"how's", "how is"}, {"that's", "that is"}, {"thats", "that is"}, {"there's", "there is"},
            {"theres", "there is"}, {"it's", "it is"}, {"he's", "he is"}, {"hes", "he is"},
            {"she's", "she is"}, {"shes", "she is"}, {"you're", "you are"}, {"youre", "you are"},
            {"ur", "your"}, {"u", "you"}, {"r", "are"}, {"ya", "you"}, {"yr", "your"},
            {"i'm", "i am"}, {"im", "i am"}, {"i've", "i have"}, {"ive", "i have"}, {"i'll", "i will"},
            {"we're", "we are"}, {"they're", "they are"}, {"theyre", "they are"}, {"we've", "we have"},
            {"we'll", "we will"}, {"they'll", "they will"}, {"you'll", "you will"}, {"it'll", "it will"},
            {"don't", "do not"}, {"dont", "do not"}, {"doesn't", "does not"}, {"doesnt", "does not"},
            {"can't", "cannot"}, {"cant", "cannot"}, {"isn't", "is not"}, {"isnt", "is not"},
            {"aren't", "are not"}, {"arent", "are not"}, {"won't", "will not"}, {"wont", "will not"},
            {"didn't", "did not"}, {"didnt", "did not"}, {"let's", "let us"}, {"gonna", "going to"},
            {"wanna", "want to"}, {"gotta", "have to"}, {"pls", "please"}, {"plz", "please"},
            {"ok", "okay"}, {"k", "okay"}, {"mins", "minutes"}, {"min", "minute"}, {"sec", "second"},
            {"adress", "address"}, {"addres", "address"}, {"adres", "address"}, {"addresss", "address"},
            {"brething", "breathing"}, {"breething", "breathing"}, {"breathin", "breathing"},
            {"breating", "breathing"}, {"breath'n", "breathing"}, {"concious", "conscious"},
            {"conscience", "conscious"}, {"unconcious", "unconscious"}, {"wepon", "weapon"},
            {"weppon", "weapon"}, {"wepons", "weapons"}, {"ambulence", "ambulance"}, {"amblance", "ambulance"},
            {"locaton", "location"}, {"loction", "location"}, {"emergancy", "emergency"},
            {"emergensy", "emergency"}, {"injurd", "injured"}, {"injuried", "injured"}, {"numbr", "number"},
            {"nite", "night"}, {"thru", "through"}, {"centre", "center"},
        };
        for (String[] p : pairs) {
            m.put(p[0], p[1]);
        }
        return m;
    }

    private static Map<Pattern, String> phrases() {
        Map<Pattern, String> m = new LinkedHashMap<>();
        m.put(Pattern.compile(" (wear|were|ware|whe) (are|is) (you|your|the|it|he|she|they) "), " where $2 $3 ");
        m.put(Pattern.compile(" nine (one one|eleven|1 1) "), " 911 ");
        m.put(Pattern.compile(" 9 1 1 "), " 911 ");
        m.put(Pattern.compile(" one one (nine|zero) "), " 11$1 ");
        m.put(Pattern.compile(" call back "), " callback ");
        m.put(Pattern.compile(" cell phone "), " cellphone ");
        return m;
    }

    private static Map<Intent, Pattern> rules() {
        Map<Intent, String> r = new EnumMap<>(Intent.class);
        r.put(Intent.GREETING, "\\b911\\b|\\b11[09]\\b|\\bemergency services\\b|\\bfire (and|or) ambulance\\b"
                + "|^ ?(hello|hi|hey|good (morning|afternoon|evening))\\b|\\bthis is (the )?(tokyo )?(emergency"
                + "|dispatch|fire|police)|what is your emergency|\\bpolice fire\\b");
        r.put(Intent.ASK_WHAT_HAPPENED, "what is (your|the) emergency|what (happened|happen|is happening|is going"
                + " on|going on|is wrong|is the (problem|matter|situation|emergency)|seems to be)\\b"
                + "|what (did|do|can) you (see|hear)\\b|tell me (exactly )?what (happened|is happening|is going on"
                + "|you (see|hear|saw))|\\bwhat kind of (emergency|problem|fire|accident)|\\bdescribe (what|the "
                + "(situation|scene|problem))|why are you calling|how can (i|we) help|what is the nature"
                + "|(last (saw|see|seen))|what (exactly )?did (he|she|they) (take|do|say)|what are you calling about"
                + "|tell me (more|about)|what is up with|(did|has|have) (he|she|they) (take|taken|swallow"
                + "|swallowed|use|used|drink|drunk|had)\\b|medication|medicine|medical (history|condition"
                + "|problems)|any (conditions|illness|history)|blood thinner"
                + "|how long (has|have|was|were) (he|she|you|they)");
        r.put(Intent.ASK_LOCATION, "where (are|is) you\\b|where( is|s| is) your (emergency|problem)"
                + "|where (is|was) (it|this|that|the (emergency|fire"
                + "|accident|crash|patient|incident|smoke|car|child|baby|house|building|spill|leak|collapse))"
                + "|where (did|does) (it|this|that|the \\w+) happen|where exactly|where the emergency is"
                + "|(?<!stay )(?<!remain )(?<!safe )(?<!put )\\bwhere you are\\b|\\b(address|location|whereabouts)\\b"
                + "|what (street|ward|area|neighbou?rhood|district|part of"
                + " (town|tokyo|the city)|city|town)\\b|which (ward|street|area|neighbou?rhood|district|expressway"
                + "|station)\\b|where do you live|where are they\\b|where is (this|that) happening|where did you"
                + " last|where (can|do) (we|they|i) (find|send)|where should (we|i) send|where (might|would|could"
                + "|does|do) (he|she|they) (go|like|usually|normally)|any places? (he|she|they) (likes?|knows?|goes)");
        r.put(Intent.ASK_ADDRESS_DETAIL, "\\b(apartment|flat|room|unit|door|house|block|building) (number|no)\\b"
                + "|which (floor|apartment|flat|room|entrance|building|exit|lane|side|direction|way are you (going"
                + "|heading))|what floor|floor (are you|is it|is he|is she)|cross ?street|\\bintersection\\b"
                + "|nearest|\\blandmark|what is (near|nearby|close|around)|anything (nearby|near|close)|(near|close"
                + " to|next to|opposite) (what|which|anything)|can you see (any |a )?(signs?|street|name|building"
                + "|shop|station)|(confirm|repeat|spell|say again|verify) (the |that |your |it|me )?(address"
                + "|location|street|building)?|\\bchome\\b|\\bbanchi\\b|postcode|postal code|name of the (building"
                + "|street|shop|station|park)|building name|\\b(north|south|east|west|in|out)bound\\b|\\bkilomet(er"
                + "|re) (post|marker|sign)|exit number|what is the closest|which (gate|platform|entrance)"
                + "|what (building|shop|station) (is|are) (it|you)|direction (were|are) you|how (will|can|do|should)"
                + " (they|we|the \\w+|the ambulance|the crew|responders|paramedics|officers) get (in|there|to you)"
                + "|which gate|entrance");
        r.put(Intent.ASK_CALLBACK, "(phone|cellphone|mobile|cell|contact|telephone|callback) number|\\bcallback\\b"
                + "|number (you are|are you|you re) calling (from|on)|number (to|i can) (call|reach)|your number"
                + "|call you callback|call you back|reach you|number in case|(lose|lost|drop) the (connection|call"
                + "|line)|(get|are) (cut off|disconnected)|what number");
        r.put(Intent.ASK_INJURIES, "(have|did) you (take|taken|swallow|swallowed) (anything|any|some|them|pills"
                + "|the pills)|injur|\\bhurt|bleed|blood|wound|\\bpain\\b|broken|\\bburn(s|ed|t)?\\b"
                + "|\\bcuts?\\b(?! off)|how bad|(is|are) (he|she|they|anyone|anybody|everyone|everybody|you|the \\w+)"
                + " (okay|alright|all right)\\b|are you okay|can (he|she) (move|stand|get up)|bruis|swell|fracture"
                + "|hit (his|her|their) head|head injury");
        r.put(Intent.ASK_BREATHING, "\\bbreath(e|es|ing)?\\b|chest (rise|rising|going up|moving)|turn(ing|ed)?"
                + " blue|lips (blue|purple)|(colou?r|colour) of (his|her|the baby|the child)|gasping|choking"
                + " sound|making (any )?(noise|noises|sound|sounds)|cough(ing)?\\b|airway");
        r.put(Intent.ASK_CONSCIOUS, "conscious|\\bawake\\b|responsive|\\brespond(ing|s)?\\b|(eyes|eye) open"
                + "|(talk|talking|speak|speaking) to you\\b|passed out|pass(ed)? out|knocked out|wake (him|her|them)"
                + " up|can (he|she|they) (hear|talk|speak)|\\balert\\b|\\breact(ing|s)?\\b|\\bmoving\\b|fainted"
                + "|\\bfaint\\b");
        r.put(Intent.ASK_WEAPONS, "weapon|\\bguns?\\b|\\bknife\\b|\\bknives\\b|\\barmed\\b|firearm|pistol|rifle"
                + "|(?<!shoulder )\\bblades?\\b|\\bbat\\b|anything in (his|her|their) hands?"
                + "|holding (anything|something)|sword"
                + "|hammer|\\bshoot|\\bshots?\\b|threaten(ed|ing)? (you )?with");
        r.put(Intent.ASK_HAZARDS, "hazard(?!( warning)? lights)|\\bgas\\b|smoke|flame"
                + "|fire (spread|is spreading|getting|growing)"
                + "|chemical|\\bsmell|odou?r|\\bleak|power ?lines?|\\bwires?\\b|\\bfuel|petrol|gasoline|fumes"
                + "|\\bspill|liquid|explo|dangerous goods|sparks|electric|water (rising|coming)|oncoming traffic"
                + "|\\bplacard|\\blabel|sign on the|\\bdrums?\\b|\\btanks?\\b|is it spreading|toxic|danger(s)? (to"
                + " you|around|there)|anything (dangerous|else dangerous)|cracks?\\b|ceiling|falling debris"
                + "|aftershock|unstable|\\bstove\\b|\\bheater\\b");
        r.put(Intent.ASK_SAFETY, "are you (still )?(off|on|in) the (road|carriageway|expressway|street|lane|traffic)"
                + "|(out of|away from) (the )?traffic|are you (safe|in danger|in a safe place|somewhere safe|out of"
                + "|outside|away from"
                + "|alone|hidden|hiding)|(is|are) (it|you|everyone|everybody|the children|the kids) safe\\b"
                + "|\\bsafe (place|to|spot|room|now)|somewhere safe|can you (get out|leave|get away|get to|lock"
                + "|hide)|in danger\\b|(is|are) (he|she|they) (still )?(there|in the (house|room|building"
                + "|apartment|flat))|(he|she|they) (is|are) with you|is (he|she) (with you|near you|close)"
                + "|is (anyone|anybody|someone|he|she) with you|where are you hiding"
                + "|can (he|she|they) (hear|see) you|(are|is) the doors? locked|safely|are you (still )?(inside"
                + "|in the (car|house|building))|get (yourself )?(to safety|somewhere safe)|threat(ening|en)? (you"
                + "|to)|hurt (yourself|themselves|himself|herself)|kill (yourself|myself)|suicid|end (your|my)"
                + " life|(have|did) you (take|taken|swallow|swallowed|drink|drunk) (anything|any|some|them|pills"
                + "|the pills)|(do|have) you (have|got) (anything|something|pills|a plan)|(a|any) plan to"
                + "|thinking (of|about) (hurting|killing|ending)|upwind|wind (direction|blowing)");
        r.put(Intent.ASK_SUSPECT, "suspect|intruder|attacker|burglar|robber|(what|how) (does|did) (he|she|they"
                + "|the (man|woman|person|guy|child|boy|girl)) look|describe (him|her|them|the (man|woman|person|guy"
                + "|suspect|intruder|child|boy|girl))|\\bwearing\\b|clothes|clothing|height|how tall|\\bhair\\b"
                + "|do you know"
                + " (him|her|them|who|the (man|person|guy))|who (is|was) (it|he|she|they|the \\w+|doing)"
                + "|which way did|direction did (he|she|they)|where did (he|she|they) go|is (he|she|they) still"
                + "|where is (he|she|they)( now)?\\b|relationship|your (husband|wife|partner|boyfriend|girlfriend"
                + "|ex)\\b|how many (of them|men|guys|intruders|people (are|were) (in the (house|flat|apartment)"
                + "|breaking))|did (he|she|they)"
                + " (take|say|threaten|hit|break)|drugs|alcohol|drinking|drunk|\\bhigh\\b|what (is|was) (he|she)"
                + " doing|who did this|(he|she) (still )?in the|can you see (him|her|them)");
        r.put(Intent.ASK_VEHICLES, "vehicle|\\bcars?\\b|truck|lorry|\\bvans?\\b|\\bbus\\b|motor ?(bike|cycle)"
                + "|scooter|\\bbike|licen[cs]e|\\bplates?\\b|make and model|what (kind|type|colou?r) of"
                + " (car|vehicle)|how many (cars|vehicles)|taxi|tanker|\\bdriver");
        r.put(Intent.ASK_PEOPLE, "where is (he|she|the (patient|child|boy|girl|baby|man|woman|victim))( now)?\\b"
                + "|(are there|any) (children|kids|babies|other people|pets|elderly)\\b"
                + "|how many (people|persons|of you|victims|patients|injured|kids|children|adults"
                + "|others|are (there|inside|hurt|injured|trapped)|were (there|in|hurt|injured)|live)|(anyone"
                + "|anybody|someone|somebody) (else|inside|in there|trapped|still|with (you|him|her)|in the)"
                + "|(is|are) (there )?(people|anyone|anybody|someone|somebody) (inside|in there|trapped|still|else"
                + "|in the|hurt|injured|stuck)|who (else )?is (inside|with you|there|in the)|number of (people"
                + "|victims|patients)|people inside|\\btrapped\\b|are you alone|(is|are) (there )?(any )?(other"
                + "|more) (people|victims|children|kids)");
        r.put(Intent.ASK_NAME, "(your|his|her|their|the (patient|child|baby|boy|girl|man|woman) s?) (full )?name"
                + "|who am i (speaking|talking) (to|with)|what (do|should|can) i call you|name of the"
                + " (patient|child|person|caller)|what is (his|her|their) name|(can|may|could) i (have|get) your"
                + " name|who is calling|(who|what) are you called|what is your name|your name");
        r.put(Intent.ASK_AGE, "how old|\\bage\\b|years old|date of birth|when (was|were) (he|she|you) born"
                + "|\\bhow young");
        r.put(Intent.REASSURE, "you are doing (so |really )?(great|well|good|fine|amazing|a (great|good) job"
                + "|everything right|the right thing|fantastic)|doing (a )?(great|good|fantastic) job|good job"
                + "|well done|going to be (okay|alright|all right|fine)|(it|everything|you) will be (okay|alright"
                + "|all right|fine)|(stay|keep|try to stay|try to keep|try and stay) calm|calm down|(i am|we are)"
                + " (here|right here|with you|not going anywhere|going to help)|you did the right thing|(take"
                + "|taking) (a |some )?(deep |slow )?breaths?|breathe (slowly|with me|deeply)|i know (this is|it"
                + " is) (hard|scary|frightening|difficult|terrifying)|i understand\\b|we will get through"
                + "|you are safe now|i will (stay|help you)|listen to my voice|you are not alone|you are (so )?brave"
                + "|that is (good|great|perfect|really helpful)|you are being very|thank you for (calling|telling)"
                + "|we will (find|help)|(you|we) can do this|it is not your fault|i hear you");
        r.put(Intent.INSTRUCTION, "i (need|want) you to|stay on the (line|phone)|do not hang up|(stay|keep)"
                + " (on the line|with me|where you are|away|inside|outside|low|down|quiet|out of|back|there|in"
                + " the|hidden|the (door|line|phone))|(get|go|move|run) (out|outside|to|away|back|down|somewhere"
                + "|into|upstairs|downstairs)|leave (the|your)|(lock|unlock|close|open|shut) (the|your|all|every)"
                + "|turn (on|off) |switch (on|off) |put (him|her|them|the|your|it|down|a)|lay (him|her|them)"
                + "|roll (him|her|them)|keep (him|her|them|the|pressure|talking|still)|press (firmly|hard|down|on"
                + "|a)|apply pressure|tell me (when|if|as soon)|listen (to me|carefully)|do not (move|touch|go|let"
                + "|open|approach|use|light|switch|try|drink|give|pick|flick|turn|smoke|confront)|can you (go|get"
                + "|bring|check|look|see if|unlock|open|put|grab|find|move|send|turn|stay|keep|hide|lock)"
                + "|i am going to (tell|give) you|go ahead and|\\btry to\\b|make sure|(find|grab|get) (a|some"
                + "|something)|\\bwave\\b|flag (them|it) down|meet (them|the)|send someone|watch for|hazard lights"
                + "|warning triangle|cover (him|her|them|your|the)|wet (towel|cloth)|wait for (the|them|help)"
                + "|\\bavoid\\b|call (me|us) back if|hang up and|(step|stand) (back|away)|stay (put|with)"
                + "|(sit|lie) (down|still)|do exactly|follow my|first thing|here is what");
        r.put(Intent.CPR_INSTRUCTION, "\\bcpr\\b|compression|push (hard|down|fast)|hard and fast|(center|middle)"
                + " of (the|his|her) chest|heel of (your|one|the) hand|lock your (elbows|arms)|count (out loud"
                + "|with me|them|each)|\\bpump|back blows|\\bblows\\b|back slaps|chest thrusts?|abdominal thrusts?"
                + "|heimlich|tilt (the|his|her) head|lift (the|his|her) chin|rescue breaths?|(give|blow) (him |her"
                + " |them )?(two |2 )?breaths|mouth to mouth|\\b30 (times|compressions|pushes)|two inches"
                + "|5 (cm|centimet)|between the nipples|interlock|keep pushing|do not stop (pushing|compressions)"
                + "|two fingers|face down (on|along) your (forearm|arm|thigh)|recovery position|naloxone|narcan"
                + "|\\baed\\b|defibrillator|hands on (his|her|their|the) chest|press down (hard|two|5)"
                + "|(one|1) (two|2) (three|3) (four|4)");
        r.put(Intent.HELP_COMING, "help is (on (the|its) way|coming)|(ambulance|police|officers?|fire (engine"
                + "|truck|brigade|department|fighters)|firefighters?|paramedics?|units?|responders?|crews?|help"
                + "|rescue|team|patrol( car)?|they|someone|people) (is |are |have been |has been |will be )?"
                + "(already )?(on (the|their|its) way|coming|en route|dispatched|sent|heading|minutes away|nearly"
                + " there|almost there|arriving|there soon|be there|being sent|rolling)|i (have|am|already have)"
                + " (already )?(sent|sending|dispatched|dispatching|got)|(sent|dispatched|sending|dispatching)"
                + " (help|an ambulance|the police|officers|units|firefighters|someone|a (unit|crew|team|car))"
                + "|on (their|its) way|en route|be there (in|soon|shortly|any)|minutes away|(will|should) be there");
        r.put(Intent.YES_NO, "yes or no|(tap|knock|press|cough)( on)?( the)? (phone|handset|button|twice|once"
                + "|two times)|twice for yes|once for (yes|no)|for yes\\b|(just )?(say|answer|tell me) (yes|no)"
                + "|(press|tap) (a|any|the|one) (key|button|number)|(can|are) you (able to )?(talk|speak)"
                + "( freely| right now)?\\b|if you"
                + " (cannot|can not) (talk|speak)|(cough|tap) (once|twice)|(one|two) (taps?|press(es)?) for"
                + "|say (yes|okay|okay) if|just (say|answer)|simple answers|one word");
        r.put(Intent.HOLD, "hold (on|the line|please)|(one|a|just a|just one) (moment|second|minute)|please"
                + " (wait|hold)|bear with me|wait (a|one|just)|(putting|put|place|placing) you on hold|on hold"
                + "|let me (check|transfer|get|connect|look)|i will be right back|stand by|give me a (second"
                + "|moment|minute)|hang on");
        Map<Intent, Pattern> compiled = new EnumMap<>(Intent.class);
        for (Map.Entry<Intent, String> e : r.entrySet()) {
            compiled.put(e.getKey(), Pattern.compile(e.getValue()));
        }
        return compiled;
    }
}
