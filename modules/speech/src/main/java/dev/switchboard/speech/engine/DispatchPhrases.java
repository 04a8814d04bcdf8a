package dev.switchboard.speech.engine;

import java.util.List;

/** Dispatch-style sentences for the speech round trip test and benchmark: what trainees and callers say. */
public final class DispatchPhrases {

    /** Twenty-four lines, about 150 words, about 45 s of synthesised speech. */
    public static final List<String> LINES = List.of(
            "Send an ambulance to Shibuya station.",
            "Is anyone injured?",
            "What is your callback number?",
            "What is the address of the emergency?",
            "Is the person breathing?",
            "Stay on the line with me.",
            "Help is on the way.",
            "Can you tell me exactly what happened?",
            "There is a fire in the kitchen.",
            "My father fell down the stairs.",
            "He is not moving and he is bleeding from his head.",
            "Is the fire spreading to other rooms?",
            "Get out of the building now.",
            "Do not go back inside.",
            "How old is the patient?",
            "Is the patient awake and talking?",
            "I need the police here right now.",
            "Someone broke into the house next door.",
            "Can you see the suspect?",
            "Which way did the car go?",
            "Lock the doors and wait for the officers.",
            "Put pressure on the wound with a clean towel.",
            "The ambulance will be there in five minutes.",
            "Tell me when the units arrive.");

    private DispatchPhrases() {
    }
}
