package dev.switchboard.surveillance.engine;

import dev.switchboard.surveillance.model.Behaviour;
import dev.switchboard.surveillance.model.CameraEvent.Attributes;
import dev.switchboard.surveillance.model.ObjectType;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One-sentence descriptions of detections, in the varied wording a video-language model would use ("two men
 * fighting", "a scuffle breaks out"), built from a bounded set of templates and attribute words, so that the
 * distinct sentences number a few thousand however many events there are: each is embedded once.
 */
public final class Descriptions {

    public static final List<String> COLOURS = List.of("red", "blue", "white", "black", "grey", "silver", "yellow",
            "green");
    public static final List<String> CLOTHING = List.of("jacket", "coat", "hoodie", "T-shirt", "suit");
    public static final List<String> CAR_KINDS = List.of("sedan", "taxi", "van", "SUV", "hatchback");
    public static final List<String> TRUCK_KINDS = List.of("delivery truck", "box truck", "dump truck");
    public static final List<String> DIRECTIONS = List.of("north", "south", "east", "west");
    static final List<String> WHO = List.of("man", "woman", "person");
    static final List<String> BAGS = List.of("backpack", "suitcase", "shopping bag");
    static final List<String> ANIMALS = List.of("dog", "cat", "crow");

    // {w} who, {c} colour, {k} clothing or vehicle kind, {d} direction. Several wordings per behaviour.
    private static final Map<ObjectType, Map<Behaviour, List<String>>> TEMPLATES = Map.of(
            ObjectType.PERSON, Map.of(
                    Behaviour.PASSING, List.of("A {w} in a {c} {k} walks past.",
                            "Pedestrian wearing a {c} {k} crossing the frame."),
                    Behaviour.LOITERING, List.of("A {w} in a {c} {k} lingers near the entrance for a long time.",
                            "Someone in a {c} {k} hanging around without moving on.",
                            "A {w} wearing a {c} {k} idles by the wall, watching passers-by."),
                    Behaviour.RUNNING, List.of("A {w} in a {c} {k} runs off at speed.",
                            "Someone in a {c} {k} sprinting away.",
                            "A {w} wearing a {c} {k} dashes across the street."),
                    Behaviour.FIGHTING, List.of("A {w} in a {c} {k} is fighting with another person.",
                            "Scuffle: a {w} in a {c} {k} throws punches.",
                            "Brawl on the pavement involving a {w} in a {c} {k}."),
                    Behaviour.WEAPON, List.of("A {w} in a {c} {k} appears to hold a knife.",
                            "Possible weapon: someone in a {c} {k} brandishing a blade.",
                            "A {w} wearing a {c} {k} waves what looks like a bat."),
                    Behaviour.FALL, List.of("A {w} in a {c} {k} falls to the ground.",
                            "Someone in a {c} {k} collapsed and is lying on the pavement.",
                            "A {w} wearing a {c} {k} stumbles and does not get up.")),
            ObjectType.CAR, Map.of(
                    Behaviour.PASSING, List.of("A {c} {k} drives {d}.", "{C} {k} heading {d} through the junction."),
                    Behaviour.PARKED, List.of("A {c} {k} is parked at the kerb.",
                            "{C} {k} stopped by the roadside with nobody inside."),
                    Behaviour.SPEEDING, List.of("A {c} {k} races {d}, far above the limit.",
                            "{C} {k} speeding {d} and weaving between lanes."),
                    Behaviour.CRASH, List.of("A {c} {k} collides with another vehicle.",
                            "Crash: {c} {k} hits a car at the intersection.",
                            "{C} {k} smashed into a barrier, debris on the road.")),
            ObjectType.TRUCK, Map.of(
                    Behaviour.PASSING, List.of("A {c} {k} drives {d}.", "{C} {k} heading {d}."),
                    Behaviour.PARKED, List.of("A {c} {k} is unloading at the kerb."),
                    Behaviour.CRASH, List.of("A {c} {k} collides with a car.",
                            "{C} {k} jack-knifed across the lanes.")),
            ObjectType.BICYCLE, Map.of(
                    Behaviour.PASSING, List.of("A cyclist on a {c} bicycle rides {d}.", "{C} bike passing {d}."),
                    Behaviour.PARKED, List.of("A {c} bicycle is left against the railing."),
                    Behaviour.SPEEDING, List.of("A cyclist on a {c} bike speeds {d} on the pavement.")),
            ObjectType.MOTORCYCLE, Map.of(
                    Behaviour.PASSING, List.of("A {c} motorcycle rides {d}.", "{C} scooter heading {d}."),
                    Behaviour.SPEEDING, List.of("A {c} motorcycle races {d}, weaving through traffic."),
                    Behaviour.CRASH, List.of("A {c} motorcycle skids and falls over.")),
            ObjectType.BAG, Map.of(
                    Behaviour.ABANDONED, List.of("An unattended {c} {k} left on the ground.",
                            "Abandoned {c} {k}: nobody has come back for it.",
                            "A {c} {k} sits alone by the bench, owner not in sight.")),
            ObjectType.ANIMAL, Map.of(
                    Behaviour.PASSING, List.of("A {k} crosses the frame.", "Stray {k} wandering by."),
                    Behaviour.RUNNING, List.of("A {k} runs into the road.")),
            ObjectType.CROWD, Map.of(
                    Behaviour.PASSING, List.of("A stream of commuters passes through.", "Busy foot traffic."),
                    Behaviour.CROWD_FORMING, List.of("A crowd is gathering quickly.",
                            "People converge and a crowd forms.", "Onlookers gather in a tight group."),
                    Behaviour.RUNNING, List.of("People scatter and run in all directions.",
                            "A group of people flees the area.")),
            ObjectType.FIRE_SMOKE, Map.of(
                    Behaviour.BURNING, List.of("Flames visible from a building.", "Fire spreading, thick smoke.",
                            "A blaze with orange flames on the upper floor."),
                    Behaviour.PASSING, List.of("Smoke drifting across the frame.", "Haze of grey smoke rising.")));

    private Descriptions() {
    }

    /** The behaviours a type can have here (those with templates). */
    public static List<Behaviour> behavioursOf(ObjectType type) {
        return List.copyOf(TEMPLATES.get(type).keySet());
    }

    /** Whether {@code type} may be seen doing {@code behaviour}. */
    public static boolean fits(ObjectType type, Behaviour behaviour) {
        return TEMPLATES.get(type).containsKey(behaviour);
    }

    /**
     * Attributes for a detection of {@code type}, drawn from {@code r}: a colour, a clothing or vehicle kind, a
     * direction; count and speed by type. Plates are left to the caller.
     */
    public static Attributes attributes(ObjectType type, Behaviour behaviour, SplittableRandom r) {
        String colour = COLOURS.get(r.nextInt(COLOURS.size()));
        String direction = DIRECTIONS.get(r.nextInt(DIRECTIONS.size()));
        return switch (type) {
            case PERSON -> new Attributes(colour, CLOTHING.get(r.nextInt(CLOTHING.size())), direction,
                    behaviour == Behaviour.FIGHTING ? 2 + r.nextInt(3) : 1,
                    behaviour == Behaviour.RUNNING ? 10 + r.nextInt(10) : 4 + r.nextInt(2), "");
            case CAR -> new Attributes(colour, CAR_KINDS.get(r.nextInt(CAR_KINDS.size())), direction, 1,
                    behaviour == Behaviour.PARKED ? 0 : behaviour == Behaviour.SPEEDING ? 80 + r.nextInt(50)
                            : 20 + r.nextInt(40), "");
            case TRUCK -> new Attributes(COLOURS.get(r.nextInt(4)), TRUCK_KINDS.get(r.nextInt(TRUCK_KINDS.size())),
                    direction, 1, behaviour == Behaviour.PARKED ? 0 : 20 + r.nextInt(30), "");
            case BICYCLE -> new Attributes(colour, "", direction, 1, behaviour == Behaviour.PARKED ? 0
                    : 12 + r.nextInt(15), "");
            case MOTORCYCLE -> new Attributes(COLOURS.get(r.nextInt(6)), "", direction, 1, 30 + r.nextInt(60), "");
            case BAG -> new Attributes(COLOURS.get(r.nextInt(5)), BAGS.get(r.nextInt(BAGS.size())), "", 1, 0, "");
            case ANIMAL -> new Attributes("", ANIMALS.get(r.nextInt(ANIMALS.size())), direction, 1, 8, "");
            case CROWD -> new Attributes("", "", "", 8 + r.nextInt(60), 3, "");
            case FIRE_SMOKE -> new Attributes("", "", "", 1, 0, "");
        };
    }

    /** A description of a detection; {@code variant} picks the wording (any int; taken modulo the templates). */
    public static String describe(ObjectType type, Behaviour behaviour, Attributes a, int variant) {
        List<String> templates = TEMPLATES.get(type).get(behaviour);
        if (templates == null) {
            templates = TEMPLATES.get(type).values().iterator().next();
        }
        String t = templates.get(Math.floorMod(variant, templates.size()));
        String who = WHO.get(Math.floorMod(variant / 7, WHO.size()));
        String colour = a.colour().isEmpty() ? "dark" : a.colour();
        return t.replace("{w}", who).replace("{C}", capitalise(colour)).replace("{c}", colour)
                .replace("{k}", a.clothing().isEmpty() ? "item" : a.clothing()).replace("{d}", a.direction());
    }

    /** Words of the attributes a keyword search should also find (colour, kind, plate, direction). */
    public static String attributeWords(Attributes a) {
        StringBuilder b = new StringBuilder();
        for (String s : new String[] {a.colour(), a.clothing(), a.direction(), a.plate()}) {
            if (!s.isEmpty()) {
                b.append(s).append(' ');
            }
        }
        return b.toString().strip();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
