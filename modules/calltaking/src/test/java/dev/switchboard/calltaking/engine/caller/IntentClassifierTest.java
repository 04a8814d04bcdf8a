package dev.switchboard.calltaking.engine.caller;

import static dev.switchboard.calltaking.engine.caller.Intent.ASK_ADDRESS_DETAIL;
import static dev.switchboard.calltaking.engine.caller.Intent.ASK_AGE;
import static dev.switchboard.calltaking.engine.caller.Intent.ASK_BREATHING;
import static dev.switchboard.calltaking.engine.caller.Intent.ASK_CALLBACK;
import static dev.switchboard.calltaking.engine.caller.Intent.ASK_CONSCIOUS;
import static dev.switchboard.calltaking.engine.caller.Intent.ASK_HAZARDS;
import static dev.switchboard.calltaking.engine.caller.Intent.ASK_INJURIES;
import static dev.switchboard.calltaking.engine.caller.Intent.ASK_LOCATION;
import static dev.switchboard.calltaking.engine.caller.Intent.ASK_NAME;
import static dev.switchboard.calltaking.engine.caller.Intent.ASK_PEOPLE;
import static dev.switchboard.calltaking.engine.caller.Intent.ASK_SAFETY;
import static dev.switchboard.calltaking.engine.caller.Intent.ASK_SUSPECT;
import static dev.switchboard.calltaking.engine.caller.Intent.ASK_VEHICLES;
import static dev.switchboard.calltaking.engine.caller.Intent.ASK_WEAPONS;
import static dev.switchboard.calltaking.engine.caller.Intent.ASK_WHAT_HAPPENED;
import static dev.switchboard.calltaking.engine.caller.Intent.CPR_INSTRUCTION;
import static dev.switchboard.calltaking.engine.caller.Intent.GREETING;
import static dev.switchboard.calltaking.engine.caller.Intent.HELP_COMING;
import static dev.switchboard.calltaking.engine.caller.Intent.HOLD;
import static dev.switchboard.calltaking.engine.caller.Intent.INSTRUCTION;
import static dev.switchboard.calltaking.engine.caller.Intent.OTHER;
import static dev.switchboard.calltaking.engine.caller.Intent.REASSURE;
import static dev.switchboard.calltaking.engine.caller.Intent.YES_NO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Labelled trainee lines, typed and as a recogniser writes them (no capitals, no punctuation, slips). Each line
 * must get at least its labelled intents, and none of the intents listed as wrong for it.
 */
class IntentClassifierTest {

    private final IntentClassifier classifier = new IntentClassifier();

    private record Case(String line, Set<Intent> expected, Set<Intent> wrong) {
    }

    private static Case c(String line, Intent... expected) {
        return new Case(line, Set.of(expected), Set.of());
    }

    private static Case not(Case c, Intent... wrong) {
        return new Case(c.line(), c.expected(), Set.of(wrong));
    }

