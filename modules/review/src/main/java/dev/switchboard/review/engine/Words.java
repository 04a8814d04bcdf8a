package dev.switchboard.review.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.calltaking.model.CallLog;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The event log's codes as a supervisor reads them on the timeline and in the report: "Nature code set to
 * POL-BURGLARY (filled in automatically)", not "CAD NATURE_CODE: POL-BURGLARY (extraction)". Stateless.
 */
final class Words {

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("ADDRESS", "Address"), Map.entry("WARD", "Ward"), Map.entry("CALLBACK", "Callback number"),
            Map.entry("NATURE_CODE", "Nature code"), Map.entry("PRIORITY", "Priority"), Map.entry("UNITS", "Units"),
            Map.entry("PEOPLE", "People"), Map.entry("INJURIES", "Injuries"), Map.entry("BREATHING", "Breathing"),
            Map.entry("CONSCIOUS", "Conscious"), Map.entry("WEAPONS", "Weapons"), Map.entry("HAZARDS", "Hazards"),
            Map.entry("SUSPECT", "Suspect"), Map.entry("VEHICLES", "Vehicles"), Map.entry("NOTES", "Notes"));

    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("WARD", "ward"), Map.entry("ADDRESS", "address"), Map.entry("INTERSECTION", "intersection"),
            Map.entry("LANDMARK", "landmark"), Map.entry("LOCATION", "location"), Map.entry("PHONE", "phone number"),
            Map.entry("PEOPLE_COUNT", "number of people"), Map.entry("INJURY", "injury"),
            Map.entry("BREATHING", "breathing"), Map.entry("CONSCIOUS", "consciousness"), Map.entry("WEAPON", "weapon"),
            Map.entry("HAZARD", "hazard"), Map.entry("VEHICLE", "vehicle"), Map.entry("SUSPECT", "suspect"));

    private Words() {
    }

    /** "Heard the address: 3-9-12 Nakameguro (caller)". */
    static String entity(String speaker, String type, String value) {
        String what = ENTITIES.getOrDefault(type, sentence(type).toLowerCase(Locale.ROOT));
        return "Heard the " + what + ": " + value + " (" + ("caller".equals(speaker) ? "caller" : "call-taker") + ")";
    }

    /** A CAD edit as a sentence; the verified location has its own. */
    static String cadEdit(String field, String oldValue, String newValue, String by) {
        if ("LOCATION".equals(field)) {
            return newValue == null ? "The location is no longer verified"
                    : "Location verified on the map: " + place(newValue);
        }
        String name = FIELDS.getOrDefault(field, sentence(field));
        if ("confirmed".equals(by)) {
            return name + " confirmed by the call-taker: " + newValue;
        }
        String who = "trainee".equals(by) ? "entered by the call-taker" : "filled in automatically";
        if (newValue == null || newValue.isBlank()) {
            return name + " cleared (" + who + ")";
        }
        return name + (oldValue == null || oldValue.isBlank() ? " set to " : " changed from " + oldValue + " to ")
                + newValue + " (" + who + ")";
    }

    /** A verified location's logged value ("Name (ward) @lat,lon") as its name. */
    static String place(String value) {
        int cut = value.indexOf(" (");
        int at = value.lastIndexOf(" @");
        return (cut > 0 ? value.substring(0, cut) : at > 0 ? value.substring(0, at) : value).strip();
    }

    static String control(String action, String detail) {
        String d = detail == null ? "" : detail.strip();
        return switch (action) {
            case "hold" -> "Put the caller on hold";
            case "resume" -> "Back from hold" + (d.isEmpty() ? "" : " (" + d + ")");
            case "mute" -> "Muted";
            case "unmute" -> "Unmuted";
            case "transfer" -> "Transferred to " + switch (d) {
                case "ems" -> "EMS";
                case "fire" -> "the fire service";
                case "police" -> "the police";
                default -> d;
            };
            case "barge-in" -> "The call-taker spoke over the caller" + (d.isEmpty() ? "" : ": " + d);
            default -> sentence(action) + (d.isEmpty() ? "" : ": " + d);
        };
    }

    /** "The caller was panicking (at the start)". */
    static String emotion(double value, String reason) {
        String why = reason == null || reason.isBlank() ? "" : switch (reason) {
            case "opening" -> " at the start";
            case "silence" -> " after a silence";
            case "after hold" -> " after the hold";
            case "help arrived" -> " as help arrived";
            default -> reason.startsWith("after: ") ? " after \u201c" + reason.substring(7) + "\u201d" : " (" + reason
                    + ")";
        };
        return "The caller was " + CallLog.Emotion.word(value) + why;
    }

    /** "AMBULANCE-02" as "Ambulance 02". */
    static String unit(String id) {
        if (id == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String part : id.split("-")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(part.equals("SWAT") || part.chars().allMatch(Character::isDigit) ? part
                    : part.charAt(0) + part.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    /** Unit types asked for, in words: "fire engine, fire engine, ambulance". */
    static String units(List<String> types) {
        return String.join(", ", types.stream().map(t -> switch (t) {
            case "FIRE" -> "fire engine";
            case "AMBULANCE" -> "ambulance";
            case "POLICE" -> "police";
            case "SWAT" -> "SWAT";
            case "TRAFFIC_CONTROL", "TRAFFIC" -> "traffic control";
            default -> t.toLowerCase(Locale.ROOT);
        }).toList());
    }

    /** A state or kind code in words: "EN_ROUTE" is "en route". */
    static String state(String code) {
        return code == null ? "" : code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String ended(String reason) {
        return switch (reason == null ? "" : reason) {
            case "completed" -> "The call-taker ended the call";
            case "caller-hung-up" -> "The caller hung up";
            case "transferred" -> "The call was transferred";
            case "abandoned" -> "The call was left unanswered";
            default -> "The call ended (" + reason + ")";
        };
    }

    static String minutes(long seconds) {
        return seconds < 60 ? "under a minute" : (seconds + 59) / 60 + " min";
    }

    /** A control-room command entry as a sentence. */
    static String command(String type, JsonNode n) {
        String command = n.path("command").asText("");
        return switch (type) {
            case "city.command.issued" -> "Order given: " + command;
            case "city.command.refused" -> "Order refused: " + command + " (" + n.path("reason").asText() + ")";
            case "city.recommendation.accepted" -> "Recommendation accepted by the " + n.path("by").asText("trainee")
                    + ": " + command;
            case "city.recommendation.rejected" -> "Recommendation rejected: " + command;
            case "city.recommendation.edited" -> "Recommendation changed to: " + command;
            case "city.autopilot.changed" -> "Autopilot " + (n.path("on").asBoolean() ? "on" : "off");
            case "city.evacuation.ordered" -> "Evacuation ordered in " + n.path("area").asText();
            case "city.unit.stood_down" -> unit(n.path("unit").asText()) + " stood down from "
                    + n.path("incident").asText();
            default -> sentence(type.substring("city.".length())) + ": " + command;
        };
    }

    /** "Control room started on Tokyo: 20,000 sensor events a tick, AI coordinator, autopilot off". */
    static String controlRoomStarted(JsonNode n) {
        String pack = n.path("pack").asText("");
        String city = pack.isEmpty() ? "" : " on " + Character.toUpperCase(pack.charAt(0)) + pack.substring(1);
        String coordinator = switch (n.path("coordinator").asText("")) {
            case "llm" -> "AI coordinator";
            case "rules" -> "rules coordinator";
            default -> "coordinator " + n.path("coordinator").asText("");
        };
        // No seed: a report a supervisor signs carries no internals (the control room's own toolbar shows it).
        return String.format(Locale.ROOT, "Control room started%s: %,d sensor events a tick, %s, autopilot %s", city,
                n.path("eventsPerTick").asLong(), coordinator, n.path("autopilot").asBoolean() ? "on" : "off");
    }

    /** A recommendation as it was offered: "Recommended: send Fire 01 to INC-0001, about 20 min away". */
    static String recommended(JsonNode n) {
        String unit = n.path("unit").asText("");
        if (unit.isEmpty() || n.path("unit").isNull()) {
            return "Recommended: " + n.path("command").asText("");
        }
        return "Recommended: send " + unit(unit) + " to " + n.path("incident").asText() + ", about "
                + minutes(n.path("etaSeconds").asLong()) + " away";
    }

    /** A scripted exercise's entry (written by the workflow that ran it) as a sentence. */
    static String exercise(String type, JsonNode n) {
        return switch (type) {
            case "exercise.started" -> "Exercise started: " + n.path("workflow").asText() + ", version "
                    + n.path("version").asText() + ", by " + n.path("startedBy").asText();
            case "exercise.session.linked" -> "A call of the exercise was recorded (it has its own report)";
            case "exercise.linked" -> "Part of the scripted exercise " + n.path("workflow").asText();
            case "exercise.ended" -> "Exercise ended: " + switch (n.path("state").asText()) {
                case "Succeeded" -> "completed";
                case "Cancelled" -> "cancelled";
                case "Failed" -> "stopped by a failure";
                case "TimedOut" -> "timed out";
                case "RolledBack" -> "rolled back";
                default -> n.path("state").asText().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
            } + (n.path("meanScore").isNumber() ? String.format(Locale.ROOT, "; its calls scored %.0f on average",
                    n.path("meanScore").asDouble()) : "; no call of it was scored");
            default -> sentence(type);
        };
    }

    /** A code such as "unit.stood_down" as words: "Unit stood down". */
    static String sentence(String code) {
        String words = code.replace('.', ' ').replace('_', ' ').toLowerCase(Locale.ROOT).strip();
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