    private static final List<Case> CASES = List.of(
            // Location, in many shapes.
            c("Where are you?", ASK_LOCATION),
            c("What's the address?", ASK_LOCATION),
            c("whats ur location", ASK_LOCATION),
            c("can you tell me where the emergency is", ASK_LOCATION),
            c("wear are you right now", ASK_LOCATION),
            c("what is the address of your emergency", ASK_LOCATION),
            c("Which ward are you in?", ASK_LOCATION),
            c("where did this happen", ASK_LOCATION),
            c("what is the exact adress", ASK_LOCATION),
            c("What's the nearest cross street?", ASK_ADDRESS_DETAIL),
            c("which floor and what apartment number", ASK_ADDRESS_DETAIL),
            c("Can you see any landmarks or signs?", ASK_ADDRESS_DETAIL),
            c("are you northbound or southbound", ASK_ADDRESS_DETAIL),
            c("can you repeat the address for me", ASK_ADDRESS_DETAIL),
            c("how will the paramedics get in", ASK_ADDRESS_DETAIL),
            // Callback, name, age.
            c("What's the number you're calling from?", ASK_CALLBACK),
            c("whats your phone number in case we get cut off", ASK_CALLBACK),
            c("give me a call back number", ASK_CALLBACK),
            c("Can I have your name please?", ASK_NAME),
            c("who am i speaking with", ASK_NAME),
            c("how old is he", ASK_AGE),
            c("what is the patients age", ASK_AGE),
            // What happened.
            c("911, what's your emergency?", GREETING, ASK_WHAT_HAPPENED),
            c("nine one one what is your emergency", GREETING, ASK_WHAT_HAPPENED),
            c("Tell me exactly what happened.", ASK_WHAT_HAPPENED),
            c("what's going on there", ASK_WHAT_HAPPENED),
            c("what did he take", ASK_WHAT_HAPPENED),
            c("does he take any medication", ASK_WHAT_HAPPENED),
            // Medical questions.
            c("Is he breathing?", ASK_BREATHING),
            c("is she breathing normally", ASK_BREATHING),
            c("is he brething at all", ASK_BREATHING),
            c("Is the baby turning blue?", ASK_BREATHING),
            c("Is he conscious?", ASK_CONSCIOUS),
            c("is he awake can he talk to you", ASK_CONSCIOUS),
            c("does she respond when you shake her", ASK_CONSCIOUS),
            c("Is anyone hurt?", ASK_INJURIES),
            c("is he bleeding", ASK_INJURIES),
            c("are you injured", ASK_INJURIES),
            // Police questions.
            c("Does anyone have a weapon?", ASK_WEAPONS),
            c("does he have a knife or a gun", ASK_WEAPONS),
            c("is he armed", ASK_WEAPONS),
            c("What does he look like?", ASK_SUSPECT),
            c("what is he wearing", ASK_SUSPECT),
            c("which way did they go", ASK_SUSPECT),
            c("Is he still in the house?", ASK_SUSPECT, ASK_SAFETY),
            c("Are you safe right now?", ASK_SAFETY),
            c("are you somewhere safe", ASK_SAFETY),
            c("have you taken any of the pills", ASK_SAFETY),
            c("are you thinking of hurting yourself", ASK_SAFETY),
            c("are you off the road", ASK_SAFETY),
            not(c("put your hazard lights on", INSTRUCTION), ASK_HAZARDS),
            c("What kind of car was it?", ASK_VEHICLES),
            c("did you see the licence plate", ASK_VEHICLES),
            c("How many people are inside?", ASK_PEOPLE),
            c("is anyone else trapped in there", ASK_PEOPLE),
            // Hazards.
            c("Do you smell gas?", ASK_HAZARDS),
            c("is there any smoke or fire", ASK_HAZARDS),
            c("is anything leaking from the cars", ASK_HAZARDS),
            c("what does the label on the drum say", ASK_HAZARDS),
            // Reassurance, instructions, help.
            not(c("You're doing great.", REASSURE), ASK_BREATHING, OTHER),
            c("it's going to be okay", REASSURE),
            not(c("take a deep breath for me", REASSURE), ASK_BREATHING),
            c("I'm right here with you", REASSURE),
            c("Stay on the line.", INSTRUCTION),
            c("dont hang up", INSTRUCTION),
            c("I need you to get out of the house now", INSTRUCTION),
            c("do not touch any light switches", INSTRUCTION),
            c("Lock the door and stay in the room", INSTRUCTION),
            not(c("Stay where you are so he can find you", INSTRUCTION), ASK_LOCATION),
            not(c("press a clean cloth firmly on the wound", INSTRUCTION), ASK_SUSPECT),
            not(c("roll him on his side and if he stops breathing start compressions", CPR_INSTRUCTION),
                    ASK_BREATHING),
            c("I need you to push hard and fast in the center of the chest", CPR_INSTRUCTION, INSTRUCTION),
            c("put the heel of your hand on his chest", CPR_INSTRUCTION),
            c("give five back blows between the shoulder blades", CPR_INSTRUCTION),
            c("roll him onto his side into the recovery position", CPR_INSTRUCTION),
            c("one two three four keep pushing", CPR_INSTRUCTION),
            c("Help is on the way.", HELP_COMING),
            c("the ambulance is on its way", HELP_COMING),
            c("ive already sent officers to you", HELP_COMING),
            c("police are en route they will be there in five minutes", HELP_COMING),
            // Yes/no, hold, nothing.
            c("Can you answer yes or no?", YES_NO),
            c("if you cant talk just say yes or no", YES_NO),
            c("are you able to speak freely", YES_NO),
            not(c("hold on", HOLD), INSTRUCTION),
            c("One moment please", HOLD),
            c("bear with me one second", HOLD),
            c("Okay.", OTHER),
            c("mm", OTHER),
            c("", OTHER));

    @Test
    void labelledLinesGetTheirIntents() {
        List<String> failures = new ArrayList<>();
        for (Case c : CASES) {
            Set<Intent> got = classifier.classify(c.line());
            if (!got.containsAll(c.expected())) {
                failures.add("'" + c.line() + "' expected " + c.expected() + " got " + got);
            }
            Set<Intent> wrong = EnumSet.noneOf(Intent.class);
            wrong.addAll(c.wrong());
            wrong.retainAll(got);
            if (!wrong.isEmpty()) {
                failures.add("'" + c.line() + "' must not be " + wrong + ", got " + got);
            }
        }
        System.out.printf("intent classifier: %d labelled lines, %d failures%n", CASES.size(), failures.size());
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(60);
        assertThat(failures).isEmpty();
    }

    @Test
    void anUnmatchedLineIsOtherAndNothingElse() {
        assertThat(classifier.classify("banana")).containsExactly(OTHER);
        assertThat(classifier.classify(null)).containsExactly(OTHER);
    }

    @Test
    void normalisingExpandsChatSpellingAndSlips() {
        assertThat(IntentClassifier.normalise("Whats ur ADRESS?!")).isEqualTo(" what is your address ");
        assertThat(IntentClassifier.normalise("wear are you")).isEqualTo(" where are you ");
        assertThat(IntentClassifier.normalise("nine one one")).isEqualTo(" 911 ");
    }
}
